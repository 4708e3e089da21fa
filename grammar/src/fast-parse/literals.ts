// Strings, numbers, labels and values, built as the tree builder builds them from the CST.
import type { IToken } from 'chevrotain';
import type { Name, NumberLit, QuantityValue, StringLit, Value } from '../ast.js';
import { stringValue } from '../ast-builder.js';
import * as t from '../lexer.js';
import { type Cursor, endOf, startOf } from './cursor.js';

/** A terminated string; an unterminated one is a lexical error, left to the recovering parser. */
export function stringLit(c: Cursor): StringLit | undefined {
  const tok = c.peek();
  if (tok === undefined || (tok.tokenType !== t.StringLiteral && tok.tokenType !== t.TripleString)) return undefined;
  c.pos++;
  return { value: stringValue(tok), start: startOf(tok), end: endOf(tok) };
}

export function isString(c: Cursor): boolean {
  return c.is(t.StringLiteral) || c.is(t.TripleString);
}

/** A number literal; one too large for a double is an error, so not read here. */
export function numberLit(c: Cursor): NumberLit | undefined {
  const tok = c.take(t.NumberLiteral);
  if (tok === undefined) return undefined;
  return numberOf(tok);
}

export function numberOf(tok: IToken): NumberLit | undefined {
  const value = Number(tok.image);
  if (!Number.isFinite(value)) return undefined;
  return { value, text: tok.image, start: startOf(tok), end: endOf(tok) };
}

/** `80%` */
export function percentage(c: Cursor): NumberLit | undefined {
  const num = numberLit(c);
  if (num === undefined) return undefined;
  const pct = c.take(t.PercentSign);
  if (pct === undefined) return undefined;
  return { value: num.value, text: num.text, start: num.start, end: endOf(pct) };
}

/** A reference label or grading level: a number as written, or a name. */
export function label(c: Cursor): Name | undefined {
  const tok = c.peek();
  if (tok !== undefined && tok.tokenType === t.NumberLiteral) return numberName(c, tok);
  return c.name();
}

/** A number kept as a name (`reference 72`, `strength 1`); one too large for a double is an error. */
export function numberName(c: Cursor, tok: IToken): Name | undefined {
  if (tok.image.length > 300 && !Number.isFinite(Number(tok.image))) return undefined;
  c.pos++;
  return c.nameOf(tok);
}

export function value(c: Cursor): Value | undefined {
  const tok = c.peek();
  if (tok === undefined) return undefined;
  const type = tok.tokenType;
  if (type === t.True || type === t.False) {
    c.pos++;
    return { kind: 'Bool', value: type === t.True, start: startOf(tok), end: endOf(tok) };
  }
  if (type === t.Minus || type === t.NumberLiteral) return quantity(c);
  const n = c.name();
  return n && { kind: 'Symbol', text: n.text, start: n.start, end: n.end };
}

export function quantity(c: Cursor): QuantityValue | undefined {
  const minus = c.take(t.Minus);
  const number = numberLit(c);
  if (number === undefined) return undefined;
  let unit: Name | undefined;
  const next = c.peek();
  if (next !== undefined) {
    const type = next.tokenType;
    if (type === t.PercentSign) {
      c.pos++;
      unit = { text: '%', start: startOf(next), end: endOf(next) };
    } else if (type === t.StringLiteral || type === t.TripleString) {
      const s = stringLit(c)!;
      unit = { text: s.value, start: s.start, end: s.end };
    } else if (type === t.Identifier) {
      // A unit word, unless it starts the next `x = ...`: where the grammar's gate decides, so does the recovering parser.
      if (c.is(t.Equals, 1) || c.is(t.Colon, 1)) return undefined;
      c.pos++;
      unit = c.nameOf(next);
    } else if (type === t.UnterminatedString || type === t.UnterminatedTripleString) {
      return undefined;
    }
  }
  const start = minus !== undefined ? startOf(minus) : number.start;
  return { kind: 'Quantity', start, end: (unit ?? number).end, number, negative: minus !== undefined, unit };
}
