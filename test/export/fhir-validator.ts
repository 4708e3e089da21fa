// The R4 validator the export tests share: Medplum's, with the R4 definitions indexed once
// per process; it answers with the errors only, each naming its resource and path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexStructureDefinitionBundle, validateResource, type OperationOutcomeError } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { FhirResource } from '../../server/src/services/export/fhir.js';
import { repoRoot } from '../helpers.js';

const definitions = path.join(repoRoot, 'node_modules', '@medplum', 'definitions', 'dist', 'fhir', 'r4');
let indexed = false;

export function validator(): (r: FhirResource) => string[] {
  if (!indexed) {
    for (const f of ['profiles-types.json', 'profiles-resources.json']) indexStructureDefinitionBundle(JSON.parse(fs.readFileSync(path.join(definitions, f), 'utf8')));
    indexed = true;
  }
  return (r) => {
    try {
      validateResource(r as unknown as Resource);
      return [];
    } catch (err) {
      const outcome = (err as OperationOutcomeError).outcome;
      if (!outcome) throw err;
      return (outcome.issue ?? []).filter((i) => i.severity === 'error').map((i) => `${r.resourceType}/${r.id}: ${i.details?.text} at ${i.expression?.join(', ')}`);
    }
  };
}
