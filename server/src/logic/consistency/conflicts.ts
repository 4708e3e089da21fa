// Two rules that recommend for and against the same intervention for patients they both
// cover. Only rules that name the same intervention can conflict, so rules are grouped by
// intervention first, and the overlap index compares only boxes that can meet. Where a rule
// that overrides one of the two (and names the intervention) applies too, the conflict is
// resolved there: only the part of the overlap no such rule covers is a conflict.
import { conditionKey, meet, pickPoint } from '../box.js';
import { overriddenByIndex, unresolvedPart } from '../precedence.js';
import { overlappingPairs, type Item } from '../overlap.js';
import { recKey, type Recommendation, type RuleInfo } from '../rules.js';
import type { Scope } from '../scope.js';
import { witnessOf, type WitnessValue } from '../witness.js';

export interface Conflict {
  /** The rule recommending for. */
  pro: RuleInfo;
  /** The rule recommending against. */
  con: RuleInfo;
  interventions: string[];
  witness: WitnessValue[];
}

/** Pairs listed at most: past this many, a file has a problem no list of pairs helps with. */
export const maxConflicts = 1000;

export interface Conflicts {
  readonly conflicts: Conflict[];
  /** False when so many rules overlap that the search stopped early. */
  readonly complete: boolean;
}

export function conflicts(rules: readonly RuleInfo[], scope: Scope): Conflicts {
  const byIntervention = new Map<string, { pro: Item[]; con: Item[] }>();
  for (const rule of distinct(rules)) {
    for (const rec of rule.recs) {
      let group = byIntervention.get(rec.intervention);
      if (!group) byIntervention.set(rec.intervention, (group = { pro: [], con: [] }));
      const side = rec.against ? group.con : group.pro;
      if (side[side.length - 1]?.id === rule.index) continue; // the same intervention twice in one rule
      for (const box of rule.boxes) side.push({ id: rule.index, box });
    }
  }
  const found = new Map<string, Conflict>();
  let complete = true;
  const overriddenBy = overriddenByIndex(rules);
  for (const [intervention, { pro, con }] of byIntervention) {
    if (!complete) break;
    complete = overlappingPairs(pro, con, scope, false, (p, c) => {
      const key = `${p.id}:${c.id}`;
      const existing = found.get(key);
      if (existing?.interventions.includes(intervention)) return true;
      const both = meet(p.box, c.box);
      if (!both) return true;
      const a = rules[p.id];
      const b = rules[c.id];
      const left = unresolvedPart(both, a, b, intervention, rules, overriddenBy, scope);
      if (!left) return true;
      if (existing) {
        existing.interventions.push(intervention);
        return true;
      }
      found.set(key, { pro: a, con: b, interventions: [intervention], witness: witnessOf(pickPoint(left, scope), scope, [...a.order, ...b.order]) });
      return found.size < maxConflicts;
    });
  }
  return { conflicts: [...found.values()].sort((x, y) => x.pro.index - y.pro.index || x.con.index - y.con.index), complete };
}

/**
 * The rules less exact repeats (same condition, same recommendations): a repeat conflicts
 * wherever its first does, and is reported as redundant instead.
 */
export function distinct(rules: readonly RuleInfo[]): RuleInfo[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = `${conditionKey(r.boxes)}=>${r.recs.map(recKey).sort().join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function describeRecs(recs: readonly Recommendation[], interventions: readonly string[]): string {
  return recs
    .filter((r) => interventions.includes(r.intervention))
    .map((r) => `${r.verb}${r.against ? ' against' : ''} ${r.intervention}`)
    .join(', ');
}
