// The one search the error messages and fix checks share: in a list sorted by offset, the
// index of the first item at or after an offset.

/** The first index `i` with `offsetOf(items[i]) >= offset` (`items.length` where none is). */
export function firstAtOrAfter<T>(items: readonly T[], offset: number, offsetOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetOf(items[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
