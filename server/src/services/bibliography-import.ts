// The quick fix on a citation of an undeclared reference that the bibliography files of the
// setting `guideline.bibliography` hold: "Import reference 72 from refs.bib" inserts the
// declaration `guideline refs import` would print (label, Vancouver citation, DOI, PMID),
// where the declare fix would put a placeholder one.
import type { Analysis } from '../pipeline/analysis.js';
import type { Finding } from '../model/findings.js';
import { clipped, listed } from '../model/bounded-text.js';
import { referenceDeclarations as declarationText } from './export/bibliography.js';
import type { BibliographyFile } from './bibliography-files.js';
import { insertDeclarations } from './declare.js';
import type { TextEdit } from './text-edit.js';

/** A quick fix as code-actions.ts has it (its type is not imported: code-actions imports this file). */
export interface ImportFix {
  readonly title: string;
  readonly finding: Finding;
  readonly edits: TextEdit[];
  readonly preferred?: boolean;
}

/** One fix per bibliography file that holds any of the finding's missing labels (the first file wins a label). */
export function bibliographyImports(analysis: Analysis, finding: Finding, files: readonly BibliographyFile[]): ImportFix[] {
  if (finding.code !== 'unresolved-reference') return [];
  const missing = Array.isArray(finding.data?.missing) ? finding.data.missing.filter((m): m is string => typeof m === 'string') : [];
  const taken = new Set<string>();
  const fixes: ImportFix[] = [];
  for (const file of files) {
    const found = file.references.filter((r) => missing.includes(r.label) && !taken.has(r.label));
    if (found.length === 0) continue;
    found.forEach((r) => taken.add(r.label));
    const lines = declarationText(found).split('\n').filter((l) => l.length > 0);
    const edit = insertDeclarations(analysis, 'reference', lines);
    if (!edit) continue;
    const labels = found.map((r) => r.label);
    fixes.push({ title: `Import reference${labels.length > 1 ? 's' : ''} ${listed(labels)} from ${clipped(file.path, 80)}`, finding, edits: [edit], preferred: fixes.length === 0 && labels.length === missing.length });
  }
  return fixes;
}
