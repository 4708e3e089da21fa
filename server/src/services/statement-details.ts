// A statement's text and citations, for the preview's hover on a leaf's recommendation.
import type { Analysis } from '../pipeline/analysis.js';
import { citedLabels } from '../model/resolve.js';
import type { StatementDetails } from '../protocol.js';

export function statementDetails(analysis: Analysis, statement: string): StatementDetails | undefined {
  const sym = analysis.symbols.lookup(statement, 'statement');
  if (!sym) return undefined;
  const decl = sym.decl;
  const citations = (decl.cites?.value ?? []).flatMap(citedLabels).map((label) => {
    const citation = analysis.symbols.references.get(label)?.decl.citation?.value;
    return citation ? `${label}. ${citation}` : label;
  });
  return { id: sym.name, title: decl.title?.value, text: decl.text?.value.value, citations };
}
