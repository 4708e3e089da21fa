// The values one attribute can take, as a set: a bit mask for booleans and enums (bit i is
// member i; for booleans bit 0 is false and bit 1 is true), a union of intervals with open
// or closed ends for numbers, percentages and durations (in the attribute's own unit).
// Every operation returns a normalised set: intervals sorted, disjoint and not touching.

export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export type Domain =
  | { readonly kind: 'finite'; readonly mask: number }
  | { readonly kind: 'numeric'; readonly intervals: readonly Interval[] };

/** Finite attributes with more members than this are left out of the analysis (bit masks are 31 bits). */
export const maxMembers = 31;

export function finite(mask: number): Domain {
  return { kind: 'finite', mask };
}

export function numeric(intervals: readonly Interval[]): Domain {
  return { kind: 'numeric', intervals: normalise(intervals) };
}

export function interval(lo: number, hi: number, loOpen: boolean, hiOpen: boolean): Interval {
  return { lo, hi, loOpen: loOpen || lo === -Infinity, hiOpen: hiOpen || hi === Infinity };
}

export function point(v: number): Interval {
  return { lo: v, hi: v, loOpen: false, hiOpen: false };
}

/** True when no number (no double: `x > 1 and x < 1.0000000000000002` holds none) is in the interval. */
export function intervalIsEmpty(i: Interval): boolean {
  const least = i.loOpen ? nextUp(i.lo) : i.lo;
  return least > i.hi || (least === i.hi && i.hiOpen);
}

const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

/** The next double above x (past 2^53, x + 1 is x itself). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  float[0] = x;
  bits[0] += x > 0 ? 1n : -1n;
  return float[0];
}

export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** A number inside a non-empty interval, preferring its middle, then whole steps in from an end, then the next double. */
export function pointInside(i: Interval): number | undefined {
  const inside = (v: number): boolean => Number.isFinite(v) && (i.loOpen ? v > i.lo : v >= i.lo) && (i.hiOpen ? v < i.hi : v <= i.hi);
  if (i.lo === i.hi) return inside(i.lo) ? i.lo : undefined;
  return [(i.lo + i.hi) / 2, i.lo + 1, i.hi - 1, nextUp(i.lo), nextDown(i.hi), i.lo, i.hi, 0].find(inside);
}

export function isEmpty(d: Domain): boolean {
  return d.kind === 'finite' ? d.mask === 0 : d.intervals.length === 0;
}

/** Sorts, drops empty intervals and merges those that overlap or touch. */
function normalise(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => !intervalIsEmpty(i)).sort((a, b) => a.lo - b.lo || Number(a.loOpen) - Number(b.loOpen));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && (i.lo < last.hi || (i.lo === last.hi && !(i.loOpen && last.hiOpen)))) {
      if (i.hi > last.hi || (i.hi === last.hi && !i.hiOpen)) out[out.length - 1] = { ...last, hi: i.hi, hiOpen: i.hiOpen };
    } else out.push(i);
  }
  return out;
}

function intersectIntervals(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  return { lo, hi, loOpen, hiOpen };
}

export function intersect(a: Domain, b: Domain): Domain {
  if (a.kind === 'finite' && b.kind === 'finite') return a.mask === (a.mask & b.mask) ? a : finite(a.mask & b.mask);
  if (a.kind !== 'numeric' || b.kind !== 'numeric') return finite(0);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.intervals.length && j < b.intervals.length) {
    const x = a.intervals[i];
    const y = b.intervals[j];
    const meet = intersectIntervals(x, y);
    if (!intervalIsEmpty(meet)) out.push(meet);
    // Advance whichever ends first.
    if (x.hi < y.hi || (x.hi === y.hi && x.hiOpen && !y.hiOpen)) i++;
    else j++;
  }
  return { kind: 'numeric', intervals: out };
}

export function union(a: Domain, b: Domain): Domain {
  if (a.kind === 'finite' && b.kind === 'finite') return finite(a.mask | b.mask);
  if (a.kind !== 'numeric' || b.kind !== 'numeric') return a;
  return numeric([...a.intervals, ...b.intervals]);
}

/** The values of `universe` outside `d`. */
export function complement(d: Domain, universe: Domain): Domain {
  if (d.kind === 'finite' && universe.kind === 'finite') return finite(universe.mask & ~d.mask);
  if (d.kind !== 'numeric' || universe.kind !== 'numeric') return universe;
  const gaps: Interval[] = [];
  let lo = -Infinity;
  let loOpen = true;
  for (const i of d.intervals) {
    gaps.push({ lo, hi: i.lo, loOpen, hiOpen: !i.loOpen });
    lo = i.hi;
    loOpen = !i.hiOpen;
  }
  gaps.push({ lo, hi: Infinity, loOpen, hiOpen: true });
  return intersect(numeric(gaps), universe);
}

export function equals(a: Domain, b: Domain): boolean {
  if (a.kind === 'finite' || b.kind === 'finite') return a.kind === 'finite' && b.kind === 'finite' && a.mask === b.mask;
  if (a.intervals.length !== b.intervals.length) return false;
  return a.intervals.every((x, k) => {
    const y = b.intervals[k];
    return x.lo === y.lo && x.hi === y.hi && x.loOpen === y.loOpen && x.hiOpen === y.hiOpen;
  });
}

export function isSubset(a: Domain, b: Domain): boolean {
  if (a.kind === 'finite' && b.kind === 'finite') return (a.mask & ~b.mask) === 0;
  return equals(intersect(a, b), a);
}

export function overlaps(a: Domain, b: Domain): boolean {
  if (a.kind === 'finite' && b.kind === 'finite') return (a.mask & b.mask) !== 0;
  return !isEmpty(intersect(a, b));
}

export function contains(d: Domain, v: number): boolean {
  if (d.kind === 'finite') return Number.isInteger(v) && v >= 0 && v < maxMembers && (d.mask & (1 << v)) !== 0;
  return d.intervals.some((i) => (v > i.lo || (v === i.lo && !i.loOpen)) && (v < i.hi || (v === i.hi && !i.hiOpen)));
}

/** The members of a finite set, in order. */
export function members(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < maxMembers; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

/**
 * A value inside `d` that reads well: a member; for numbers, a round value next to the
 * threshold that bounds the set (`age < 65 years` gives 64, `flr_slv >= 30%` gives 30).
 */
export function pick(d: Domain, universe: Domain): number | undefined {
  if (d.kind === 'finite') return d.mask === 0 ? undefined : members(d.mask)[0];
  const first = d.intervals[0];
  if (!first) return undefined;
  const uLo = universe.kind === 'numeric' ? universe.intervals[0]?.lo ?? -Infinity : -Infinity;
  const inside = (v: number): boolean => contains({ kind: 'numeric', intervals: [first] }, v);
  // Near the lower end when that end is a threshold the rules set, else near the upper end.
  const fromLow = first.lo !== -Infinity && (first.lo !== uLo || first.hi === Infinity);
  if (fromLow) {
    if (!first.loOpen) return first.lo;
    const next = Math.floor(first.lo) + 1;
    if (inside(next)) return next;
  } else if (first.hi !== Infinity) {
    if (!first.hiOpen) return first.hi;
    const prev = Math.ceil(first.hi) - 1;
    if (inside(prev)) return prev;
  } else return 0;
  return pointInside(first);
}
