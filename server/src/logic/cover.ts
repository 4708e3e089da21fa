// Does a union of boxes cover a region? Answered by splitting the region along the
// constraint of a box that covers part of it, so the first uncovered piece found is
// itself a witness region. Each call has a step budget: past it the answer is 'unknown'
// and callers report nothing rather than something unproven.
import { boxWithin, boxesOverlap, constraintOn, meet, type Box, type Constraint } from './box.js';
import { complement, isEmpty, isSubset } from './domain.js';
import type { Scope } from './scope.js';

export type Coverage = { covered: true } | { covered: false; witness: Box } | { covered: 'unknown' };

const defaultBudget = 20000;

export function coverage(region: Box, boxes: readonly Box[], scope: Scope, budget = defaultBudget): Coverage {
  let steps = 0;
  const walk = (r: Box, candidates: readonly Box[]): Box | undefined | 'unknown' => {
    if (++steps > budget) return 'unknown';
    const live = candidates.filter((b) => boxesOverlap(r, b));
    if (live.length === 0) return r;
    if (live.some((b) => boxWithin(r, b))) return undefined;
    // Split along a constraint of the first box that does not already hold all of the region.
    const b = live[0];
    let split: Constraint | undefined;
    for (const c of b) {
      const here = constraintOn(r, c.attr) ?? scope.attrs[c.attr].universe;
      if (!isSubset(here, c.dom)) {
        split = c;
        break;
      }
    }
    if (!split) return undefined; // unreachable: b would hold the region
    const outside = complement(split.dom, scope.attrs[split.attr].universe);
    const rest = live.slice(1);
    // The part outside b first: b cannot cover it, so a gap, if any, is found sooner.
    const outsideRegion = isEmpty(outside) ? undefined : meet(r, [{ attr: split.attr, dom: outside }]);
    if (outsideRegion) {
      const found = walk(outsideRegion, rest);
      if (found !== undefined) return found;
    }
    const insideRegion = meet(r, [{ attr: split.attr, dom: split.dom }]);
    return insideRegion ? walk(insideRegion, live) : undefined;
  };
  const result = walk(region, boxes);
  if (result === 'unknown') return { covered: 'unknown' };
  return result === undefined ? { covered: true } : { covered: false, witness: result };
}

/** Every patient of `inner` (a disjunction) is in `outer` (a disjunction). */
export function disjunctionWithin(inner: readonly Box[], outer: readonly Box[], scope: Scope): boolean | 'unknown' {
  for (const box of inner) {
    const c = coverage(box, outer, scope);
    if (c.covered === 'unknown') return 'unknown';
    if (!c.covered) return false;
  }
  return true;
}
