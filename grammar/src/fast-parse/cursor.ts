// The direct parser's reading position over the lexed tokens, and the few questions every
// part of it asks: the token here, whether it can be a name, its span. Past the end the
// token is `undefined`, which no test matches, so the parts need no bounds checks.
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type { Name, Span } from '../ast.js';
import { allTokens, Name as NameCategory } from '../lexer.js';

/** By token type index: whether the type is in the Name category (identifiers and soft keywords). */
const nameTypes: boolean[] = [];
for (const type of allTokens) {
  const idx = type.tokenTypeIdx;
  if (idx !== undefined) nameTypes[idx] = tokenMatcher({ tokenTypeIdx: idx, tokenType: type } as IToken, NameCategory);
}

export class Cursor {
  pos = 0;
  /** Parentheses open around the current position. */
  depth = 0;
  constructor(readonly tokens: readonly IToken[]) {}

  /** The token `k` ahead (0: the current one). */
  peek(k = 0): IToken | undefined {
    return this.tokens[this.pos + k];
  }

  is(type: TokenType, k = 0): boolean {
    const tok = this.tokens[this.pos + k];
    return tok !== undefined && tok.tokenType === type;
  }

  isName(k = 0): boolean {
    const tok = this.tokens[this.pos + k];
    return tok !== undefined && nameTypes[tok.tokenTypeIdx] === true;
  }

  /** The current token if it has this type, consumed. */
  take(type: TokenType): IToken | undefined {
    const tok = this.tokens[this.pos];
    if (tok === undefined || tok.tokenType !== type) return undefined;
    this.pos++;
    return tok;
  }

  /** The current token as a name if it can be one, consumed. */
  name(): Name | undefined {
    const tok = this.tokens[this.pos];
    if (tok === undefined || nameTypes[tok.tokenTypeIdx] !== true) return undefined;
    this.pos++;
    return this.nameOf(tok);
  }

  /**
   * The token's image is already the one string of its spelling: the scanner keeps one per
   * distinct word (word-table.ts), which a large file's few hundred names, repeated
   * thousands of times, share.
   */
  nameOf(tok: IToken): Name {
    return { text: tok.image, start: startOf(tok), end: endOf(tok) };
  }
}

/** As the tree builder's spans: offsets as small integers (see parse.ts). */
export function span(tok: IToken): Span {
  return { start: startOf(tok), end: endOf(tok) };
}

/** Where a token starts and ends, for the nodes that are their own span (no span object made). */
export const startOf = (tok: IToken): number => tok.startOffset | 0;
export const endOf = (tok: IToken): number => (tok.startOffset + tok.image.length) | 0;

/**
 * The list at its length, for a list the tree keeps. A list grown by `push` keeps room for
 * 16 more items (about 130 bytes), and a rule-heavy file has a list every 60 characters.
 */
export function fitted<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

export function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
