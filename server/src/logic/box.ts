// A box is a conjunction of per-attribute constraints: the patients whose every constrained
// attribute lies in its set. Constraints are sorted by attribute index and never hold an
// attribute's whole universe, so the empty box is "everyone". A condition is a
// disjunction of boxes (a list; the empty list is "no one").
import { intersect, isEmpty, isSubset, overlaps, pick, type Domain } from './domain.js';
import type { Scope } from './scope.js';

export interface Constraint {
  readonly attr: number;
  readonly dom: Domain;
}

export type Box = readonly Constraint[];

/** A patient: the value of each attribute by index (member index, or number in the attribute's unit). */
export type Point = ReadonlyMap<number, number>;

/** The conjunction of two boxes, or undefined when it is empty. */
export function meet(a: Box, b: Box): Box | undefined {
  const out: Constraint[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.attr < y.attr)) {
      out.push(x);
      i++;
    } else if (x === undefined || y.attr < x.attr) {
      out.push(y);
      j++;
    } else {
      const dom = intersect(x.dom, y.dom);
      if (isEmpty(dom)) return undefined;
      out.push({ attr: x.attr, dom });
      i++;
      j++;
    }
  }
  return out;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.attr < y.attr) i++;
    else if (y.attr < x.attr) j++;
    else {
      if (!overlaps(x.dom, y.dom)) return false;
      i++;
      j++;
    }
  }
  return true;
}

/** Every patient in `inner` is in `outer`. */
export function boxWithin(inner: Box, outer: Box): boolean {
  let i = 0;
  for (const c of outer) {
    while (i < inner.length && inner[i].attr < c.attr) i++;
    const x = inner[i];
    if (!x || x.attr !== c.attr || !isSubset(x.dom, c.dom)) return false;
  }
  return true;
}

export function constraintOn(box: Box, attr: number): Domain | undefined {
  for (const c of box) if (c.attr === attr) return c.dom;
  return undefined;
}

/** A patient inside the box: a readable value for each constrained attribute. */
export function pickPoint(box: Box, scope: Scope): Map<number, number> {
  const p = new Map<number, number>();
  for (const c of box) {
    const v = pick(c.dom, scope.attrs[c.attr].universe);
    if (v !== undefined) p.set(c.attr, v);
  }
  return p;
}

/** The attributes a disjunction of boxes constrains, in index order. */
export function attrsOf(boxes: readonly Box[]): number[] {
  const seen = new Set<number>();
  for (const b of boxes) for (const c of b) seen.add(c.attr);
  return [...seen].sort((a, b) => a - b);
}

const boxKeys = new WeakMap<Box, string>();
const domainKeys = new WeakMap<Domain, string>();

/** A string that two equal domains share: for recognising repeated shapes. */
export function domainKey(d: Domain): string {
  if (d.kind === 'finite') return `m${d.mask}`;
  let k = domainKeys.get(d);
  if (k === undefined) domainKeys.set(d, (k = d.intervals.map((i) => `${i.loOpen ? '(' : '['}${i.lo},${i.hi}${i.hiOpen ? ')' : ']'}`).join('u')));
  return k;
}

/** A string that two equal boxes share. */
export function boxKey(b: Box): string {
  let k = boxKeys.get(b);
  if (k === undefined) boxKeys.set(b, (k = b.map((c) => `${c.attr}=${domainKey(c.dom)}`).join(',')));
  return k;
}

/** A string that two conditions with the same boxes share, whatever their order. */
export function conditionKey(boxes: readonly Box[]): string {
  return boxes.map(boxKey).sort().join('|');
}
