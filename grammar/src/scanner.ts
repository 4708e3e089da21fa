// The tokenizer of the hot path: one pass over char codes that gives exactly what
// `guidelineLexer` (lexer.ts) gives, several times faster. The Chevrotain lexer stays the
// specification: test/grammar/scanner.test.ts checks that both agree on the samples, the
// fixtures, generated files, random text and mutations. The token objects carry the same
// token types and have the same shape, so the Chevrotain parser consumes them unchanged.
import type { ILexingError, ILexingResult, IToken, TokenType } from 'chevrotain';
import { hashStep, WordTable } from './word-table.js';
import {
  BlockComment, Colon, Comma, Equals, Greater, GreaterEq, Identifier, keywordTypes, LBrace, LParen, Less, LessEq, LineComment, Minus,
  NotEquals, NumberLiteral, PercentSign, RBrace, RParen, StringLiteral, SymbolicAnd, SymbolicNot, SymbolicOr, TripleString,
  UnterminatedBlockComment, UnterminatedString, UnterminatedTripleString,
} from './lexer.js';

const keywords = new WordTable();
for (const type of keywordTypes) keywords.add(type, type.name.slice(3));

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
  // Sized for the densest text (a token per four characters) and cut to length after:
  // growing an array of a quarter million tokens by pushes costs a third of the scan.
  const tokens = new Array<IToken>(text.length >> 2);
  let count = 0;
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  // Keywords, then every name and number as it first appears.
  const words = keywords.copy();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    // Words first: they are most of a guideline's tokens.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      let h = hashStep(0, c);
      for (let d = text.charCodeAt(++i); isWordPart(d); d = text.charCodeAt(++i)) h = hashStep(h, d);
      const w = words.find(text, start, i, h, Identifier);
      tokens[count++] = token(w.type, w.image, start);
      continue;
    }
    if (isSpace(c)) {
      // Mostly one space; a line break with its indentation is a run worth the engine.
      if (isSpace(text.charCodeAt(++i))) i = runEnd(spaces, text, i);
      continue;
    }
    if (isDigit(c)) {
      let h = hashStep(0, c);
      for (let d = text.charCodeAt(++i); isDigit(d); d = text.charCodeAt(++i)) h = hashStep(h, d);
      if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
        h = hashStep(h, 46);
        for (let d = text.charCodeAt(++i); isDigit(d); d = text.charCodeAt(++i)) h = hashStep(h, d);
      }
      const w = words.find(text, start, i, h, NumberLiteral);
      tokens[count++] = token(w.type, w.image, start);
      continue;
    }
    switch (c) {
      case 123: tokens[count++] = token(LBrace, '{', start); i++; continue;
      case 125: tokens[count++] = token(RBrace, '}', start); i++; continue;
      case 40: tokens[count++] = token(LParen, '(', start); i++; continue;
      case 41: tokens[count++] = token(RParen, ')', start); i++; continue;
      case 44: tokens[count++] = token(Comma, ',', start); i++; continue;
      case 58: tokens[count++] = token(Colon, ':', start); i++; continue;
      case 37: tokens[count++] = token(PercentSign, '%', start); i++; continue;
      case 45: tokens[count++] = token(Minus, '-', start); i++; continue;
      case 61: tokens[count++] = token(Equals, '=', start); i++; continue;
      case 0x2260: tokens[count++] = token(NotEquals, '≠', start); i++; continue;
      case 0x2264: tokens[count++] = token(LessEq, '≤', start); i++; continue;
      case 0x2265: tokens[count++] = token(GreaterEq, '≥', start); i++; continue;
      case 33: // !
        if (text.charCodeAt(i + 1) === 61) { tokens[count++] = token(NotEquals, '!=', start); i += 2; }
        else { tokens[count++] = token(SymbolicNot, '!', start); i++; }
        continue;
      case 60: // <
        if (text.charCodeAt(i + 1) === 61) { tokens[count++] = token(LessEq, '<=', start); i += 2; }
        else { tokens[count++] = token(Less, '<', start); i++; }
        continue;
      case 62: // >
        if (text.charCodeAt(i + 1) === 61) { tokens[count++] = token(GreaterEq, '>=', start); i += 2; }
        else { tokens[count++] = token(Greater, '>', start); i++; }
        continue;
      case 38: // &
        if (text.charCodeAt(i + 1) === 38) { tokens[count++] = token(SymbolicAnd, '&&', start); i += 2; }
        else { tokens[count++] = token(SymbolicAnd, '&', start); i++; }
        continue;
      case 124: // |
        if (text.charCodeAt(i + 1) === 124) { tokens[count++] = token(SymbolicOr, '||', start); i += 2; }
        else { tokens[count++] = token(SymbolicOr, '|', start); i++; }
        continue;
      case 34: // "
        if (text.charCodeAt(i + 1) === 34 && text.charCodeAt(i + 2) === 34) {
          const close = text.indexOf('"""', i + 3);
          i = close < 0 ? n : close + 3;
          tokens[count++] = token(close < 0 ? UnterminatedTripleString : TripleString, text.slice(start, i), start);
          continue;
        }
        i = stringEnd(text, i + 1);
        if (text.charCodeAt(i) === 34) {
          i++;
          tokens[count++] = token(StringLiteral, text.slice(start, i), start);
        } else {
          tokens[count++] = token(UnterminatedString, text.slice(start, i), start);
        }
        continue;
      case 47: { // /
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          i = runEnd(restOfLine, text, i + 2);
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
  tokens.length = count;
  return { tokens, groups: { comments }, errors };
}

// Runs of plain characters are left to the regular expression engine, which skips them
// several times faster than a loop over char codes; the decisions stay here.
const plainInString = /[^"\\\r\n]*/y;
const restOfLine = /[^\n\r]*/y;
const spaces = /[ \t\r\n\f\v\u00a0\ufeff]*/y;

/** Where `pattern` (sticky, matching the empty string too) stops matching from `i`. */
function runEnd(pattern: RegExp, text: string, i: number): number {
  pattern.lastIndex = i;
  pattern.test(text);
  return pattern.lastIndex;
}

/** Where the run `(?:[^"\\\r\n]|\\.)*` of a string's body that starts at `i` ends. */
function stringEnd(text: string, i: number): number {
  for (;;) {
    i = runEnd(plainInString, text, i);
    // At a quote, a line end, the end of the text, or a backslash that escapes what follows.
    if (text.charCodeAt(i) !== 92 || i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return i;
    i += 2;
  }
}
