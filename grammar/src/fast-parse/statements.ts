// `statement NAME "title" { fields and rules }`, with every field the last occurrence of
// its keyword and the earlier ones listed as repeated, as the tree builder does.
import type { IToken, TokenType } from 'chevrotain';
import type { CiteItem, Field, HistoryNote, Name, NumberLit, RepeatedField, RuleDecl, Span, StatementDecl, StringLit, Vote } from '../ast.js';
import * as t from '../lexer.js';
import { statementFieldKeywords } from '../parser.js';
import { action, names } from './actions.js';
import { type Cursor, fitted, join, span, startOf } from './cursor.js';
import { impliesExpr } from './expressions.js';
import { spanOf, type Spanned } from '../span-of.js';
import { label, numberLit, numberName, percentage, stringLit } from './literals.js';

/** The repeatable fields, in the order the tree builder lists their repetitions. */
const repeatable: readonly (readonly [TokenType, string])[] = [
  [t.Text, 'text'], [t.Basis, 'basis'], [t.Strength, 'strength'], [t.Certainty, 'certainty'],
  [t.Agreement, 'agreement'], [t.Votes, 'votes'], [t.EndorsedStrong, 'endorsed_strong'], [t.Cites, 'cites'],
  [t.Section, 'section'], [t.Rationale, 'rationale'], [t.Status, 'status'], [t.Kind, 'kind'],
  [t.Voters, 'voters'], [t.History, 'history'],
];
const slotOf = new Map<TokenType, number>(repeatable.map(([type], i) => [type, i]));

/** Spans of the occurrences a later one replaced, by field slot. */
type Replaced = (Span[] | undefined)[];

function replaced(earlier: Replaced): RepeatedField[] | undefined {
  let out: RepeatedField[] | undefined;
  for (let i = 0; i < repeatable.length; i++) {
    const spans = earlier[i];
    if (spans !== undefined) for (const s of spans) (out ??= []).push({ field: repeatable[i][1], span: s });
  }
  return out;
}

export function statementDecl(c: Cursor): StatementDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined) return undefined;
  const title = stringLit(c);
  const open = c.take(t.LBrace);
  if (open === undefined) return undefined;
  // The fields, by slot of `repeatable`; remarks and rules are lists.
  const fields: (Field<unknown> | undefined)[] = [];
  let earlier: Replaced | undefined;
  const remarks: Field<StringLit>[] = [];
  const rules: RuleDecl[] = [];
  for (;;) {
    const tok = c.peek();
    if (tok === undefined) return undefined;
    const type = tok.tokenType;
    if (type === t.RBrace) break;
    if (type === t.Rule) {
      const r = ruleDecl(c);
      if (r === undefined) return undefined;
      rules.push(r);
      continue;
    }
    if (type === t.Remark) {
      c.pos++;
      const s = stringLit(c);
      if (s === undefined) return undefined;
      remarks.push({ keyword: span(tok), value: s, span: join(span(tok), s) });
      continue;
    }
    const slot = slotOf.get(type);
    if (slot === undefined) return undefined;
    c.pos++;
    const f = statementField(c, tok, type);
    if (f === undefined) return undefined;
    const before = fields[slot];
    if (before !== undefined) ((earlier ??= [])[slot] ??= []).push(before.span);
    fields[slot] = f;
  }
  const close = c.tokens[c.pos++];
  const repeated = earlier && replaced(earlier);
  // Keys in the tree builder's order, `repeated` only where there is one.
  return {
    kind: 'Statement',
    span: join(span(kw), span(close)),
    name,
    title,
    body: join(span(open), span(close)),
    text: fields[0] as Field<StringLit> | undefined,
    basis: fields[1] as Field<Name> | undefined,
    strength: fields[2] as Field<Name> | undefined,
    certainty: fields[3] as Field<Name> | undefined,
    agreement: fields[4] as Field<NumberLit> | undefined,
    votes: fields[5] as Field<Vote[]> | undefined,
    endorsedStrong: fields[6] as Field<NumberLit> | undefined,
    cites: fields[7] as Field<CiteItem[]> | undefined,
    section: fields[8] as Field<StringLit> | undefined,
    rationale: fields[9] as Field<StringLit> | undefined,
    status: fields[10] as Field<Name> | undefined,
    statementKind: fields[11] as Field<Name> | undefined,
    voters: fields[12] as Field<NumberLit> | undefined,
    remarks: fitted(remarks),
    ...(repeated ? { repeated } : {}),
    history: fields[13] as Field<HistoryNote> | undefined,
    rules: fitted(rules),
  };
}

/** The value of the field whose keyword `kw` was just read. */
function statementField(c: Cursor, kw: IToken, type: TokenType): Field<unknown> | undefined {
  const keyword = span(kw);
  switch (type) {
    case t.Text:
    case t.Section:
    case t.Rationale: {
      const s = stringLit(c);
      return s && { keyword, value: s, span: join(keyword, s) };
    }
    case t.Basis:
    case t.Strength:
    case t.Certainty:
    case t.Status:
    case t.Kind:
      return valueField(c, keyword);
    case t.Agreement:
    case t.EndorsedStrong: {
      const p = percentage(c);
      return p && { keyword, value: p, span: join(keyword, p) };
    }
    case t.Voters: {
      const v = voters(c);
      return v && { keyword, value: v, span: join(keyword, v) };
    }
    case t.Votes: {
      const items: Vote[] = [];
      do {
        const grade = c.name();
        const count = grade && numberLit(c);
        if (count === undefined) return undefined;
        items.push({ span: join(grade!, count), grade: grade!, count });
      } while (c.take(t.Comma) !== undefined);
      return listField(keyword, items);
    }
    case t.Cites: {
      const items: CiteItem[] = [];
      do {
        const from = label(c);
        if (from === undefined) return undefined;
        let to: Name | undefined;
        if (c.take(t.Minus) !== undefined) {
          to = label(c);
          if (to === undefined) return undefined;
        }
        items.push({ span: to ? join(from, to) : from, from, to });
      } while (c.take(t.Comma) !== undefined);
      return listField(keyword, items);
    }
    case t.History: {
      const word = fieldValue(c);
      if (word === undefined) return undefined;
      const note = stringLit(c);
      const value: HistoryNote = { word, note };
      return { keyword, value, span: join(keyword, join(word, (note ?? word))) };
    }
    default:
      return undefined;
  }
}

/** `voters 12`, with the sign it may (wrongly) carry, kept for the checker's message. */
export function voters(c: Cursor): NumberLit | undefined {
  const minus = c.take(t.Minus);
  const num = numberLit(c);
  if (num === undefined || minus === undefined) return num;
  return { value: -num.value, text: `-${num.text}`, start: startOf(minus), end: num.end };
}

export function listField<T extends Spanned>(keyword: Span, items: T[]): Field<T[]> {
  const span = items.reduce((s, item) => join(s, spanOf(item)), keyword);
  return { keyword, value: fitted(items), span };
}

/** A field's value word, never the keyword of the next field; or a numbered level (`strength 1`). */
function fieldValue(c: Cursor): Name | undefined {
  const tok = c.peek();
  if (tok === undefined) return undefined;
  if (tok.tokenType === t.NumberLiteral) return numberName(c, tok);
  if (statementFieldKeywords.has(tok.tokenType)) return undefined;
  return c.name();
}

function valueField(c: Cursor, keyword: Span): Field<Name> | undefined {
  const value = fieldValue(c);
  return value && { keyword, value, span: join(keyword, value) };
}

function ruleDecl(c: Cursor): RuleDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined) return undefined;
  let overrides: Field<Name[]> | undefined;
  const overridesKw = c.take(t.Overrides);
  if (overridesKw !== undefined) {
    const overridden = names(c);
    if (overridden === undefined) return undefined;
    overrides = listField(span(overridesKw), overridden);
  }
  let strength: Field<Name> | undefined;
  let certainty: Field<Name> | undefined;
  let earlier: Replaced | undefined;
  for (;;) {
    const tok = c.peek();
    const isStrength = tok !== undefined && tok.tokenType === t.Strength;
    if (!isStrength && !(tok !== undefined && tok.tokenType === t.Certainty)) break;
    c.pos++;
    const f = valueField(c, span(tok));
    if (f === undefined) return undefined;
    const before = isStrength ? strength : certainty;
    if (before !== undefined) ((earlier ??= [])[isStrength ? 2 : 3] ??= []).push(before.span);
    if (isStrength) strength = f;
    else certainty = f;
  }
  if (c.take(t.When) === undefined) return undefined;
  const when = impliesExpr(c);
  if (when === undefined || c.take(t.Then) === undefined) return undefined;
  const then = action(c);
  if (then === undefined) return undefined;
  const repeated = earlier && replaced(earlier);
  return { kind: 'Rule', span: join(span(kw), then.span), name, strength, certainty, overrides, when, then, ...(repeated ? { repeated } : {}) };
}
