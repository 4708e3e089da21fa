// The partition behind a decision tree, and behind the gap and conflict checks: the
// population is split attribute by attribute (the decision's `ask` order first, then the
// attribute the remaining rules test most) until every rule either holds for the whole
// region or for none of it. Values of an attribute that every rule treats alike become one
// branch; a split whose branches all lead to the same subtree is dropped; identical
// subtrees are shared.
//
// It runs in two phases. The first explores the splits: its unit is a state (the rules
// still open, in their remaining shape, and the part of the population left), and a state
// met again below another branch is not explored again, whatever rules already hold on the
// way there. The second walks those splits with the rules that hold on each path, giving
// each leaf its recommendations, merging branches that end the same and sharing identical
// subtrees. A budget on the work of both phases keeps a pathological rule set from running
// away: past it, regions become leaves marked truncated.
import type { Box } from '../box.js';
import { conditionKey, constraintOn, domainKey } from '../box.js';
import { isSubset, overlaps, union, type Domain } from '../domain.js';
import { recKey, shownKey, type RuleInfo } from '../rules.js';
import { replacedIn } from '../precedence.js';
import type { Scope } from '../scope.js';
import { cellsOf, chooseAttribute, firstValue, ShapeIds, stateKey, type Live } from './cells.js';
import { ListTable } from './list-table.js';
import { recordRegions } from './paths.js';
import type { OutcomeEntry, PBranch, PLeaf, PNode, PSplit } from './nodes.js';

export type { OutcomeEntry, PBranch, PLeaf, PNode, PSplit } from './nodes.js';

export interface PartitionInput {
  readonly scope: Scope;
  readonly rules: readonly RuleInfo[];
  /** Who the decision is about (its `where`); `[[]]` is everyone. */
  readonly population: readonly Box[];
  /** Attributes to split on first, in order. */
  readonly order: readonly number[];
  /** Most units of work (states explored, splits walked) before the rest become truncated leaves. */
  readonly budget?: number;
}

export interface Partition {
  /** Undefined when the population is empty. */
  readonly root: PNode | undefined;
  readonly leaves: readonly PLeaf[];
  readonly truncated: boolean;
  /** Work done: states explored plus (split, rules holding) pairs walked. */
  readonly regions: number;
}

export const defaultBudget = 20000;

/** Phase one: the splits below a state, before any rule holding on the way is known. */
type Body =
  | { readonly kind: 'end'; readonly id: number; readonly cut: boolean }
  | { readonly kind: 'split'; readonly id: number; readonly attr: number; readonly branches: readonly { dom: Domain; entry: Entry | undefined }[]; readonly testing: readonly number[]; readonly population: boolean };

/** Entering a branch: the rules that hold everywhere from here on, then the splits below. */
interface Entry {
  readonly enter: readonly RuleInfo[];
  readonly body: Body;
}

/** The rules holding everywhere on a path so far, interned so paths with the same ones share work. */
interface Definite {
  readonly id: number;
  readonly rules: readonly RuleInfo[];
  /** Outcome ids their recommendations give, sorted as leaves list them. */
  readonly given: readonly number[];
  leaf?: PLeaf;
  /** The leaf where the budget ran out on a path with these rules. */
  cutLeaf?: PLeaf;
}

export function partition(input: PartitionInput): Partition {
  const { scope } = input;
  const budget = input.budget ?? defaultBudget;
  let work = 0;
  let truncated = false;
  let nextId = 0;
  const over = (): boolean => {
    if (++work <= budget) return false;
    truncated = true;
    return true;
  };

  // Each (statement, recommendation) a leaf can show gets a number, in the order leaves
  // list them (statement, then recommendation); rules know theirs.
  const statementIndex = new Map<unknown, number>();
  const byKey = new Map<string, OutcomeEntry>();
  for (const r of input.rules) {
    if (!statementIndex.has(r.statement)) statementIndex.set(r.statement, statementIndex.size);
    const statement = statementIndex.get(r.statement)!;
    for (const rec of r.recs) {
      const key = `${String(statement).padStart(6, '0')} ${shownKey(rec)}`;
      if (!byKey.has(key)) byKey.set(key, { key, statement, statementDecl: r.statement, rec });
    }
  }
  const outcomes = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const outcomeIds = new Map(outcomes.map((o, id) => [o.key, id]));
  const outcomesOf = new Map<RuleInfo, number[]>();
  for (const r of input.rules) {
    const statement = String(statementIndex.get(r.statement)!).padStart(6, '0');
    outcomesOf.set(r, r.recs.map((rec) => outcomeIds.get(`${statement} ${shownKey(rec)}`)!));
  }

  // ---- Phase one: splits, one exploration per state.
  const bodies = new ListTable<Body>();
  const ids = new ShapeIds();
  // A box without its constraint on an attribute, made once per (box, attribute): the same
  // object on every path, so its key is computed once too.
  const withouts = new Map<Box, Box[]>();
  const without = (b: Box, attr: number): Box => {
    let byAttr = withouts.get(b);
    if (!byAttr) withouts.set(b, (byAttr = []));
    return (byAttr[attr] ??= b.filter((c) => c.attr !== attr));
  };
  const end: Body = { kind: 'end', id: nextId++, cut: false };
  const cutShort: Body = { kind: 'end', id: nextId++, cut: true };

  const entryOf = (live: readonly Live[], population: readonly Box[]): Entry | undefined => {
    if (population.length === 0) return undefined;
    const enter: RuleInfo[] = [];
    const open: Live[] = [];
    for (const l of live) {
      if (l.boxes.some((b) => b.length === 0)) for (const r of l.rules) enter.push(r);
      else if (l.boxes.length > 0) open.push(l);
    }
    const pop = population.some((b) => b.length === 0) ? [] : population;
    return { enter, body: bodyOf(open, pop) };
  };

  const bodyOf = (open: readonly Live[], pop: readonly Box[]): Body => {
    if (open.length === 0 && pop.length === 0) return end;
    const key = stateKey(open, pop, ids);
    const known = bodies.get(key);
    if (known) return known;
    if (over()) return cutShort;
    const attr = chooseAttribute(open, pop, input.order);
    const tests = (boxes: readonly Box[]): boolean => boxes.some((b) => constraintOn(b, attr) !== undefined);
    const cells = cellsOf(attr, [...open.filter((l) => tests(l.boxes)).flatMap((l) => l.boxes), ...pop], scope);
    const restrict = (boxes: readonly Box[], cell: Domain): readonly Box[] => {
      if (!tests(boxes)) return boxes; // untouched: keeps its identity, and its key
      const out: Box[] = [];
      for (const b of boxes) {
        const d = constraintOn(b, attr);
        if (!d) out.push(b);
        else if (isSubset(cell, d)) out.push(without(b, attr));
        else if (overlaps(cell, d)) out.push(b); // cannot happen: cells never straddle a bound
      }
      return out;
    };
    const branches = cells.map((cell) => {
      const live = open.map((l) => {
        const boxes = restrict(l.boxes, cell);
        return boxes === l.boxes ? l : { rules: l.rules, boxes };
      });
      return { dom: cell, entry: entryOf(live, pop.length === 0 ? [[]] : restrict(pop, cell)) };
    });
    const body: Body = {
      kind: 'split',
      id: nextId++,
      attr,
      branches,
      testing: open.filter((l) => tests(l.boxes)).flatMap((l) => l.rules.map((r) => r.index)),
      population: tests(pop),
    };
    bodies.add(key, body);
    return body;
  };

  // ---- Phase two: the tree, with the rules that hold on each path.
  const anyOverrides = input.rules.some((r) => r.overrides.length > 0);
  const definites = new ListTable<Definite>();
  /** The outcomes `sorted` gives; overridden recommendations are not given where their overrider holds too. */
  const givenBy = (sorted: readonly RuleInfo[]): number[] => {
    const replaced = anyOverrides ? replacedIn(sorted) : undefined;
    const given = new Set<number>();
    for (const r of sorted) {
      const ids = outcomesOf.get(r)!;
      const on = replaced?.get(r.index);
      ids.forEach((id, i) => {
        if (!on?.has(r.recs[i].intervention)) given.add(id);
      });
    }
    return [...given].sort((a, b) => a - b);
  };
  /**
   * `sorted`: by index, no rule twice. `parts`: the outcomes of two lists whose union it is,
   * when no rule overrides another (the outcomes are then the union of theirs).
   */
  const definiteOf = (sorted: readonly RuleInfo[], parts?: readonly [readonly number[], readonly number[]]): Definite => {
    const indices = new Array<number>(sorted.length);
    for (let i = 0; i < sorted.length; i++) indices[i] = sorted[i].index;
    let d = definites.get(indices);
    if (!d) {
      const given = parts && !anyOverrides ? unionOfSorted(parts[0], parts[1]) : givenBy(sorted);
      d = { id: definites.size, rules: sorted, given };
      definites.add(indices, d);
    }
    return d;
  };
  const byIndex = (rules: readonly RuleInfo[]): RuleInfo[] => {
    const sorted = [...new Set(rules)];
    return sorted.sort((a, b) => a.index - b.index);
  };
  const joined = new Map<Entry, Map<number, Definite>>();
  const join = (d: Definite, entry: Entry): Definite => {
    if (entry.enter.length === 0) return d;
    let byDefinite = joined.get(entry);
    if (!byDefinite) joined.set(entry, (byDefinite = new Map()));
    let out = byDefinite.get(d.id);
    if (!out) byDefinite.set(d.id, (out = definiteOf(mergeByIndex(d.rules, enterSorted(entry)), [d.given, enterGiven(entry)])));
    return out;
  };
  const enterGivens = new Map<Entry, readonly number[]>();
  const enterGiven = (entry: Entry): readonly number[] => {
    let given = enterGivens.get(entry);
    if (!given) enterGivens.set(entry, (given = givenBy(enterSorted(entry))));
    return given;
  };
  // Each entry's rules sorted once, however many paths pass through it.
  const enterOrder = new Map<Entry, readonly RuleInfo[]>();
  const enterSorted = (entry: Entry): readonly RuleInfo[] => {
    let sorted = enterOrder.get(entry);
    if (!sorted) enterOrder.set(entry, (sorted = byIndex(entry.enter)));
    return sorted;
  };

  // Identical subtrees are one node: leaves by what they give, splits by their branches.
  const leafNodes = new ListTable<PLeaf>();
  const cutLeafNodes = new ListTable<PLeaf>();
  const splits = new ListTable<PSplit>();
  const leaf = (d: Definite, cut: boolean): PLeaf => {
    if (!cut && d.leaf) return d.leaf;
    const table = cut ? cutLeafNodes : leafNodes;
    let node = (cut ? d.cutLeaf : undefined) ?? table.get(d.given);
    if (!node) {
      const outcome = d.given.map((id) => outcomes[id]);
      const pro = new Set(outcome.filter((o) => !o.rec.against).map((o) => o.rec.intervention));
      node = {
        kind: 'leaf',
        id: nextId++,
        outcome,
        gap: outcome.length === 0 && !cut,
        conflict: outcome.some((o) => o.rec.against && pro.has(o.rec.intervention)),
        truncated: cut,
        reachedBy: [],
        region: [],
      };
      table.add(d.given, node);
    }
    node.reachedBy.push(d.rules);
    if (!cut) d.leaf = node;
    else d.cutLeaf = node;
    return node;
  };
  // A branch's values as one number: an enum's mask, or a numeric domain's number in this partition.
  const domainIds = new Map<string, number>();
  const domainId = (dom: Domain): number => {
    if (dom.kind === 'finite') return dom.mask;
    const key = domainKey(dom);
    let id = domainIds.get(key);
    if (id === undefined) domainIds.set(key, (id = domainIds.size));
    return id;
  };

  const walked = new Map<number, Map<number, PNode>>();
  const walk = (body: Body, d: Definite): PNode => {
    if (body.kind === 'end') return leaf(d, body.cut);
    let byDefinite = walked.get(body.id);
    if (!byDefinite) walked.set(body.id, (byDefinite = new Map()));
    const known = byDefinite.get(d.id);
    if (known) return known;
    if (over()) return leaf(d, true);
    // Branches ending the same become one; a split with one branch left is no split.
    const merged: PBranch[] = [];
    for (const b of body.branches) {
      if (!b.entry) continue; // outside the population
      const node = walk(b.entry.body, join(d, b.entry));
      const same = merged.findIndex((m) => m.node === node);
      if (same >= 0) merged[same] = { dom: union(merged[same].dom, b.dom), node };
      else merged.push({ dom: b.dom, node });
    }
    let node: PNode;
    if (merged.length === 1) node = merged[0].node;
    else {
      // Cells come in order of their first value, and a merge keeps the first place: sorting is rarely needed.
      if (!inOrder(merged)) merged.sort((a, b) => firstValue(a.dom) - firstValue(b.dom));
      const key = [body.attr];
      for (const m of merged) key.push(domainId(m.dom), m.node.id);
      const found = splits.get(key);
      if (found) {
        body.testing.forEach((i) => found.rules.add(i));
        found.population ||= body.population;
        node = found;
      } else {
        // A copy of its exact size: arrays grown by `push` keep room to spare, and trees are kept with the analysis.
        const split: PSplit = { kind: 'split', id: nextId++, attr: body.attr, branches: merged.slice(), rules: new Set(body.testing), population: body.population };
        splits.add(key, split);
        node = split;
      }
    }
    byDefinite.set(d.id, node);
    return node;
  };

  const rootEntry = entryOf(sameConditions(input.rules), input.population);
  const root = rootEntry && walk(rootEntry.body, definiteOf(byIndex(rootEntry.enter)));
  const leaves = root ? recordRegions(root) : [];
  for (const l of leaves) l.reachedBy = l.reachedBy.slice();
  return { root, leaves, truncated, regions: work };
}

/** The union of two lists sorted by rule index, sorted: one pass, no sort. */
function mergeByIndex(a: readonly RuleInfo[], b: readonly RuleInfo[]): RuleInfo[] {
  const out: RuleInfo[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.index < y.index)) {
      out.push(x);
      i++;
    } else if (x === undefined || y.index < x.index) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}

function inOrder(branches: readonly PBranch[]): boolean {
  for (let i = 1; i < branches.length; i++) if (firstValue(branches[i - 1].dom) > firstValue(branches[i].dom)) return false;
  return true;
}

/** The union of two sorted lists of numbers, sorted, each number once. */
function unionOfSorted(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

/** The rules grouped by condition, each group in source order, groups in order of their first rule. */
function sameConditions(rules: readonly RuleInfo[]): Live[] {
  const groups = new Map<string, RuleInfo[]>();
  for (const r of rules) {
    const key = conditionKey(r.written);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  // The written conditions: every population is already within the assumptions.
  return [...groups.values()].map((rs) => ({ rules: rs, boxes: rs[0].written }));
}

/** The rules that give an outcome of a leaf on some path to it (the first holds on every path it is listed for). */
export function rulesGiving(leaf: PLeaf, entry: OutcomeEntry): RuleInfo[] {
  return givers(leaf).get(entry.key) ?? [];
}

/**
 * Outcome key -> the rules giving it at a leaf, by rule index: worked out once per leaf, in
 * one pass over the paths that reach it (a leaf of a large tree is reached by thousands).
 */
function givers(leaf: PLeaf): ReadonlyMap<string, RuleInfo[]> {
  let found = giversOf.get(leaf);
  if (found) return found;
  // By statement, then by what is shown: two statements may give the same recommendation.
  const wanted = new Map<OutcomeEntry['statementDecl'], Map<string, OutcomeEntry>>();
  for (const o of leaf.outcome) {
    let shown = wanted.get(o.statementDecl);
    if (!shown) wanted.set(o.statementDecl, (shown = new Map()));
    shown.set(shownKey(o.rec), o);
  }
  const sets = new Map<string, Set<RuleInfo>>();
  for (const rules of new Set(leaf.reachedBy)) {
    const replaced = replacedIn(rules);
    for (const r of rules) {
      const on = replaced?.get(r.index);
      for (const rec of r.recs) {
        if (on?.has(rec.intervention)) continue;
        const o = wanted.get(r.statement)?.get(shownKey(rec));
        if (!o) continue;
        let set = sets.get(o.key);
        if (!set) sets.set(o.key, (set = new Set()));
        set.add(r);
      }
    }
  }
  found = new Map([...sets].map(([k, set]) => [k, [...set].sort((a, b) => a.index - b.index)]));
  giversOf.set(leaf, found);
  return found;
}

const giversOf = new WeakMap<PLeaf, ReadonlyMap<string, RuleInfo[]>>();
