// Find All References and document highlights. A symbol is known by where it is declared
// (kind, file, offset), so the same declaration seen from the analyses of several files
// (each file's own, with its used files) is one symbol. Each file's occurrences come from
// that file's own analysis; nothing here parses.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { citedLabels, occurrenceAt } from '../model/resolve.js';
import type { Sym } from '../model/symbols.js';

export interface SymbolLocation {
  readonly uri: string;
  readonly span: A.Span;
  /** The declaring name. */
  readonly declaration: boolean;
  /** A citation range such as `72-76` that cites the reference without naming it. */
  readonly implicit?: boolean;
}

/** One key per declaration, equal across analyses. */
export function symbolKey(sym: Pick<Sym, 'kind' | 'uri' | 'span'>): string {
  return `${sym.kind}\u0000${sym.uri}\u0000${sym.span.start}`;
}

/** The symbol named at an offset of the analysed file (a name's end counts), if any. */
export function symbolAt(analysis: Analysis, offset: number): Sym | undefined {
  return occurrenceAt(analysis.resolution, offset)?.symbol;
}

/** Whether an analysis can see the symbol at all: it is declared in its file or a used one. */
export function sees(analysis: Analysis, target: Sym): boolean {
  return analysis.program.files.some((f) => f.uri === target.uri);
}

/** The symbol's occurrences in the analysed file itself. */
export function occurrencesIn(analysis: Analysis, target: Sym): SymbolLocation[] {
  const key = symbolKey(target);
  const found: SymbolLocation[] = [];
  analysis.resolution.occurrences.forEach((span, symbol, declaration) => {
    if (symbolKey(symbol) === key) found.push({ uri: analysis.uri, span, declaration });
  });
  if (target.kind === 'reference') for (const r of rangesCiting(analysis, target.name)) found.push(r);
  return found;
}

/** Citation ranges that include a label without naming it (`73` in `72-76`). */
export function rangesCiting(analysis: Analysis, label: string): SymbolLocation[] {
  const found: SymbolLocation[] = [];
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Statement') continue;
    for (const item of d.cites?.value ?? []) {
      if (!item.to || item.from.text === label || item.to.text === label) continue;
      if (citedLabels(item).includes(label)) found.push({ uri: analysis.uri, span: item.span, declaration: false, implicit: true });
    }
  }
  return found;
}

/**
 * Every occurrence of the symbol in the given analyses' files, in file then text order,
 * each once (an analysis contributes its own file's occurrences only).
 */
export function references(target: Sym, analyses: Iterable<Analysis>, includeDeclaration: boolean): SymbolLocation[] {
  const seen = new Set<string>();
  const found: SymbolLocation[] = [];
  for (const a of analyses) {
    if (seen.has(a.uri) || !sees(a, target)) continue;
    seen.add(a.uri);
    for (const l of occurrencesIn(a, target)) if (includeDeclaration || !l.declaration) found.push(l);
  }
  return found.sort((x, y) => (x.uri === y.uri ? x.span.start - y.span.start : x.uri < y.uri ? -1 : 1));
}

export interface Highlight {
  readonly span: A.Span;
  /** The declaration is where the name is written (LSP's Write); uses are reads. */
  readonly write: boolean;
}

/** The symbol's occurrences in this file, for the editor to highlight; empty off a name. */
export function highlights(analysis: Analysis, offset: number): Highlight[] {
  const target = symbolAt(analysis, offset);
  if (!target) return [];
  return occurrencesIn(analysis, target).map((l) => ({ span: l.span, write: l.declaration }));
}
