// A rule's `when` (or a decision's `where`) as a disjunction of boxes. `not` is pushed down
// to the comparisons, where it becomes the complement of a value set; `and` distributes
// over `or`. The number of boxes is capped: a condition past the cap is reported as too
// complex to analyse rather than allowed to blow up.
import type * as A from '../../../grammar/src/index.js';
import { quantityInAttributeUnit } from '../model/quantities.js';
import { boxWithin, meet, type Box } from './box.js';
import { complement, equals, finite, intersect, interval, isEmpty, numeric, point, union, type Domain, type Interval } from './domain.js';
import type { AttrInfo, Scope } from './scope.js';

export const maxBoxes = 256;

export type Problem =
  /** A name or type error that other checks already report. */
  | { kind: 'error' }
  | { kind: 'too-complex'; span: A.Span }
  | { kind: 'unsupported-attribute'; span: A.Span; attribute: string };

export type Condition = { ok: true; boxes: Box[] } | { ok: false; problem: Problem };

class ConditionProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.kind);
  }
}

export function conditionOf(e: A.Expr | undefined, scope: Scope, knownAttributes: ReadonlySet<string>): Condition {
  if (!e) return { ok: false, problem: { kind: 'error' } };
  try {
    return { ok: true, boxes: dnf(e, false, scope, knownAttributes, e.span) };
  } catch (err) {
    if (err instanceof ConditionProblem) return { ok: false, problem: err.problem };
    throw err;
  }
}

function dnf(e: A.Expr, negated: boolean, scope: Scope, known: ReadonlySet<string>, whole: A.Span): Box[] {
  switch (e.kind) {
    case 'Not':
      return dnf(e.operand, !negated, scope, known, whole);
    case 'Implies': {
      // a -> b -> c is not a or not b or c; negated, a and b and not c.
      const last = e.operands.length - 1;
      const parts = e.operands.map((o, i) => dnf(o, i === last ? negated : !negated, scope, known, whole));
      return negated ? parts.reduce((acc, p) => product(acc, p, whole), [[]] as Box[]) : capped(simplify(parts.flat()), whole);
    }
    case 'And':
    case 'Or': {
      const parts = e.operands.map((o) => dnf(o, negated, scope, known, whole));
      const conjunction = (e.kind === 'And') !== negated;
      return conjunction ? parts.reduce((acc, p) => product(acc, p, whole), [[]] as Box[]) : capped(simplify(parts.flat()), whole);
    }
    default: {
      const atom = atomOf(e, scope, known);
      const dom = negated ? complement(atom.dom, atom.attr.universe) : atom.dom;
      if (isEmpty(dom)) return [];
      if (equals(dom, atom.attr.universe)) return [[]];
      return [[{ attr: atom.attr.index, dom }]];
    }
  }
}

function product(a: Box[], b: Box[], whole: A.Span): Box[] {
  const out: Box[] = [];
  for (const x of a) {
    for (const y of b) {
      const m = meet(x, y);
      if (m) out.push(m);
    }
    if (out.length > maxBoxes * 4) throw new ConditionProblem({ kind: 'too-complex', span: whole });
  }
  return capped(simplify(out), whole);
}

function capped(boxes: Box[], whole: A.Span): Box[] {
  if (boxes.length > maxBoxes) throw new ConditionProblem({ kind: 'too-complex', span: whole });
  return boxes;
}

/** Drops boxes inside others and merges boxes that differ on one attribute only. */
export function simplify(boxes: Box[]): Box[] {
  if (boxes.length < 2 || boxes.length > 64) return boxes;
  let list = boxes.filter((b, i) => !boxes.some((o, j) => j !== i && boxWithin(b, o) && (!boxWithin(o, b) || j < i)));
  let changed = true;
  while (changed && list.length > 1) {
    changed = false;
    outer: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const merged = mergeAlongOne(list[i], list[j]);
        if (merged) {
          list = [...list.slice(0, i), merged, ...list.slice(i + 1, j), ...list.slice(j + 1)];
          changed = true;
          break outer;
        }
      }
    }
  }
  return list;
}

function mergeAlongOne(a: Box, b: Box): Box | undefined {
  if (a.length !== b.length) return undefined;
  let diff = -1;
  for (let k = 0; k < a.length; k++) {
    if (a[k].attr !== b[k].attr) return undefined;
    if (!equals(a[k].dom, b[k].dom)) {
      if (diff >= 0) return undefined;
      diff = k;
    }
  }
  if (diff < 0) return a;
  return a.map((c, k) => (k === diff ? { attr: c.attr, dom: union(c.dom, b[k].dom) } : c));
}

interface Atom {
  attr: AttrInfo;
  dom: Domain;
}

function atomOf(e: A.CompareExpr | A.InExpr | A.BetweenExpr | A.FlagExpr, scope: Scope, known: ReadonlySet<string>): Atom {
  const attr = scope.byName.get(e.attribute.text);
  if (!attr) {
    // Declared but of a shape the analysis does not model (an enum too large for a bit mask).
    if (known.has(e.attribute.text)) throw new ConditionProblem({ kind: 'unsupported-attribute', span: e.attribute, attribute: e.attribute.text });
    throw new ConditionProblem({ kind: 'error' });
  }
  switch (e.kind) {
    case 'Flag':
      if (attr.type.kind !== 'boolean') throw new ConditionProblem({ kind: 'error' });
      return { attr, dom: finite(0b10) };
    case 'In': {
      const doms = e.values.map((v) => valueDomain(attr, v));
      return { attr, dom: doms.reduce((a, b) => union(a, b), attr.kind === 'finite' ? finite(0) : numeric([])) };
    }
    case 'Between': {
      const lo = numberOf(attr, e.low);
      const hi = numberOf(attr, e.high);
      return { attr, dom: inUniverse(attr, numeric([interval(lo, hi, false, false)])) };
    }
    case 'Compare': {
      if (attr.kind === 'finite') {
        const dom = valueDomain(attr, e.value);
        if (e.op === '=') return { attr, dom };
        if (e.op === '!=') return { attr, dom: complement(dom, attr.universe) };
        throw new ConditionProblem({ kind: 'error' });
      }
      return { attr, dom: inUniverse(attr, numeric(range(e.op, numberOf(attr, e.value)))) };
    }
  }
}

function range(op: A.CompareOp, v: number): Interval[] {
  switch (op) {
    case '=': return [point(v)];
    case '!=': return [interval(-Infinity, v, true, true), interval(v, Infinity, true, true)];
    case '<': return [interval(-Infinity, v, true, true)];
    case '<=': return [interval(-Infinity, v, true, false)];
    case '>': return [interval(v, Infinity, true, true)];
    case '>=': return [interval(v, Infinity, false, true)];
  }
}

function inUniverse(attr: AttrInfo, d: Domain): Domain {
  return intersect(d, attr.universe);
}

/** The set one written value stands for: a member, true or false, or a single number. */
export function valueDomain(attr: AttrInfo, v: A.Value): Domain {
  if (attr.kind === 'finite') {
    const index = memberIndex(attr, v);
    if (index === undefined) throw new ConditionProblem({ kind: 'error' });
    return finite(1 << index);
  }
  return inUniverse(attr, numeric([point(numberOf(attr, v))]));
}

export function memberIndex(attr: AttrInfo, v: A.Value): number | undefined {
  if (attr.type.kind === 'boolean') return v.kind === 'Bool' ? (v.value ? 1 : 0) : undefined;
  if (v.kind !== 'Symbol') return undefined;
  const i = attr.members.indexOf(v.text);
  return i >= 0 ? i : undefined;
}

export function numberOf(attr: AttrInfo, v: A.Value): number {
  const n = v.kind === 'Quantity' ? quantityInAttributeUnit(v, attr.type) : undefined;
  if (n === undefined || Number.isNaN(n)) throw new ConditionProblem({ kind: 'error' });
  return n;
}

/** The value a case's assignment gives, on the attribute's scale; undefined on a type error. */
export function assignedValue(attr: AttrInfo, v: A.Value): number | undefined {
  if (attr.kind === 'finite') return memberIndex(attr, v);
  const n = v.kind === 'Quantity' ? quantityInAttributeUnit(v, attr.type) : undefined;
  return n === undefined || Number.isNaN(n) ? undefined : n;
}

/** Both disjunctions at once (the product of their boxes), or undefined past the cap. */
export function conjoin(a: readonly Box[], b: readonly Box[]): Box[] | undefined {
  const out: Box[] = [];
  for (const x of a) {
    for (const y of b) {
      const m = meet(x, y);
      if (m) out.push(m);
    }
    if (out.length > maxBoxes * 4) return undefined;
  }
  const simple = simplify(out);
  return simple.length > maxBoxes ? undefined : simple;
}
