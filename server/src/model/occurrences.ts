// The names of a file that refer to declarations, in text order. Kept as parallel arrays,
// not an object per name: a rule-heavy file has one occurrence every six characters, and
// the span is the syntax tree's own, so an occurrence costs two references and a byte.
import type * as A from '../../../grammar/src/index.js';
import type { Sym } from './symbols.js';

export interface Occurrence {
  readonly span: A.Span;
  readonly symbol: Sym;
  readonly declaration: boolean;
}

export class Occurrences implements Iterable<Occurrence> {
  private readonly spans: readonly A.Span[];
  private readonly symbols: readonly Sym[];
  private readonly declarations: Uint8Array;

  /**
   * `found` in any order: sorted by start offset here (stable, so equal starts keep their
   * order). Mapped rather than pushed, so each list is allocated at its length.
   */
  constructor(found: { readonly spans: readonly A.Span[]; readonly symbols: readonly Sym[]; readonly declarations: readonly boolean[] }) {
    const order = found.spans.map((_, i) => i).sort((a, b) => found.spans[a].start - found.spans[b].start);
    this.spans = order.map((i) => found.spans[i]);
    this.symbols = order.map((i) => found.symbols[i]);
    this.declarations = Uint8Array.from(order, (i) => (found.declarations[i] ? 1 : 0));
  }

  get length(): number {
    return this.spans.length;
  }

  span(i: number): A.Span {
    return this.spans[i];
  }

  symbol(i: number): Sym {
    return this.symbols[i];
  }

  isDeclaration(i: number): boolean {
    return this.declarations[i] === 1;
  }

  at(i: number): Occurrence {
    return { span: this.spans[i], symbol: this.symbols[i], declaration: this.declarations[i] === 1 };
  }

  /** Each occurrence in text order, without making an object for it. */
  forEach(f: (span: A.Span, symbol: Sym, declaration: boolean) => void): void {
    for (let i = 0; i < this.spans.length; i++) f(this.spans[i], this.symbols[i], this.declarations[i] === 1);
  }

  *[Symbol.iterator](): Iterator<Occurrence> {
    for (let i = 0; i < this.spans.length; i++) yield this.at(i);
  }
}
