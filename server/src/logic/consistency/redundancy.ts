// A rule that adds nothing: another rule gives every one of its recommendations (same
// verb, direction and intervention) to every patient it covers. Candidates share a
// recommendation and overlap; containment is then checked exactly. Of two rules that
// cover each other, the later one is reported.
import { conditionKey, pickPoint } from '../box.js';
import { disjunctionWithin } from '../cover.js';
import { overlappingPairs, type Item } from '../overlap.js';
import { recKey, type RuleInfo } from '../rules.js';
import type { Scope } from '../scope.js';
import { witnessOf, type WitnessValue } from '../witness.js';

export interface Redundancy {
  /** The rule that adds nothing. */
  rule: RuleInfo;
  /** The rule that already gives its recommendations. */
  by: RuleInfo;
  witness: WitnessValue[];
}

/** Overlapping pairs examined at most. */
const maxPairs = 100_000;

export interface Redundancies {
  readonly redundancies: Redundancy[];
  /** False when so many rules overlap that the search stopped early. */
  readonly complete: boolean;
}

export function redundancies(rules: readonly RuleInfo[], scope: Scope): Redundancies {
  const out = new Map<number, Redundancy>();
  // Exact repeats first, without comparing them pair by pair: each repeats its first.
  const first = new Map<string, RuleInfo>();
  for (const rule of rules) {
    const key = `${conditionKey(rule.boxes)}=>${rule.recs.map(recKey).sort().join(',')}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, rule);
    else if (rule.boxes.length > 0) out.set(rule.index, { rule, by: earlier, witness: witnessOf(pickPoint(rule.boxes[0], scope), scope, rule.order) });
  }
  const byRec = new Map<string, Item[]>();
  for (const rule of first.values()) {
    for (const key of new Set(rule.recs.map(recKey))) {
      let items = byRec.get(key);
      if (!items) byRec.set(key, (items = []));
      for (const box of rule.boxes) items.push({ id: rule.index, box });
    }
  }
  const checked = new Set<string>();
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
  let complete = true;
  let pairs = 0;
  for (const items of byRec.values()) {
    if (!complete) break;
    complete = overlappingPairs(items, items, scope, true, (a, b) => {
      consider(rules[a.id], rules[b.id]);
      consider(rules[b.id], rules[a.id]);
      return ++pairs < maxPairs;
    });
  }
  return { redundancies: [...out.values()].sort((x, y) => x.rule.index - y.rule.index), complete };
}
