// Semantic tokens: every resolved name of the file, by what it names, so a theme can tell
// attributes, members, interventions, statements, rules, references, enums and decisions
// apart where the TextMate grammar sees only words. Declarations carry a modifier.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import type { SymbolKind } from '../model/symbols.js';

/** The LSP token type each kind of symbol is shown as (standard types, so every theme colours them). */
export const semanticTokenTypes: Record<SymbolKind, string> = {
  attribute: 'property',
  member: 'enumMember',
  intervention: 'function',
  statement: 'class',
  rule: 'method',
  reference: 'macro',
  enum: 'enum',
  decision: 'interface',
};

export const semanticTokenLegend = {
  tokenTypes: [...new Set(Object.values(semanticTokenTypes))],
  tokenModifiers: ['declaration'],
};

export interface SemanticToken {
  readonly span: A.Span;
  readonly kind: SymbolKind;
  readonly declaration: boolean;
}

/** The file's names in text order; a range limits them to those that start inside it. */
export function semanticTokens(analysis: Analysis, range?: A.Span): SemanticToken[] {
  const out: SemanticToken[] = [];
  analysis.resolution.occurrences.forEach((span, symbol, declaration) => {
    if (!range || (span.start >= range.start && span.start < range.end)) out.push({ span, kind: symbol.kind, declaration });
  });
  return out;
}
