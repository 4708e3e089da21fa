// Two rules that recommend the same intervention in the same direction for patients they
// both cover, with time windows that cannot both hold (`within 1 hour` and `after 3
// hours`): the patient cannot be treated as both say. Nested windows are not a conflict;
// where an `overrides` settles it, neither.
import { meet, pickPoint } from '../box.js';
import { overlappingPairs, type Item } from '../overlap.js';
import { overriddenByIndex, unresolvedPart } from '../precedence.js';
import { windowsMeet, type RuleInfo, type TimeWindow } from '../rules.js';
import type { Scope } from '../scope.js';
import { witnessOf, type WitnessValue } from '../witness.js';

export interface TimingConflict {
  readonly first: RuleInfo;
  readonly second: RuleInfo;
  readonly intervention: string;
  readonly windows: readonly [TimeWindow, TimeWindow];
  readonly witness: WitnessValue[];
}

export const maxTimingConflicts = 1000;

export function timingConflicts(rules: readonly RuleInfo[], scope: Scope): TimingConflict[] {
  const groups = new Map<string, { items: Item[]; windows: Map<number, TimeWindow> }>();
  for (const rule of rules) {
    for (const rec of rule.recs) {
      if (!rec.timing || rec.against) continue;
      const key = `${rec.verb} ${rec.intervention}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { items: [], windows: new Map() }));
      if (g.windows.has(rule.index)) continue;
      g.windows.set(rule.index, rec.timing);
      for (const box of rule.boxes) g.items.push({ id: rule.index, box });
    }
  }
  const overriddenBy = overriddenByIndex(rules);
  const found = new Map<string, TimingConflict>();
  for (const [key, { items, windows }] of groups) {
    const intervention = key.slice(key.indexOf(' ') + 1);
    const done = !overlappingPairs(items, items, scope, true, (p, q) => {
      const a = windows.get(p.id)!;
      const b = windows.get(q.id)!;
      const pair = `${p.id}:${q.id}:${key}`;
      if (windowsMeet(a, b) || found.has(pair)) return true;
      const both = meet(p.box, q.box);
      if (!both) return true;
      const left = unresolvedPart(both, rules[p.id], rules[q.id], intervention, rules, overriddenBy, scope);
      if (!left) return true;
      const first = rules[p.id];
      const second = rules[q.id];
      found.set(pair, { first, second, intervention, windows: [a, b], witness: witnessOf(pickPoint(left, scope), scope, [...first.order, ...second.order]) });
      return found.size < maxTimingConflicts;
    });
    if (done && found.size >= maxTimingConflicts) break;
  }
  return [...found.values()];
}
