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
/** A side with at most this many boxes is compared with the other box by box. */
const shortSide = 16;
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
  const charge = (work: number): void => {
    budget -= work;
    if (budget < 0) throw new OutOfBudget();
  };
  // A pair met in several buckets is reported once; ids are small integers, so a number keys it.
  let width = 1;
  for (const it of left) width = Math.max(width, it.id + 1);
  for (const it of right) width = Math.max(width, it.id + 1);
  const seen = new Set<number>();
  const report = (l: Item, r: Item): void => {
    const [a, b] = self && l.id > r.id ? [r, l] : [l, r];
    const key = a.id * width + b.id;
    if (seen.has(key)) return;
    seen.add(key);
    if (found(a, b) === false) throw new OutOfBudget();
  };
  const brute = (L: readonly Item[], R: readonly Item[]): void => {
    for (let i = 0; i < L.length; i++) {
      const from = self ? i + 1 : 0;
      charge(R.length - from);
      const l = L[i];
      for (let j = from; j < R.length; j++) {
        const r = R[j];
        // Boxes of one rule are alternatives of one condition: never a pair.
        if (self && l.id === r.id) continue;
        if (boxesOverlap(l.box, r.box)) report(l, r);
      }
    }
  };
  const join = (L: readonly Item[], R: readonly Item[], used: ReadonlySet<number>): void => {
    if (L.length === 0 || R.length === 0) return;
    if (self && L.every((it) => it.id === L[0].id)) return;
    // A short side is cheapest scanned: splitting would copy the long side into every bucket.
    if (L.length * R.length < bruteForceBelow || Math.min(L.length, R.length) <= shortSide) return brute(L, R);
    const both = self ? L : [...L, ...R];
    const attr = busiestAttribute(both, used);
    if (attr === undefined) return brute(L, R);
    const buckets = bucketsFor(attr, both, scope);
    const into = (items: readonly Item[], bucket: Domain): Item[] =>
      items.filter((it) => {
        const d = constraintOn(it.box, attr);
        return !d || overlaps(d, bucket);
      });
    const parts = buckets.map((bucket) => {
      const subL = into(L, bucket);
      return { subL, subR: self ? subL : into(R, bucket) };
    });
    // Every copy into a bucket is work, charged like a comparison.
    charge(parts.reduce((n, p) => n + p.subL.length + (self ? 0 : p.subR.length), 0));
    // A split that leaves as many pairs to compare as before is no help: compare them directly.
    const pairsAfter = parts.reduce((n, p) => n + p.subL.length * p.subR.length, 0);
    if (pairsAfter >= L.length * R.length) return brute(L, R);
    // Each attribute is split once on a path; then the next busiest, then pair by pair.
    const next = new Set(used).add(attr);
    for (const p of parts) join(p.subL, p.subR, next);
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
