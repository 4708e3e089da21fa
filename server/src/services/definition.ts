// Go to definition: from any resolved name to its declaration, in this file or a used one.
import type { Span } from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { occurrenceAt } from '../model/resolve.js';

export function definition(analysis: Analysis, offset: number): { uri: string; span: Span } | undefined {
  const occ = occurrenceAt(analysis.resolution, offset);
  return occ && { uri: occ.symbol.uri, span: occ.symbol.span };
}
