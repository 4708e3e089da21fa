// What a syntax error's explainers look at: the parser rule it happened in, the token
// expected, the token found, and the tokens around it, with the small helpers they share
// to phrase a message and place it on the token that is wrong or missing.
import { type IRecognitionException, type IToken, tokenMatcher } from 'chevrotain';
import type { Span, SyntaxFix } from './ast.js';
import { Name } from './lexer.js';

export interface Situation {
  readonly text: string;
  /** Every token the parser read, in order. */
  readonly tokens: readonly IToken[];
  readonly exception: IRecognitionException['name'];
  /** The innermost grammar rule, and the whole stack from `file` down. */
  readonly rule: string;
  readonly stack: readonly string[];
  /** The token type a mismatch wanted, as the parser labels it: `'%'`, `Name`, `number`, `EOF`. */
  readonly expected?: string;
  /** The token found instead (the end-of-file token at the end). */
  readonly found: IToken;
  /** Index of `found` in `tokens` (tokens.length at the end). */
  readonly index: number;
}

export interface Explained {
  readonly message: string;
  readonly span: Span;
  readonly fix?: SyntaxFix;
}

/** An explainer says what went wrong in one kind of situation, or passes (undefined). */
export type Explainer = (s: Situation) => Explained | undefined;

export function situationOf(e: IRecognitionException, text: string, tokens: readonly IToken[]): Situation {
  const stack = e.context?.ruleStack ?? [];
  const m = /-->\s*(.*?)\s*<--/.exec(e.message);
  return {
    text,
    tokens,
    exception: e.name,
    rule: stack[stack.length - 1] ?? 'file',
    stack,
    expected: e.name === 'MismatchedTokenException' || e.name === 'NotAllInputParsedException' ? m?.[1] : undefined,
    found: e.token,
    index: indexOf(tokens, e.token),
  };
}

/** Where `token` is in `tokens`, by its offset; the end-of-file token is past the last. */
function indexOf(tokens: readonly IToken[], token: IToken): number {
  if (!Number.isFinite(token.startOffset)) return tokens.length;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < token.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token `k` places from the found one (negative: before it). */
export function at(s: Situation, k: number): IToken | undefined {
  return s.tokens[s.index + k];
}

export function isEnd(token: IToken | undefined): boolean {
  return !token || token.tokenType.name === 'EOF' || !Number.isFinite(token.startOffset);
}

/** The token's type name (`Kw_then`, `Identifier`, `LBrace`), or `EOF`. */
export function kind(token: IToken | undefined): string {
  return isEnd(token) ? 'EOF' : token!.tokenType.name;
}

export function is(token: IToken | undefined, ...kinds: string[]): boolean {
  return kinds.includes(kind(token));
}

/** A keyword written as such: `then` is `Kw_then`. */
export function isWord(token: IToken | undefined, ...words: string[]): boolean {
  return !isEnd(token) && words.some((w) => token!.tokenType.name === 'Kw_' + w);
}

/** Anything the grammar takes as a name: an identifier or a soft keyword. */
export function isName(token: IToken | undefined): boolean {
  return !isEnd(token) && tokenMatcher(token!, Name);
}

export function isIdentifier(token: IToken | undefined): boolean {
  return kind(token) === 'Identifier';
}

export function spanOf(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

export function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** From the start of `a` to the end of `b`. */
export function spanning(a: IToken, b: IToken): Span {
  return { start: a.startOffset, end: endOf(b) };
}

/** True when a line break separates the end of `a` from the start of `b` (or `b` is the end). */
export function onLaterLine(s: Situation, a: IToken | undefined, b: IToken | undefined): boolean {
  if (!a || isEnd(a) || isEnd(b)) return true;
  return /[\n\r]/.test(s.text.slice(endOf(a), b!.startOffset));
}

/** The found token, shortened, in backticks; or "the end of the file". */
export function foundText(s: Situation): string {
  return isEnd(s.found) ? 'the end of the file' : quote(s.found.image);
}

export function quote(image: string): string {
  const short = image.length > 30 ? image.slice(0, 30) + '…' : image;
  const firstLine = short.split(/[\r\n]/)[0];
  return '`' + (firstLine.length < short.length ? firstLine + '…' : short) + '`';
}

/**
 * Where a missing token is reported: on the token it should follow, so the squiggle is on
 * `85` of `agreement 85`, not on the next line's first word.
 */
export function missingAfter(s: Situation): Span {
  const prev = at(s, -1);
  return prev ? spanOf(prev) : { start: 0, end: 0 };
}

/** The span of the found token, or of the token before when the found one is the end or on a later line. */
export function foundOrMissing(s: Situation): Span {
  const prev = at(s, -1);
  return isEnd(s.found) || (prev && onLaterLine(s, prev, s.found)) ? missingAfter(s) : spanOf(s.found);
}

export function insertFix(title: string, offset: number, newText: string): SyntaxFix {
  return { title, edits: [{ span: { start: offset, end: offset }, newText }] };
}

export function replaceFix(title: string, span: Span, newText: string): SyntaxFix {
  return { title, edits: [{ span, newText }] };
}

/** Deletes `token` and the blanks before it on its line. */
export function deleteFix(s: Situation, title: string, token: IToken): SyntaxFix {
  let start = token.startOffset;
  while (start > 0 && (s.text[start - 1] === ' ' || s.text[start - 1] === '\t')) start--;
  const prev = s.tokens[s.tokens.indexOf(token) - 1];
  if (prev && start < endOf(prev)) start = endOf(prev);
  if (start === 0 || /[\n\r]/.test(s.text[start - 1] ?? '')) start = token.startOffset;
  // `intervention :x` loses its `:`, not the blank that keeps the two words apart.
  const joins = /\w/.test(s.text[start - 1] ?? '') && /\w/.test(s.text[endOf(token)] ?? '');
  return { title, edits: [{ span: { start, end: endOf(token) }, newText: joins ? ' ' : '' }] };
}

/** The blanks that start the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
