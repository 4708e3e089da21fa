// A rule that adds nothing: another rule gives every one of its recommendations (same
// verb, direction and intervention) to every patient it covers. Candidates share a
// recommendation and overlap; containment is then checked exactly. Of two rules that
// cover each other, the later one is reported.
import { pickPoint } from './box.js';
import { disjunctionWithin } from './cover.js';
import { overlappingPairs, type Item } from './overlap.js';
import { recKey, type RuleInfo } from './rules.js';
import type { Scope } from './scope.js';
import { witnessOf, type WitnessValue } from './witness.js';

export interface Redundancy {
  /** The rule that adds nothing. */
  rule: RuleInfo;
  /** The rule that already gives its recommendations. */
  by: RuleInfo;
  witness: WitnessValue[];
}

export function redundancies(rules: readonly RuleInfo[], scope: Scope): Redundancy[] {
  const byRec = new Map<string, Item[]>();
  for (const rule of rules) {
    for (const key of new Set(rule.recs.map(recKey))) {
      let items = byRec.get(key);
      if (!items) byRec.set(key, (items = []));
      for (const box of rule.boxes) items.push({ id: rule.index, box });
    }
  }
  const checked = new Set<string>();
  const out = new Map<number, Redundancy>();
  const consider = (inner: RuleInfo, outer: RuleInfo): void => {
    const key = `${inner.index}:${outer.index}`;
    if (checked.has(key) || out.has(inner.index)) return;
    checked.add(key);
    const outerRecs = new Set(outer.recs.map(recKey));
    if (!inner.recs.every((r) => outerRecs.has(recKey(r)))) return;
    if (disjunctionWithin(inner.boxes, outer.boxes, scope) !== true) return;
    // Equivalent rules: only the later one is redundant.
    const innerRecs = new Set(inner.recs.map(recKey));
    const sameRecs = outer.recs.every((r) => innerRecs.has(recKey(r)));
    if (sameRecs && inner.index < outer.index && disjunctionWithin(outer.boxes, inner.boxes, scope) === true) return;
    out.set(inner.index, { rule: inner, by: outer, witness: witnessOf(pickPoint(inner.boxes[0], scope), scope, inner.order) });
  };
  for (const items of byRec.values()) {
    overlappingPairs(items, items, scope, true, (a, b) => {
      consider(rules[a.id], rules[b.id]);
      consider(rules[b.id], rules[a.id]);
    });
  }
  return [...out.values()].sort((x, y) => x.rule.index - y.rule.index);
}
