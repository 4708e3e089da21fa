// A DOI or PMID of the wrong shape: a typo that would make every link and export point nowhere.
import type { StringLit } from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { doiShape, pmidShape } from '../model/identifiers.js';

export function checkIdentifiers(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  const { uri } = analysis;
  const ast = analysis.source.parse.ast;
  const doi = (value: StringLit, what: string): void => {
    if (doiShape.test(value.value)) return;
    const bare = value.value.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
    const hint = bare !== value.value && doiShape.test(bare) ? `: write the DOI alone, \`${bare}\`` : ': a DOI looks like `10.1097/SLA.0b013e31824856f5`';
    report({ severity: 'warning', code: 'invalid-doi', message: `${what} DOI \`${value.value}\` is not a DOI${hint}`, uri, span: value });
  };
  if (ast.header?.doi) doi(ast.header.doi.value, 'The guideline\'s');
  for (const d of ast.declarations) {
    if (d.kind !== 'Reference') continue;
    const label = d.name?.text ?? '';
    if (d.doi) doi(d.doi.value, `Reference ${label}:`);
    if (d.pmid && !pmidShape.test(d.pmid.value.text)) {
      report({ severity: 'warning', code: 'invalid-pmid', message: `Reference ${label}: PMID \`${d.pmid.value.text}\` is not a PubMed id, which is a whole number such as \`22330038\``, uri, span: d.pmid.value });
    }
  }
}
