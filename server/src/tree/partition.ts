// The partition behind a decision tree, and behind the gap and conflict checks: the
// population is split attribute by attribute (the decision's `ask` order first, then the
// attribute the remaining rules test most) until every rule either holds for the whole
// region or for none of it. Values of an attribute that every rule treats alike become one
// branch; a split whose branches all lead to the same subtree is dropped; identical
// subtrees are shared. A budget on the number of regions keeps a pathological rule set
// from running away: past it, regions become leaves marked truncated.
import { constraintOn, meet, type Box, type Constraint } from '../consistency/box.js';
import { contains, finite, intersect, interval, isEmpty, isSubset, members, numeric, overlaps, union, type Domain, type Interval } from '../consistency/domain.js';
import { recKey, type RuleInfo } from '../consistency/rules.js';
import type { Scope } from '../consistency/scope.js';

export interface PartitionInput {
  readonly scope: Scope;
  readonly rules: readonly RuleInfo[];
  /** Who the decision is about (its `where`); `[[]]` is everyone. */
  readonly population: readonly Box[];
  /** Attributes to split on first, in order. */
  readonly order: readonly number[];
  /** Most regions explored before the rest become truncated leaves. */
  readonly budget?: number;
}

export interface OutcomeEntry {
  /** Statement index + recommendation: what a reader sees at a leaf. */
  readonly key: string;
  readonly statement: number;
  readonly rec: RuleInfo['recs'][number];
  /** The rules giving it somewhere in this leaf, by index. */
  readonly rules: Set<number>;
}

export interface PLeaf {
  readonly kind: 'leaf';
  readonly id: number;
  readonly outcome: OutcomeEntry[];
  readonly gap: boolean;
  readonly conflict: boolean;
  /** The budget ran out here: rules that only partly cover the region are not shown. */
  readonly truncated: boolean;
  /**
   * The constraints on the first path to this leaf in the finished tree. Every patient in
   * this region and in the population gets exactly this outcome (see `leafExample`).
   */
  region: Box;
}

export interface PBranch {
  readonly dom: Domain;
  readonly node: PNode;
}

export interface PSplit {
  readonly kind: 'split';
  readonly id: number;
  readonly attr: number;
  readonly branches: PBranch[];
  /** Rules whose conditions test this attribute at this split (merged over shared copies). */
  readonly rules: Set<number>;
  /** The decision's `where` tests this attribute here. */
  population: boolean;
}

export type PNode = PLeaf | PSplit;

export interface Partition {
  /** Undefined when the population is empty. */
  readonly root: PNode | undefined;
  readonly leaves: readonly PLeaf[];
  readonly truncated: boolean;
  /** Regions explored (the tree's size before identical subtrees are shared). */
  readonly regions: number;
}

interface Live {
  readonly rule: RuleInfo;
  /** The rule's boxes with the constraints already decided on this path removed. */
  readonly boxes: readonly Box[];
}

export const defaultBudget = 20000;

/** The rules holding everywhere on a path so far: shared by every region below until another joins. */
interface Definite {
  readonly rules: readonly RuleInfo[];
  /** Outcome ids their recommendations give. */
  readonly given: ReadonlySet<number>;
  /** Rule indices, sorted: part of the memo key. */
  readonly key: string;
  leaf?: PLeaf;
}

export function partition(input: PartitionInput): Partition {
  const { scope } = input;
  const budget = input.budget ?? defaultBudget;
  // Each (statement, recommendation) a leaf can show gets a number; rules know theirs.
  const statementIndex = new Map<unknown, number>();
  const outcomeIds = new Map<string, number>();
  const outcomes: { key: string; statement: number; rec: RuleInfo['recs'][number] }[] = [];
  const outcomesOf = new Map<RuleInfo, number[]>();
  for (const r of input.rules) {
    if (!statementIndex.has(r.statement)) statementIndex.set(r.statement, statementIndex.size);
    const statement = statementIndex.get(r.statement)!;
    outcomesOf.set(r, r.recs.map((rec) => {
      const key = `${String(statement).padStart(6, '0')} ${recKey(rec)}`;
      let id = outcomeIds.get(key);
      if (id === undefined) {
        id = outcomes.length;
        outcomeIds.set(key, id);
        outcomes.push({ key, statement, rec });
      }
      return id;
    }));
  }
  const interned = new Map<string, PNode>();
  let regions = 0;
  const memo = new Map<string, { node: PNode | undefined }>();
  let truncated = false;
  let nextId = 0;

  const leaf = (definite: Definite, cut: boolean): PLeaf => {
    if (!cut && definite.leaf) return definite.leaf;
    const ids = [...definite.given].sort((a, b) => outcomes[a].key < outcomes[b].key ? -1 : 1);
    const internKey = `L${cut ? '!' : ''}|${ids.join(',')}`;
    let node = interned.get(internKey) as PLeaf | undefined;
    if (!node) {
      const outcome: OutcomeEntry[] = ids.map((id) => ({ ...outcomes[id], rules: new Set<number>() }));
      const pro = new Set(outcome.filter((o) => !o.rec.against).map((o) => o.rec.intervention));
      node = {
        kind: 'leaf',
        id: nextId++,
        outcome,
        gap: outcome.length === 0 && !cut,
        conflict: outcome.some((o) => o.rec.against && pro.has(o.rec.intervention)),
        truncated: cut,
        region: [],
      };
      interned.set(internKey, node);
    }
    // Which rules give each recommendation here (merged over the paths that share this leaf).
    const at = new Map(ids.map((id, k) => [id, k]));
    for (const r of definite.rules) for (const id of outcomesOf.get(r)!) node.outcome[at.get(id)!].rules.add(r.index);
    if (!cut) definite.leaf = node;
    return node;
  };

  const build = (live: readonly Live[], definite: Definite, population: readonly Box[]): PNode | undefined => {
    if (population.length === 0) return undefined;
    regions++;
    const everyone = population.some((b) => b.length === 0);
    const pop = everyone ? [] : population;
    // Rules now holding everywhere here join the definite ones; rules giving only what
    // definite rules of the same statement already give cannot change the outcome.
    let joined: RuleInfo[] | undefined;
    const partial: Live[] = [];
    for (const l of live) {
      if (l.boxes.some((b) => b.length === 0)) (joined ??= []).push(l.rule);
      else if (l.boxes.length > 0) partial.push(l);
    }
    let here = definite;
    if (joined) {
      const rules = [...definite.rules, ...joined].sort((a, b) => a.index - b.index);
      const given = new Set(definite.given);
      for (const r of joined) for (const id of outcomesOf.get(r)!) given.add(id);
      here = { rules, given, key: rules.map((r) => r.index).join(',') };
    }
    const open = partial.filter((l) => outcomesOf.get(l.rule)!.some((id) => !here.given.has(id)));
    if (open.length === 0 && everyone) return leaf(here, false);
    // The same rules left in the same shape below two branches give the same subtree.
    const memoKey = stateKey(here.key, open, pop);
    const seen = memo.get(memoKey);
    if (seen) return seen.node;
    if (regions > budget) {
      truncated = true;
      return leaf(here, true);
    }
    const node = split(open, here, pop, everyone);
    memo.set(memoKey, { node });
    return node;
  };

  const split = (partial: readonly Live[], definite: Definite, pop: readonly Box[], everyone: boolean): PNode | undefined => {
    const attr = chooseAttribute(partial, pop, input.order);
    const tests = (boxes: readonly Box[]): boolean => boxes.some((b) => constraintOn(b, attr) !== undefined);
    const cells = cellsOf(attr, [...partial.filter((l) => tests(l.boxes)).flatMap((l) => l.boxes), ...pop], scope);
    const restrict = (boxes: readonly Box[], cell: Domain): readonly Box[] => {
      if (!tests(boxes)) return boxes; // untouched: keeps its identity, and its memo key
      const out: Box[] = [];
      for (const b of boxes) {
        const d = constraintOn(b, attr);
        if (!d) out.push(b);
        else if (isSubset(cell, d)) out.push(b.filter((c) => c.attr !== attr));
        else if (overlaps(cell, d)) out.push(b); // cannot happen: cells never straddle a bound
      }
      return out;
    };
    const branches: { dom: Domain; node: PNode }[] = [];
    for (const cell of cells) {
      const childLive = partial.map((l) => {
        const boxes = restrict(l.boxes, cell);
        return boxes === l.boxes ? l : { rule: l.rule, boxes };
      });
      const node = build(childLive, definite, everyone ? [[]] : restrict(pop, cell));
      if (node) branches.push({ dom: cell, node });
    }
    // Branches leading to the same subtree become one.
    const merged: PBranch[] = [];
    for (const b of branches) {
      const same = merged.findIndex((m) => m.node === b.node);
      if (same >= 0) merged[same] = { dom: union(merged[same].dom, b.dom), node: b.node };
      else merged.push(b);
    }
    if (merged.length === 0) return undefined;
    // One branch: the outcome does not depend on the attribute here (values outside the
    // population are not part of the tree; the decision's `where` states them once).
    if (merged.length === 1) return merged[0].node;
    merged.sort((a, b) => firstValue(a.dom) - firstValue(b.dom));
    const testing = partial.filter((l) => l.boxes.some((b) => constraintOn(b, attr))).map((l) => l.rule.index);
    const key = `S${attr}|${merged.map((m) => `${domainKey(m.dom)}>${m.node.id}`).join('|')}`;
    const found = interned.get(key);
    if (found?.kind === 'split') {
      testing.forEach((i) => found.rules.add(i));
      found.population ||= pop.some((b) => constraintOn(b, attr));
      return found;
    }
    const node: PSplit = { kind: 'split', id: nextId++, attr, branches: merged, rules: new Set(testing), population: pop.some((b) => constraintOn(b, attr) !== undefined) };
    interned.set(key, node);
    return node;
  };

  const root = build(input.rules.map((rule) => ({ rule, boxes: rule.boxes })), { rules: [], given: new Set(), key: '' }, input.population);
  return { root, leaves: root ? recordRegions(root) : [], truncated, regions };
}

const boxKeys = new WeakMap<Box, string>();
const domainKeys = new WeakMap<Domain, string>();

function boxKey(b: Box): string {
  let k = boxKeys.get(b);
  if (k === undefined) {
    k = b.map((c) => {
      let d = domainKeys.get(c.dom);
      if (d === undefined) domainKeys.set(c.dom, (d = domainKey(c.dom)));
      return `${c.attr}=${d}`;
    }).join(',');
    boxKeys.set(b, k);
  }
  return k;
}

const liveKeys = new WeakMap<Live, string>();

function liveKey(l: Live): string {
  let k = liveKeys.get(l);
  if (k === undefined) liveKeys.set(l, (k = `${l.rule.index}:${l.boxes.map(boxKey).join(';')}`));
  return k;
}

function stateKey(definite: string, partial: readonly Live[], population: readonly Box[]): string {
  return `${definite}#${partial.map(liveKey).join('|')}#${population.map(boxKey).join(';')}`;
}

/** The first `ask` attribute something here still tests; else the one tested most. */
function chooseAttribute(partial: readonly Live[], population: readonly Box[], order: readonly number[]): number {
  const counts = new Map<number, number>();
  const count = (b: Box): void => {
    for (const c of b) counts.set(c.attr, (counts.get(c.attr) ?? 0) + 1);
  };
  partial.forEach((l) => l.boxes.forEach(count));
  population.forEach(count);
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
  const groups = new Map<string, Domain>();
  const add = (signature: string, d: Domain): void => {
    const g = groups.get(signature);
    groups.set(signature, g ? union(g, d) : d);
  };
  if (info.universe.kind === 'finite') {
    for (const m of members(info.universe.mask)) add(doms.map((d) => (contains(d, m) ? '1' : '0')).join(''), finite(1 << m));
    return [...groups.values()];
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
    const probe = interiorPoint(inside.intervals[0]);
    add(doms.map((d) => (contains(d, probe) ? '1' : '0')).join(''), inside);
  }
  return [...groups.values()];
}

/** A value strictly inside an interval (or its only value). */
function interiorPoint(i: Interval): number {
  if (i.lo === i.hi) return i.lo;
  if (Number.isFinite(i.lo) && Number.isFinite(i.hi)) return (i.lo + i.hi) / 2;
  if (Number.isFinite(i.lo)) return i.lo + 1;
  if (Number.isFinite(i.hi)) return i.hi - 1;
  return 0;
}

/** A region of patients of the population who reach this leaf: its path within a population box. */
export function leafRegion(leaf: PLeaf, population: readonly Box[]): Box {
  for (const p of population) {
    const m = meet(leaf.region, p);
    if (m) return m;
  }
  return leaf.region;
}

/**
 * The regions (root-to-leaf paths, each within a population box) that end at a leaf
 * matching `wanted`: the first `limit` of them in tree order, and how many there are.
 */
export function pathsTo(root: PNode | undefined, population: readonly Box[], wanted: (leaf: PLeaf) => boolean, limit: number): { regions: Box[]; total: number } {
  const regions: Box[] = [];
  if (!root) return { regions, total: 0 };
  const counts = new Map<number, number>();
  const count = (node: PNode): number => {
    let n = counts.get(node.id);
    if (n === undefined) {
      n = node.kind === 'leaf' ? (wanted(node) ? 1 : 0) : node.branches.reduce((sum, b) => sum + count(b.node), 0);
      counts.set(node.id, n);
    }
    return n;
  };
  const walk = (node: PNode, path: Constraint[]): void => {
    if (regions.length >= limit || count(node) === 0) return;
    if (node.kind === 'leaf') {
      regions.push(leafRegion({ ...node, region: [...path].sort((a, b) => a.attr - b.attr) }, population));
      return;
    }
    for (const b of node.branches) walk(b.node, [...path, { attr: node.attr, dom: b.dom }]);
  };
  walk(root, []);
  return { regions, total: count(root) };
}

/** Each leaf's region: the constraints on the first path that reaches it. Returns the leaves in tree order. */
function recordRegions(root: PNode): PLeaf[] {
  const leaves: PLeaf[] = [];
  const seen = new Set<number>();
  const walk = (node: PNode, path: Constraint[]): void => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    if (node.kind === 'leaf') {
      node.region = [...path].sort((a, b) => a.attr - b.attr);
      leaves.push(node);
      return;
    }
    for (const b of node.branches) walk(b.node, [...path, { attr: node.attr, dom: b.dom }]);
  };
  walk(root, []);
  return leaves;
}

function firstValue(d: Domain): number {
  if (d.kind === 'finite') return members(d.mask)[0] ?? 0;
  return d.intervals[0]?.lo ?? 0;
}

export function domainKey(d: Domain): string {
  if (d.kind === 'finite') return `m${d.mask}`;
  return d.intervals.map((i) => `${i.loOpen ? '(' : '['}${i.lo},${i.hi}${i.hiOpen ? ')' : ']'}`).join('u');
}
