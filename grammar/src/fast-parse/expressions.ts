// Conditions: `implies` over `or` over `and` over `not`, then parentheses or a condition.
// `&& || !` and nesting past the limits are left to the recovering parser, which reports
// them; so is every token no rule here expects.
import type { Expr, Value } from '../ast.js';
import { compareOp } from '../ast-builder.js';
import * as t from '../lexer.js';
import { MAX_NESTING, MAX_NOT_RUN } from '../limits.js';
import { type Cursor, fitted, join, span } from './cursor.js';
import { value } from './literals.js';
import { statementFieldKeywords } from '../parser.js';

export function impliesExpr(c: Cursor): Expr | undefined {
  const first = orExpr(c);
  if (first === undefined || !c.is(t.Implies)) return first;
  const operands: Expr[] = [first];
  while (c.take(t.Implies) !== undefined) {
    const e = orExpr(c);
    if (e === undefined) return undefined;
    operands.push(e);
  }
  return { kind: 'Implies', span: join(operands[0].span, operands[operands.length - 1].span), operands: fitted(operands) };
}

function orExpr(c: Cursor): Expr | undefined {
  const first = andExpr(c);
  if (first === undefined || !c.is(t.Or)) return c.is(t.SymbolicOr) ? undefined : first;
  const operands: Expr[] = [first];
  while (c.take(t.Or) !== undefined) {
    const e = andExpr(c);
    if (e === undefined) return undefined;
    operands.push(e);
  }
  if (c.is(t.SymbolicOr)) return undefined;
  return { kind: 'Or', span: join(operands[0].span, operands[operands.length - 1].span), operands: fitted(operands) };
}

function andExpr(c: Cursor): Expr | undefined {
  const first = notExpr(c);
  if (first === undefined || !c.is(t.And)) return c.is(t.SymbolicAnd) ? undefined : first;
  const operands: Expr[] = [first];
  while (c.take(t.And) !== undefined) {
    const e = notExpr(c);
    if (e === undefined) return undefined;
    operands.push(e);
  }
  if (c.is(t.SymbolicAnd)) return undefined;
  return { kind: 'And', span: join(operands[0].span, operands[operands.length - 1].span), operands: fitted(operands) };
}

function notExpr(c: Cursor): Expr | undefined {
  const firstNot = c.pos;
  while (c.is(t.Not)) c.pos++;
  const nots = c.pos - firstNot;
  if (nots > MAX_NOT_RUN) return undefined;
  let expr = c.is(t.LParen) ? parenExpr(c) : condition(c);
  if (expr === undefined) return undefined;
  for (let i = nots - 1; i >= 0; i--) {
    expr = { kind: 'Not', span: join(span(c.tokens[firstNot + i]), expr.span), operand: expr };
  }
  return expr;
}

/** `(a)` keeps the parentheses in its span, so ranges cover what the user wrote. */
function parenExpr(c: Cursor): Expr | undefined {
  if (c.depth >= MAX_NESTING) return undefined;
  const open = c.tokens[c.pos++];
  c.depth++;
  const inner = impliesExpr(c);
  c.depth--;
  const close = c.take(t.RParen);
  if (inner === undefined || close === undefined) return undefined;
  return { ...inner, span: { start: open.startOffset | 0, end: (close.startOffset + close.image.length) | 0 } };
}

function condition(c: Cursor): Expr | undefined {
  const attribute = c.name();
  if (attribute === undefined) return undefined;
  const tok = c.peek();
  if (tok === undefined) return { kind: 'Flag', span: attribute, attribute };
  const type = tok.tokenType;
  if (type === t.Equals || type === t.NotEquals || type === t.LessEq || type === t.GreaterEq || type === t.Less || type === t.Greater) {
    c.pos++;
    const v = value(c);
    if (v === undefined) return undefined;
    return { kind: 'Compare', span: { start: attribute.start, end: v.end }, attribute, op: compareOp(tok.image), value: v };
  }
  if (type === t.In) {
    c.pos++;
    const open = c.take(t.LBrace);
    if (open === undefined) return undefined;
    const values: Value[] = [];
    if (!c.is(t.RBrace)) {
      if (!setMemberAhead(c, 0)) return undefined;
      const first = value(c);
      if (first === undefined) return undefined;
      values.push(first);
      while (c.is(t.Comma)) {
        if (!setMemberAhead(c, 1)) return undefined;
        c.pos++;
        const v = value(c);
        if (v === undefined) return undefined;
        values.push(v);
      }
    }
    const close = c.take(t.RBrace);
    if (close === undefined) return undefined;
    const setSpan = join(span(open), span(close));
    return { kind: 'In', span: { start: attribute.start, end: setSpan.end }, attribute, values: fitted(values), setSpan };
  }
  if (type === t.Between) {
    c.pos++;
    const low = value(c);
    if (low === undefined || c.take(t.And) === undefined) return undefined;
    const high = value(c);
    if (high === undefined) return undefined;
    return { kind: 'Between', span: { start: attribute.start, end: high.end }, attribute, low, high };
  }
  return { kind: 'Flag', span: attribute, attribute };
}

/** As the grammar's gate: a statement field keyword is a set member only when a `,` or `}` follows it. */
function setMemberAhead(c: Cursor, k: number): boolean {
  const tok = c.peek(k);
  if (tok === undefined || !statementFieldKeywords.has(tok.tokenType)) return true;
  return c.is(t.Comma, k + 1) || c.is(t.RBrace, k + 1);
}
