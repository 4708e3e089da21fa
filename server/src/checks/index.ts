// The checks that run after name resolution, each a plain function over the analysis that
// reports findings. A check that throws is a bug: it is reported as one finding and the
// other checks still run, so one faulty check never hides the rest or kills the server.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { checkFields } from './fields.js';
import { checkGradingSchemes } from './grading.js';
import { checkTypes } from './types.js';
import { checkMethodology } from './methodology.js';
import { checkAgreement } from './agreement.js';
import { checkUnused } from './unused.js';
import { checkRuleConsistency } from './rule-consistency.js';
import { checkDecisionGaps } from './decision-gaps.js';
import { checkCases } from './cases.js';
import { checkEmptySets } from './empty-sets.js';
import { checkIdentifiers } from './identifiers.js';

export type Check = (analysis: ResolvedDocument, report: (finding: Finding) => void) => void;

export const checks: readonly { name: string; run: Check }[] = [
  { name: 'fields', run: checkFields },
  { name: 'grading schemes', run: checkGradingSchemes },
  { name: 'types', run: checkTypes },
  { name: 'methodology', run: checkMethodology },
  { name: 'agreement', run: checkAgreement },
  { name: 'unused', run: checkUnused },
  { name: 'identifiers', run: checkIdentifiers },
  { name: 'empty sets', run: checkEmptySets },
  { name: 'rule consistency', run: checkRuleConsistency },
  { name: 'decision gaps', run: checkDecisionGaps },
  { name: 'cases', run: checkCases },
];

export function runChecks(analysis: ResolvedDocument, report: (finding: Finding) => void): void {
  for (const check of checks) {
    try {
      check.run(analysis, report);
    } catch (err) {
      report({
        severity: 'error',
        code: 'internal-error',
        message: `The ${check.name} check failed on this file (please report it): ${err instanceof Error ? err.message : String(err)}`,
        uri: analysis.uri,
        span: { start: 0, end: 0 },
      });
    }
  }
}
