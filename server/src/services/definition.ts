// Go to definition: from any resolved name to its declaration, in this file or a used one;
// from the header's `grading NAME` to the scheme's `grading` block.
import type { Span } from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { gradingContext } from '../model/grading.js';
import { occurrenceAt } from '../model/resolve.js';

export function definition(analysis: Analysis, offset: number): { uri: string; span: Span } | undefined {
  const occ = occurrenceAt(analysis.resolution, offset);
  if (occ) return { uri: occ.symbol.uri, span: occ.symbol.span };
  return schemeDefinition(analysis, offset);
}

/** Schemes are kept apart from the named declarations, so the header's choice is looked up here. */
function schemeDefinition(analysis: Analysis, offset: number): { uri: string; span: Span } | undefined {
  const name = analysis.source.parse.ast.header?.grading?.value;
  if (!name || offset < name.start || offset > name.end) return undefined;
  const declared = gradingContext(analysis).schemes.declared.get(name.text);
  return declared && { uri: declared.uri, span: declared.decl.name ?? declared.decl.span };
}
