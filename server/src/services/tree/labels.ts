// How a branch of the tree is labelled: the values it takes as readers write them.
// Booleans read "yes" and "no", enum members are listed, numeric ranges are written with
// their bounds in the attribute's unit ("< 30%", "≥ 3 months", "≥ 30% and < 40%"); a bound
// that is just the end of the attribute's range (0% for a percentage) is left out.
import type { Domain, Interval } from '../../logic/domain.js';
import { members } from '../../logic/domain.js';
import { valueText, type AttrInfo } from '../../logic/scope.js';

export function branchLabel(attr: AttrInfo, d: Domain): string {
  if (d.kind === 'finite') {
    const ms = members(d.mask);
    if (attr.type.kind === 'boolean') return ms.length === 2 ? 'yes or no' : ms[0] === 1 ? 'yes' : 'no';
    return ms.map((m) => attr.members[m]).join(', ');
  }
  const u = attr.universe.kind === 'numeric' ? attr.universe.intervals[0] : undefined;
  const parts = d.intervals.map((i) => intervalLabel(attr, i, u));
  return parts.join(' or ');
}

/**
 * The branch in the committee's words when the enum gives its members descriptions:
 * "Complete response, Partial response" (a member without one keeps its name). Undefined
 * when none of the branch's members has a description, so the label stands alone.
 */
export function branchWords(attr: AttrInfo, d: Domain): string | undefined {
  if (d.kind !== 'finite' || attr.type.kind !== 'enum') return undefined;
  const ms = members(d.mask);
  if (!ms.some((m) => attr.memberDescriptions[m] !== undefined)) return undefined;
  return ms.map((m) => attr.memberDescriptions[m] ?? attr.members[m]).join(', ');
}

function intervalLabel(attr: AttrInfo, i: Interval, u: Interval | undefined): string {
  const v = (x: number): string => valueText(attr, x);
  if (i.lo === i.hi) return `= ${v(i.lo)}`;
  const showLo = Number.isFinite(i.lo) && !(u && i.lo === u.lo && i.loOpen === u.loOpen);
  const showHi = Number.isFinite(i.hi) && !(u && i.hi === u.hi && i.hiOpen === u.hiOpen);
  const lo = `${i.loOpen ? '>' : '≥'} ${v(i.lo)}`;
  const hi = `${i.hiOpen ? '<' : '≤'} ${v(i.hi)}`;
  if (showLo && showHi) return `${lo} and ${hi}`;
  if (showLo) return lo;
  if (showHi) return hi;
  return 'any';
}

