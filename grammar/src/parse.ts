// Text -> AST and errors. Never throws: lexing errors, unterminated strings and comments,
// overly deep nesting and syntax errors all become SyntaxError entries, and the AST holds
// whatever the recovering parser could make of the rest.
import type { IToken } from 'chevrotain';
import type { GuidelineFile, Lexeme, ParseResult, Span, SyntaxError } from './ast.js';
import { AstBuilder } from './ast-builder.js';
import type { FileCstNode } from './cst-types.js';
import { LParen, Not, RParen } from './lexer.js';
import { tokenize } from './scanner.js';
import { parseTokens } from './parse-tokens.js';
import { describeSyntaxErrors } from './syntax-messages.js';
import { unknownCharacters } from './lexical-messages.js';
import { withoutErrorsInFixes } from './follow-on-errors.js';
import { parseDirect } from './fast-parse/file.js';
import { MAX_NESTING, MAX_NOT_RUN, MAX_RECOVERIES } from './limits.js';

export { MAX_NESTING };
/** Past this many errors a file is reported as garbage rather than error by error. */
export const MAX_ERRORS = 100;

const builder = new AstBuilder();

/** `&& || !` are read as the language's words, and each is reported so the text says so too. */
export const symbolicWords: Readonly<Record<string, string>> = { SymbolicAnd: 'and', SymbolicOr: 'or', SymbolicNot: 'not' };

/**
 * Text without an error is read by the direct parser, straight to the tree; anything else
 * (or anything it does not expect) by the recovering parser, which gives the messages.
 * Both give the same tree where both read a file (test/grammar/direct-parse.test.ts).
 */
export function parse(text: string): ParseResult {
  return parseText(text, 'either')!;
}

/** Always the recovering parser and the tree builder, which every error path takes; for the tests of their agreement. */
export function parseRecovering(text: string): ParseResult {
  return parseText(text, 'recovering')!;
}

/** The direct parser's result, or undefined where `parse` would have left the text to the recovering parser. */
export function parseDirectOnly(text: string): ParseResult | undefined {
  return parseText(text, 'direct');
}

function parseText(text: string, path: 'either' | 'direct' | 'recovering'): ParseResult | undefined {
  const errors: SyntaxError[] = [];
  const lexed = tokenize(text);
  for (const e of unknownCharacters(text, lexed.errors)) errors.push(e);
  const comments: Span[] = [];
  for (const c of lexed.groups.comments ?? []) {
    comments.push(span(c));
    if (c.tokenType.name === 'UnterminatedBlockComment') {
      errors.push({ code: 'unterminated-comment', message: 'Unterminated block comment: add `*/`', span: { start: c.startOffset | 0, end: (c.startOffset + 2) | 0 } });
    }
  }
  for (const tok of lexed.tokens) {
    if (tok.tokenType.name === 'UnterminatedString') {
      errors.push({ code: 'unterminated-string', message: 'This string is not closed: add `"` where it ends, on this line', span: span(tok) });
    } else if (tok.tokenType.name === 'NumberLiteral' && !Number.isFinite(Number(tok.image))) {
      errors.push({ code: 'number-too-large', message: `Number too large: ${tok.image.length} digits (at most about 1.8e308)`, span: span(tok) });
    } else if (tok.tokenType.name === 'UnterminatedTripleString') {
      errors.push({ code: 'unterminated-string', message: 'This text is not closed: add `"""` where it ends (everything after this `"""` is read as text)', span: { start: tok.startOffset | 0, end: (tok.startOffset + 3) | 0 } });
    }
  }
  if (path !== 'recovering' && errors.length === 0) {
    const ast = parseDirect(lexed.tokens, text.length);
    if (ast !== undefined) return result(text, ast, errors, comments);
  }
  if (path === 'direct') return undefined;
  const tokens = limitNesting(lexed.tokens, errors);
  const { cst, errors: parseErrors, unreadFrom } = parseTokens(tokens);
  for (const e of describeSyntaxErrors(parseErrors, text, tokens, lexed.errors)) errors.push(e);
  builder.symbolic = [];
  const ast = builder.file(cst as FileCstNode, text.length);
  // Only the ones read as operators: a stray `!` elsewhere is the syntax error it is.
  for (const tok of builder.symbolic) {
    const word = symbolicWords[tok.tokenType.name];
    errors.push({ code: 'symbolic-operator', message: `Write \`${word}\`, not \`${tok.image}\`: conditions use the words \`and\`, \`or\` and \`not\``, span: span(tok) });
  }
  // `&& || !` are capped on their own: fixing one never brings another error into view.
  // An operator with a syntax error of its own (`a || then`) is that error until it is complete.
  const symbolic = errors.filter((e) => e.code === 'symbolic-operator' && !errors.some((o) => o.code === 'syntax' && o.span.start === e.span.start));
  const others = withoutErrorsInFixes(errors.filter((e) => e.code !== 'symbolic-operator'));
  const capped = symbolic.length === 0 ? capErrors(others, text, unreadFrom) : [...capErrors(others, text, unreadFrom), ...symbolic.slice(0, MAX_ERRORS)].sort((a, b) => a.span.start - b.span.start);
  return result(text, ast, capped, comments, unreadFrom);
}

function result(text: string, ast: GuidelineFile, errors: SyntaxError[], comments: Span[], unreadFrom?: number): ParseResult {
  // The tokens are lexed again when the formatter first asks: keeping one object per token
  // for every open file would cost more memory than the rest of the syntax tree.
  let lexemes: Lexeme[] | undefined;
  return {
    ast,
    errors,
    comments,
    ...(unreadFrom === undefined ? {} : { unreadFrom }),
    get tokens(): readonly Lexeme[] {
      return (lexemes ??= lexemesOf(text));
    },
  };
}

/** The tokens of one stretch of the text (a declaration), for a feature that needs only those. */
export function lexemesIn(text: string, within: Span): Lexeme[] {
  const shift = within.start;
  return lexemesOf(text.slice(within.start, within.end)).map((l) => ({ type: l.type, span: { start: l.span.start + shift, end: l.span.end + shift } }));
}

function lexemesOf(text: string): Lexeme[] {
  return tokenize(text).tokens.map((tok) => ({ type: tok.tokenType.name, span: span(tok) }));
}

/**
 * Chevrotain keeps token offsets as doubles (its recovery tokens hold NaN); `| 0` stores
 * them as small integers, which keeps every span of the tree two words instead of two
 * boxed numbers more.
 */
function span(token: IToken): Span {
  return { start: token.startOffset | 0, end: (token.startOffset + token.image.length) | 0 };
}

/**
 * Drops parentheses nested deeper than MAX_NESTING, and pairs of `not` past MAX_NOT_RUN in
 * a row, with one error at the first of each: later stages then never recurse too deep.
 */
export function limitNesting(tokens: IToken[], errors: SyntaxError[]): IToken[] {
  let depth = 0;
  let reported = false;
  let reportedNots = false;
  let dropped = false;
  let notRun = 0;
  const kept: IToken[] = [];
  for (const tok of tokens) {
    if (tok.tokenType === LParen) {
      depth++;
      if (depth > MAX_NESTING) {
        if (!reported) {
          errors.push({ code: 'nesting-too-deep', message: `Parentheses nested more than ${MAX_NESTING} deep; simplify the condition`, span: span(tok) });
          reported = true;
        }
        dropped = true;
        continue;
      }
    } else if (tok.tokenType === RParen) {
      depth = Math.max(0, depth - 1);
      if (depth >= MAX_NESTING) continue;
    }
    // Counted over the kept tokens: `(not (not ...` past the depth limit leaves a run of `not`.
    notRun = tok.tokenType === Not ? notRun + 1 : 0;
    if (notRun > MAX_NOT_RUN) {
      if (!reportedNots) {
        errors.push({ code: 'nesting-too-deep', message: `\`not\` repeated more than ${MAX_NOT_RUN} times in a row; simplify the condition`, span: span(tok) });
        reportedNots = true;
      }
      // Drop this one and the previous kept `not`: a pair cancels out.
      if ((notRun - MAX_NOT_RUN) % 2 === 0) {
        kept.pop();
        dropped = true;
        continue;
      }
    }
    kept.push(tok);
  }
  return dropped ? kept : tokens;
}

/** `unreadFrom`: where the parser stopped reading, past MAX_RECOVERIES errors. */
function capErrors(errors: SyntaxError[], text: string, unreadFrom: number | undefined): SyntaxError[] {
  errors.sort((a, b) => a.span.start - b.span.start);
  if (errors.length <= MAX_ERRORS && unreadFrom === undefined) return errors;
  const shown = errors.slice(0, MAX_ERRORS);
  const hidden = errors.length - shown.length;
  const parts = hidden > 0 ? [`${hidden} more syntax errors not shown`] : [];
  if (unreadFrom !== undefined) parts.push(`the rest of the file, from line ${lineOf(text, unreadFrom)}, is not read: past ${MAX_RECOVERIES.toLocaleString('en-US')} errors the parser stops`);
  const message = parts.join(', and ');
  const span = unreadFrom === undefined ? errors[errors.length - 1].span : { start: unreadFrom, end: unreadFrom };
  shown.push({ code: 'too-many-errors', message: `${message[0].toUpperCase()}${message.slice(1)}; is this a guideline file?`, span });
  return shown;
}

/** The 1-based line of an offset; a line ends at `\n`, `\r\n` or `\r`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
