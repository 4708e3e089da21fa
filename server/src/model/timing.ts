// The bounds of a timing as they are meant: in `between 2 and 6 hours` the first bound
// takes the unit written after the second, as in a condition's `between`.
import type * as A from '../../../grammar/src/index.js';

export interface TimingBounds {
  readonly low?: A.QuantityValue;
  readonly high?: A.QuantityValue;
}

export function timingBounds(t: A.Timing): TimingBounds {
  const { low, high } = t;
  if (t.kind === 'between' && low && !low.unit && high?.unit) return { low: { ...low, unit: high.unit }, high };
  return { low, high };
}
