// The declarations other than statements, each read from its keyword (already checked,
// not yet consumed) to its last token.
import type { AssumeDecl, AttributeDecl, Assignment, CaseDecl, DecisionDecl, EnumDecl, Expectation, Expr, Field, GradingDecl, GradingLevel, GuidelineHeader, InterventionDecl, Name, NumberLit, Panel, ReferenceDecl, StringLit, TypeRef, Use } from '../ast.js';
import * as t from '../lexer.js';
import { gradingListKeywords } from '../parser.js';
import { action, names } from './actions.js';
import { type Cursor, fitted, join, span } from './cursor.js';
import { impliesExpr } from './expressions.js';
import { label, numberLit, percentage, stringLit, value } from './literals.js';
import { listField, voters } from './statements.js';

function stringField(c: Cursor): Field<StringLit> | undefined {
  const keyword = span(c.tokens[c.pos++]);
  const s = stringLit(c);
  return s && { keyword, value: s, span: join(keyword, s) };
}

/** The span from a declaration's keyword to the token just read. */
function spanFrom(c: Cursor, start: number): { start: number; end: number } {
  const last = c.tokens[c.pos - 1];
  return { start: start | 0, end: (last.startOffset + last.image.length) | 0 };
}

export function assumeDecl(c: Cursor): AssumeDecl | undefined {
  const kw = c.tokens[c.pos++];
  const condition = impliesExpr(c);
  return condition && { kind: 'Assume', span: spanFrom(c, kw.startOffset), condition };
}

export function useDecl(c: Cursor): Use | undefined {
  const kw = c.tokens[c.pos++];
  const path = stringLit(c);
  return path && { kind: 'Use', span: spanFrom(c, kw.startOffset), path };
}

export function header(c: Cursor): GuidelineHeader | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined || c.take(t.LBrace) === undefined) return undefined;
  let title: Field<StringLit> | undefined;
  let doi: Field<StringLit> | undefined;
  let panelBlock: Panel | undefined;
  let grading: Field<Name> | undefined;
  for (;;) {
    const tok = c.peek();
    if (tok === undefined) return undefined;
    const type = tok.tokenType;
    if (type === t.RBrace) break;
    if (type === t.Title || type === t.Doi) {
      const f = stringField(c);
      if (f === undefined) return undefined;
      if (type === t.Title) title = f;
      else doi = f;
    } else if (type === t.Panel) {
      const p = panel(c);
      if (p === undefined) return undefined;
      // The first panel is the one read, as the tree builder does.
      panelBlock ??= p;
    } else if (type === t.Grading) {
      c.pos++;
      const n = c.name();
      if (n === undefined) return undefined;
      grading = { keyword: span(tok), value: n, span: join(span(tok), n) };
    } else {
      return undefined;
    }
  }
  c.pos++;
  return { kind: 'Guideline', span: spanFrom(c, kw.startOffset), name, title, doi, panel: panelBlock, grading };
}

function panel(c: Cursor): Panel | undefined {
  const kw = c.tokens[c.pos++];
  if (c.take(t.LBrace) === undefined) return undefined;
  let votersField: Field<NumberLit> | undefined;
  let agree: Field<Name[]> | undefined;
  let consensus: Field<NumberLit> | undefined;
  let strong: Field<NumberLit> | undefined;
  for (;;) {
    const tok = c.peek();
    if (tok === undefined) return undefined;
    const type = tok.tokenType;
    if (type === t.RBrace) break;
    const keyword = span(tok);
    c.pos++;
    if (type === t.Voters) {
      const v = voters(c);
      if (v === undefined) return undefined;
      votersField = { keyword, value: v, span: join(keyword, v) };
    } else if (type === t.Agree) {
      const n = names(c);
      if (n === undefined) return undefined;
      agree = listField(keyword, n);
    } else if (type === t.Consensus || type === t.Strong) {
      const p = percentage(c);
      if (p === undefined) return undefined;
      const f = { keyword, value: p, span: join(keyword, p) };
      if (type === t.Consensus) consensus = f;
      else strong = f;
    } else {
      return undefined;
    }
  }
  c.pos++;
  return { kind: 'Panel', span: spanFrom(c, kw.startOffset), voters: votersField, agree, consensus, strong };
}

export function gradingDecl(c: Cursor): GradingDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined) return undefined;
  const title = stringLit(c);
  if (c.take(t.LBrace) === undefined) return undefined;
  const strength: Field<GradingLevel[]>[] = [];
  const certainty: Field<GradingLevel[]>[] = [];
  for (;;) {
    const tok = c.peek();
    if (tok === undefined) return undefined;
    const type = tok.tokenType;
    if (type === t.RBrace) break;
    if (type !== t.Strength && type !== t.Certainty) return undefined;
    c.pos++;
    const levels = gradingLevels(c);
    if (levels === undefined) return undefined;
    (type === t.Strength ? strength : certainty).push(listField(span(tok), levels));
  }
  c.pos++;
  return { kind: 'Grading', span: spanFrom(c, kw.startOffset), name, title, strength: fitted(strength), certainty: fitted(certainty) };
}

/** Possibly empty; a level is never the keyword of the next list, nor the closing brace. */
function gradingLevels(c: Cursor): GradingLevel[] | undefined {
  const out: GradingLevel[] = [];
  if (!gradingLevelAhead(c) || !(c.isName() || c.is(t.NumberLiteral))) return out;
  do {
    const level = label(c);
    if (level === undefined) return undefined;
    const grade = gradingLevelAhead(c) ? c.name() : undefined;
    out.push({ span: grade ? join(level, grade) : level, level, grade });
  } while (c.take(t.Comma) !== undefined);
  return fitted(out);
}

function gradingLevelAhead(c: Cursor): boolean {
  const tok = c.peek();
  return tok !== undefined && !gradingListKeywords.has(tok.tokenType) && tok.tokenType !== t.RBrace;
}

export function enumDecl(c: Cursor): EnumDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined) return undefined;
  const description = stringLit(c);
  if (c.take(t.LBrace) === undefined) return undefined;
  const members: Name[] = [];
  const memberDescriptions: (StringLit | undefined)[] = [];
  if (c.isName()) {
    do {
      const m = c.name();
      if (m === undefined) return undefined;
      members.push(m);
      memberDescriptions.push(stringLit(c));
    } while (c.take(t.Comma) !== undefined);
  }
  if (c.take(t.RBrace) === undefined) return undefined;
  return { kind: 'Enum', span: spanFrom(c, kw.startOffset), name, description, members: fitted(members), memberDescriptions: fitted(memberDescriptions) };
}

export function attributeDecl(c: Cursor): AttributeDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined || c.take(t.Colon) === undefined) return undefined;
  const typeName = c.name();
  if (typeName === undefined) return undefined;
  let unit: StringLit | undefined;
  if (c.take(t.Unit) !== undefined) {
    unit = stringLit(c);
    if (unit === undefined) return undefined;
  }
  const type: TypeRef = { span: unit ? join(typeName, unit) : typeName, name: typeName, unit };
  let molarMass: Field<NumberLit> | undefined;
  const molarKw = c.take(t.MolarMass);
  if (molarKw !== undefined) {
    const n = numberLit(c);
    if (n === undefined) return undefined;
    molarMass = { keyword: span(molarKw), value: n, span: join(span(molarKw), n) };
  }
  const description = stringLit(c);
  return { kind: 'Attribute', span: spanFrom(c, kw.startOffset), name, type, molarMass, description };
}

export function interventionDecl(c: Cursor): InterventionDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined) return undefined;
  const description = stringLit(c);
  return { kind: 'Intervention', span: spanFrom(c, kw.startOffset), name, description };
}

export function referenceDecl(c: Cursor): ReferenceDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = label(c);
  if (name === undefined) return undefined;
  const citation = stringLit(c);
  let doi: Field<StringLit> | undefined;
  if (c.is(t.Doi)) {
    doi = stringField(c);
    if (doi === undefined) return undefined;
  }
  let pmid: Field<Name> | undefined;
  const pmidKw = c.take(t.Pmid);
  if (pmidKw !== undefined) {
    const p = label(c);
    if (p === undefined) return undefined;
    pmid = { keyword: span(pmidKw), value: p, span: join(span(pmidKw), p) };
  }
  return { kind: 'Reference', span: spanFrom(c, kw.startOffset), name, citation, doi, pmid };
}

export function caseDecl(c: Cursor): CaseDecl | undefined {
  const kw = c.tokens[c.pos++];
  const title = stringLit(c);
  if (title === undefined || c.take(t.LBrace) === undefined) return undefined;
  const given: Assignment[] = [];
  const expects: Expectation[] = [];
  for (;;) {
    const tok = c.peek();
    if (tok === undefined) return undefined;
    const type = tok.tokenType;
    if (type === t.RBrace) break;
    c.pos++;
    if (type === t.Given) {
      do {
        const attribute = c.name();
        if (attribute === undefined || c.take(t.Equals) === undefined) return undefined;
        const v = value(c);
        if (v === undefined) return undefined;
        given.push({ span: join(attribute, v), attribute, value: v });
      } while (c.take(t.Comma) !== undefined);
    } else if (type === t.Expect) {
      const e = expectation(c, span(tok));
      if (e === undefined) return undefined;
      expects.push(e);
    } else {
      return undefined;
    }
  }
  c.pos++;
  return { kind: 'Case', span: spanFrom(c, kw.startOffset), title, given: fitted(given), expects: fitted(expects) };
}

function expectation(c: Cursor, kw: { start: number; end: number }): Expectation | undefined {
  const nothing = c.take(t.Nothing);
  if (nothing !== undefined) return { span: join(kw, span(nothing)), nothing: true, only: false, negated: false };
  const only = c.take(t.Only) !== undefined;
  const negated = c.take(t.Not) !== undefined;
  const a = action(c);
  return a && { span: join(kw, a.span), nothing: false, only, negated, action: a };
}

export function decisionDecl(c: Cursor): DecisionDecl | undefined {
  const kw = c.tokens[c.pos++];
  const name = c.name();
  if (name === undefined) return undefined;
  const title = stringLit(c);
  if (c.take(t.LBrace) === undefined) return undefined;
  const ask: Name[] = [];
  let where: Expr | undefined;
  let fromKw: { start: number; end: number } | undefined;
  const from: Name[] = [];
  for (;;) {
    const tok = c.peek();
    if (tok === undefined) return undefined;
    const type = tok.tokenType;
    if (type === t.RBrace) break;
    c.pos++;
    if (type === t.Ask || type === t.From) {
      const n = names(c);
      if (n === undefined) return undefined;
      if (type === t.From) fromKw ??= span(tok);
      for (const name of n) (type === t.Ask ? ask : from).push(name);
    } else if (type === t.Where) {
      const e = impliesExpr(c);
      if (e === undefined) return undefined;
      // The first `where` is the one read, as the tree builder does.
      where ??= e;
    } else {
      return undefined;
    }
  }
  c.pos++;
  return { kind: 'Decision', span: spanFrom(c, kw.startOffset), name, title, ask: fitted(ask), where, from: fromKw && listField(fromKw, from) };
}


