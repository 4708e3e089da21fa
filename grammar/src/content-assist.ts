// What the grammar allows at a cursor: the text before it is lexed with the one lexer and
// the one parser's grammar is asked which tokens may follow (Chevrotain's content assist).
// The language server turns these token types into keywords and names.
import type { IToken } from 'chevrotain';
import { Identifier, LParen, Name, NumberLiteral, RParen } from './lexer.js';
import { tokenize } from './scanner.js';
import { MAX_NESTING } from './parse.js';
import { cstParser } from './parser.js';
import type { Span } from './ast.js';

export interface ExpectedToken {
  /** The token type's name: `Kw_basis`, `Name`, `Identifier`, `NumberLiteral`, `Equals`, ... */
  readonly token: string;
  /** The grammar rules from the start rule down to the one that would consume the token. */
  readonly ruleStack: readonly string[];
}

export interface AssistToken {
  readonly type: string;
  readonly image: string;
  readonly span: Span;
}

export interface ContentAssist {
  /** The word being typed at the cursor (empty if none): what completion replaces. */
  readonly prefix: { readonly text: string; readonly span: Span };
  /** The tokens from `from` up to the word being typed. */
  readonly preceding: readonly AssistToken[];
  readonly expected: readonly ExpectedToken[];
}

const wordCategories = new Set([Name, Identifier]);
const stringTokens = new Set(['StringLiteral', 'TripleString', 'UnterminatedString', 'UnterminatedTripleString']);

function isWord(tok: IToken): boolean {
  return wordCategories.has(tok.tokenType) || (tok.tokenType.CATEGORIES ?? []).includes(Name) || /^Kw_/.test(tok.tokenType.name);
}

/**
 * Content assist explores every grammar path through the preceding tokens, so its time and
 * memory grow much faster than their number and nesting: past these it offers nothing
 * (a real declaration has a few hundred tokens, and parse reports the deep nesting).
 */
export const MAX_ASSIST_TOKENS = 1500;

function tooComplex(tokens: readonly IToken[]): boolean {
  if (tokens.length > MAX_ASSIST_TOKENS) return true;
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === LParen && ++depth > MAX_NESTING) return true;
    if (t.tokenType === RParen) depth = Math.max(0, depth - 1);
  }
  return false;
}

/**
 * The tokens the grammar accepts at `offset`, parsing from `from` (which must be the start
 * of something `startRule` parses, such as a declaration for `file`). Undefined inside a
 * string or a comment, and right after a number being typed: no completion belongs there.
 */
export function contentAssistAt(text: string, offset: number, from = 0, startRule = 'file'): ContentAssist | undefined {
  const lexed = tokenize(text.slice(from, offset));
  const end = offset - from;
  const endsAt = (tok: IToken): boolean => tok.startOffset + tok.image.length === end;
  // A line comment or an unclosed block comment that reaches the cursor holds it.
  if ((lexed.groups.comments ?? []).some((c) => endsAt(c) && c.tokenType.name !== 'BlockComment')) return undefined;
  const tokens = lexed.tokens;
  const last = tokens[tokens.length - 1];
  let preceding = tokens;
  let prefix = { text: '', span: { start: offset, end: offset } };
  if (last && endsAt(last)) {
    if (stringTokens.has(last.tokenType.name) || last.tokenType === NumberLiteral) return undefined;
    if (isWord(last)) {
      preceding = tokens.slice(0, -1);
      prefix = { text: last.image, span: { start: from + last.startOffset, end: offset } };
    }
  }
  if (tooComplex(preceding)) return undefined;
  const paths = cstParser.computeContentAssist(startRule, preceding);
  const seen = new Set<string>();
  const expected: ExpectedToken[] = [];
  for (const p of paths) {
    const key = `${p.nextTokenType.name} ${p.ruleStack.join('>')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    expected.push({ token: p.nextTokenType.name, ruleStack: p.ruleStack });
  }
  return {
    prefix,
    preceding: preceding.map((t) => ({ type: t.tokenType.name, image: t.image, span: { start: from + t.startOffset, end: from + t.startOffset + t.image.length } })),
    expected,
  };
}
