// The tokenizer of the hot path: one pass over char codes that gives exactly what
// `guidelineLexer` (lexer.ts) gives, several times faster. The Chevrotain lexer stays the
// specification: test/grammar/scanner.test.ts checks that both agree on the samples, the
// fixtures, generated files, random text and mutations. The token objects carry the same
// token types and have the same shape, so the Chevrotain parser consumes them unchanged.
import type { ILexingError, ILexingResult, IToken, TokenType } from 'chevrotain';
import {
  BlockComment, Colon, Comma, Equals, Greater, GreaterEq, Identifier, keywordTypes, LBrace, LParen, Less, LessEq, LineComment, Minus,
  NotEquals, NumberLiteral, PercentSign, RBrace, RParen, StringLiteral, SymbolicAnd, SymbolicNot, SymbolicOr, TripleString,
  UnterminatedBlockComment, UnterminatedString, UnterminatedTripleString,
} from './lexer.js';

const keywords = new Map<string, { type: TokenType; word: string }>(keywordTypes.map((type) => [type.name.slice(3), { type, word: type.name.slice(3) }]));
const longestKeyword = Math.max(...[...keywords.keys()].map((k) => k.length));

function token(tokenType: TokenType, image: string, startOffset: number): IToken {
  // Fields in the order lexer.ts makes them, so both kinds of token share one shape.
  return { tokenType, tokenTypeIdx: tokenType.tokenTypeIdx!, image, startOffset, endOffset: startOffset + image.length - 1 } as IToken;
}

const isWordPart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `[ \t\r\n\f\v\u00a0\ufeff]`, the lexer's white space (not `\s`: U+2028 is an unknown character). */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
/** `.` of a regular expression without the `s` flag: anything but a line terminator. */
const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** Whether some token starts at `i`: where the lexer stops skipping unknown characters. */
function startsToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isWordPart(c) || isSpace(c)) return true;
  switch (c) {
    case 34: // "
    case 123: case 125: case 40: case 41: case 44: case 58: case 37: case 45: // { } ( ) , : % -
    case 33: case 60: case 62: case 61: case 38: case 124: // ! < > = & |
    case 0x2260: case 0x2264: case 0x2265: // ≠ ≤ ≥
      return true;
    case 47: { // a lone `/` is no token
      const d = text.charCodeAt(i + 1);
      return d === 47 || d === 42;
    }
    default:
      return false;
  }
}

/** The text's tokens, comments and unknown characters, as `guidelineLexer.tokenize` gives them. */
export function tokenize(text: string): ILexingResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  const words = new Map<string, string>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    // Words first: they are most of a guideline's tokens.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      const image = text.slice(start, i);
      const kw = i - start <= longestKeyword && c >= 97 ? keywords.get(image) : undefined;
      // A keyword's image is the one string of its word, and a name's the first of its
      // spellings: the strings kept are one per distinct word, not one per token.
      if (kw !== undefined) tokens.push(token(kw.type, kw.word, start));
      else tokens.push(token(Identifier, shared(words, image), start));
      continue;
    }
    if (isSpace(c)) {
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      continue;
    }
    if (isDigit(c)) {
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      tokens.push(token(NumberLiteral, shared(words, text.slice(start, i)), start));
      continue;
    }
    switch (c) {
      case 123: tokens.push(token(LBrace, '{', start)); i++; continue;
      case 125: tokens.push(token(RBrace, '}', start)); i++; continue;
      case 40: tokens.push(token(LParen, '(', start)); i++; continue;
      case 41: tokens.push(token(RParen, ')', start)); i++; continue;
      case 44: tokens.push(token(Comma, ',', start)); i++; continue;
      case 58: tokens.push(token(Colon, ':', start)); i++; continue;
      case 37: tokens.push(token(PercentSign, '%', start)); i++; continue;
      case 45: tokens.push(token(Minus, '-', start)); i++; continue;
      case 61: tokens.push(token(Equals, '=', start)); i++; continue;
      case 0x2260: tokens.push(token(NotEquals, '≠', start)); i++; continue;
      case 0x2264: tokens.push(token(LessEq, '≤', start)); i++; continue;
      case 0x2265: tokens.push(token(GreaterEq, '≥', start)); i++; continue;
      case 33: // !
        if (text.charCodeAt(i + 1) === 61) { tokens.push(token(NotEquals, '!=', start)); i += 2; }
        else { tokens.push(token(SymbolicNot, '!', start)); i++; }
        continue;
      case 60: // <
        if (text.charCodeAt(i + 1) === 61) { tokens.push(token(LessEq, '<=', start)); i += 2; }
        else { tokens.push(token(Less, '<', start)); i++; }
        continue;
      case 62: // >
        if (text.charCodeAt(i + 1) === 61) { tokens.push(token(GreaterEq, '>=', start)); i += 2; }
        else { tokens.push(token(Greater, '>', start)); i++; }
        continue;
      case 38: // &
        if (text.charCodeAt(i + 1) === 38) { tokens.push(token(SymbolicAnd, '&&', start)); i += 2; }
        else { tokens.push(token(SymbolicAnd, '&', start)); i++; }
        continue;
      case 124: // |
        if (text.charCodeAt(i + 1) === 124) { tokens.push(token(SymbolicOr, '||', start)); i += 2; }
        else { tokens.push(token(SymbolicOr, '|', start)); i++; }
        continue;
      case 34: // "
        if (text.charCodeAt(i + 1) === 34 && text.charCodeAt(i + 2) === 34) {
          const close = text.indexOf('"""', i + 3);
          i = close < 0 ? n : close + 3;
          tokens.push(token(close < 0 ? UnterminatedTripleString : TripleString, text.slice(start, i), start));
          continue;
        }
        i = stringEnd(text, i + 1);
        if (text.charCodeAt(i) === 34) {
          i++;
          tokens.push(token(StringLiteral, text.slice(start, i), start));
        } else {
          tokens.push(token(UnterminatedString, text.slice(start, i), start));
        }
        continue;
      case 47: { // /
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          i += 2;
          for (let e = text.charCodeAt(i); i < n && e !== 10 && e !== 13; e = text.charCodeAt(++i));
          comments.push(token(LineComment, text.slice(start, i), start));
          continue;
        }
        if (d === 42) {
          const close = text.indexOf('*/', i + 2);
          i = close < 0 ? n : close + 2;
          comments.push(token(close < 0 ? UnterminatedBlockComment : BlockComment, text.slice(start, i), start));
          continue;
        }
        break;
      }
    }
    // No token starts here: skip to where one does, as one error.
    i++;
    while (i < n && !startsToken(text, i)) i++;
    errors.push({
      offset: start,
      line: undefined,
      column: undefined,
      length: i - start,
      message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${i - start} characters.`,
    });
  }
  return { tokens, groups: { comments }, errors };
}

function shared(words: Map<string, string>, image: string): string {
  const known = words.get(image);
  if (known !== undefined) return known;
  words.set(image, image);
  return image;
}

/** Where the run `(?:[^"\\\r\n]|\\.)*` of a string's body that starts at `i` ends. */
function stringEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13) return i;
    if (c === 92) {
      if (i + 1 >= n || isLineTerminator(text.charCodeAt(i + 1))) return i;
      i += 2;
    } else {
      i++;
    }
  }
  return i;
}
