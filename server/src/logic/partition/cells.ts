// How the partition splits: which attribute next, the cells of its values that the rules
// treat alike, and the keys that recognise a state already explored.
import { constraintOn, domainKey, type Box, type Constraint } from '../box.js';
import { contains, finite, intersect, interval, isEmpty, members, numeric, pointInside, union, type Domain, type Interval } from '../domain.js';
import type { RuleInfo } from '../rules.js';
import type { Scope } from '../scope.js';
import { ListTable } from './list-table.js';

/**
 * Rules still open on a path: their boxes with the constraints already decided removed.
 * Rules with the same condition travel together (they split alike everywhere), so a state
 * costs the number of distinct conditions, not of rules.
 */
export interface Live {
  /** In source order; never empty. */
  readonly rules: readonly RuleInfo[];
  readonly boxes: readonly Box[];
}

/**
 * Numbers for the shapes met in one partition, so that a state's key is a short list of
 * numbers rather than every open rule's constraints spelt out again at every state.
 */
export class ShapeIds {
  private readonly lists = new ListTable<number>();
  private readonly constraintIds = new Map<string, number>();
  private readonly lives = new WeakMap<Live, number>();
  private readonly boxes = new WeakMap<Box, number>();
  // Boxes are made anew on every path, but their constraints are the rule set's own objects:
  // spelling each constraint once keeps a new box's key to a few numbers.
  private readonly constraints = new WeakMap<Constraint, number>();

  /** One number per list of numbers; its first item (0 for a group, 1 for a box) keeps the two kinds apart. */
  private intern(key: readonly number[]): number {
    let id = this.lists.get(key);
    if (id === undefined) this.lists.add(key, (id = this.lists.size));
    return id;
  }

  /** A group of rules in a shape: its first rule and its boxes' numbers. */
  live(l: Live): number {
    let id = this.lives.get(l);
    if (id === undefined) {
      const key = [0, l.rules[0].index];
      for (const b of l.boxes) key.push(this.box(b));
      this.lives.set(l, (id = this.intern(key)));
    }
    return id;
  }

  box(b: Box): number {
    let id = this.boxes.get(b);
    if (id === undefined) {
      const key = [1];
      for (const c of b) key.push(this.constraint(c));
      this.boxes.set(b, (id = this.intern(key)));
    }
    return id;
  }

  private constraint(c: Constraint): number {
    let id = this.constraints.get(c);
    if (id === undefined) {
      const key = `${c.attr}=${domainKey(c.dom)}`;
      id = this.constraintIds.get(key);
      if (id === undefined) this.constraintIds.set(key, (id = this.constraintIds.size));
      this.constraints.set(c, id);
    }
    return id;
  }
}

/** Which open rules, in which shape, and which part of the population: a subtree's identity. */
export function stateKey(partial: readonly Live[], population: readonly Box[], ids: ShapeIds): number[] {
  const key: number[] = [];
  for (const l of partial) key.push(ids.live(l));
  // Ids are never negative: -1 parts the groups from the population.
  key.push(-1);
  for (const b of population) key.push(ids.box(b));
  return key;
}

/** The first `ask` attribute something here still tests; else the one tested most. */
export function chooseAttribute(partial: readonly Live[], population: readonly Box[], order: readonly number[]): number {
  const counts = new Map<number, number>();
  const count = (b: Box, weight: number): void => {
    for (const c of b) counts.set(c.attr, (counts.get(c.attr) ?? 0) + weight);
  };
  // Each rule counts, as if the rules of one condition were apart.
  partial.forEach((l) => l.boxes.forEach((b) => count(b, l.rules.length)));
  population.forEach((b) => count(b, 1));
  for (const a of order) if (counts.has(a)) return a;
  let best = -1;
  let bestCount = 0;
  for (const [a, n] of counts) {
    if (n > bestCount || (n === bestCount && a < best)) {
      best = a;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The attribute's values grouped by how the boxes treat them: two values in one cell are
 * inside exactly the same boxes. Numeric values are cut at every bound a box uses.
 */
export function cellsOf(attr: number, boxes: readonly Box[], scope: Scope): Domain[] {
  const info = scope.attrs[attr];
  const doms = boxes.map((b) => constraintOn(b, attr)).filter((d): d is Domain => d !== undefined);
  // A value's signature: which of the domains hold it, as bits, 31 to a number.
  const groups: Domain[] = [];
  const bySignature = new ListTable<number>();
  const add = (holds: (d: Domain) => boolean, d: Domain): void => {
    const signature = new Array<number>(Math.ceil(doms.length / 31)).fill(0);
    for (let i = 0; i < doms.length; i++) if (holds(doms[i])) signature[(i / 31) | 0] |= 1 << i % 31;
    const g = bySignature.get(signature);
    if (g === undefined) {
      bySignature.add(signature, groups.length);
      groups.push(d);
    } else groups[g] = union(groups[g], d);
  };
  if (info.universe.kind === 'finite') {
    for (const m of members(info.universe.mask)) add((d) => contains(d, m), finite(1 << m));
    return groups;
  }
  const bounds = new Set<number>();
  for (const d of doms) if (d.kind === 'numeric') for (const i of d.intervals) for (const v of [i.lo, i.hi]) if (Number.isFinite(v)) bounds.add(v);
  const cuts = [...bounds].sort((a, b) => a - b);
  const pieces: Interval[] = [];
  let lo = -Infinity;
  for (const v of cuts) {
    pieces.push(interval(lo, v, true, true), interval(v, v, false, false));
    lo = v;
  }
  pieces.push(interval(lo, Infinity, true, true));
  for (const piece of pieces) {
    const inside = intersect(numeric([piece]), info.universe);
    if (isEmpty(inside) || inside.kind !== 'numeric') continue;
    const probe = pointInside(inside.intervals[0]);
    if (probe === undefined) continue;
    add((d) => contains(d, probe), inside);
  }
  return groups;
}

export function firstValue(d: Domain): number {
  // The lowest bit set: no list of members made for it.
  if (d.kind === 'finite') return d.mask === 0 ? 0 : 31 - Math.clz32(d.mask & -d.mask);
  return d.intervals[0]?.lo ?? 0;
}
