// Which boxes of one list overlap which boxes of another, without comparing every pair:
// the lists are split into buckets along the attribute most of their boxes constrain (one
// bucket per member, or numeric ranges between the thresholds), a box goes into each
// bucket it meets, and only boxes sharing a bucket are compared. Two boxes that overlap
// share a point, and that point lies in one bucket, so no pair is missed.
import { boxesOverlap, constraintOn, type Box } from './box.js';
import { finite, interval, numeric, overlaps, type Domain } from './domain.js';
import type { Scope } from './scope.js';

export interface Item {
  /** The rule the box belongs to. */
  readonly id: number;
  readonly box: Box;
}

const bruteForceBelow = 512;
const maxNumericBuckets = 16;
/** Box comparisons before a join gives up (a few hundred milliseconds at most). */
export const defaultComparisons = 3_000_000;

class OutOfBudget extends Error {}

/**
 * Calls `found` once per pair of ids (left, right) with a pair of overlapping boxes.
 * With `self`, left and right are the same list and each unordered pair comes once, left id < right id.
 * Returns false when it stopped early: after `comparisons` box comparisons (so many boxes
 * that cannot be told apart overlap that listing every pair would take too long), or when
 * `found` asked it to.
 */
export function overlappingPairs(
  left: readonly Item[],
  right: readonly Item[],
  scope: Scope,
  self: boolean,
  /** Returns false to stop: enough pairs. */
  found: (l: Item, r: Item) => boolean | void,
  comparisons = defaultComparisons,
): boolean {
  let budget = comparisons;
  const seen = new Set<string>();
  const report = (l: Item, r: Item): void => {
    if (self && l.id === r.id) return;
    const [a, b] = self && l.id > r.id ? [r, l] : [l, r];
    const key = `${a.id}:${b.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (found(a, b) === false) throw new OutOfBudget();
  };
  const brute = (L: readonly Item[], R: readonly Item[]): void => {
    for (let i = 0; i < L.length; i++) {
      const from = self ? i + 1 : 0;
      budget -= R.length - from;
      if (budget < 0) throw new OutOfBudget();
      for (let j = from; j < R.length; j++) {
        if (boxesOverlap(L[i].box, R[j].box)) report(L[i], R[j]);
      }
    }
  };
  const join = (L: readonly Item[], R: readonly Item[], used: ReadonlySet<number>): void => {
    if (L.length === 0 || R.length === 0) return;
    if (L.length * R.length < bruteForceBelow) return brute(L, R);
    const attr = busiestAttribute(self ? L : [...L, ...R], used);
    if (attr === undefined) return brute(L, R);
    const buckets = bucketsFor(attr, self ? L : [...L, ...R], scope);
    const into = (items: readonly Item[], bucket: Domain): Item[] =>
      items.filter((it) => {
        const d = constraintOn(it.box, attr);
        return !d || overlaps(d, bucket);
      });
    // Each attribute is split once on a path; then the next busiest, then pair by pair.
    const next = new Set(used).add(attr);
    for (const bucket of buckets) {
      const subL = into(L, bucket);
      join(subL, self ? subL : into(R, bucket), next);
    }
  };
  try {
    join(left, self ? left : right, new Set());
    return true;
  } catch (err) {
    if (err instanceof OutOfBudget) return false;
    throw err;
  }
}

function busiestAttribute(items: readonly Item[], used: ReadonlySet<number>): number | undefined {
  const counts = new Map<number, number>();
  for (const it of items) for (const c of it.box) if (!used.has(c.attr)) counts.set(c.attr, (counts.get(c.attr) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 1;
  for (const [attr, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && attr < best)) {
      best = attr;
      bestCount = n;
    }
  }
  return best;
}

function bucketsFor(attr: number, items: readonly Item[], scope: Scope): Domain[] {
  const info = scope.attrs[attr];
  if (info.kind === 'finite') return info.members.map((_, i) => finite(1 << i));
  const ends = new Set<number>();
  for (const it of items) {
    const d = constraintOn(it.box, attr);
    if (d?.kind === 'numeric') for (const i of d.intervals) for (const v of [i.lo, i.hi]) if (Number.isFinite(v)) ends.add(v);
  }
  const sorted = [...ends].sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(sorted.length / maxNumericBuckets));
  const cuts = sorted.filter((_, k) => k % step === 0);
  const out: Domain[] = [];
  let lo = -Infinity;
  for (const c of cuts) {
    out.push(numeric([interval(lo, c, lo === -Infinity, true)]));
    lo = c;
  }
  out.push(numeric([interval(lo, Infinity, lo === -Infinity, true)]));
  return out;
}
