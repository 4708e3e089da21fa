// Precedence between rules: `rule b overrides a` means that where both apply, b's
// recommendations replace a's on the interventions b names. One function decides what a
// set of rules that all apply gives, so the cases, the partition behind the tree and the
// gap checks, and the conflict check agree.
import type { Box } from './box.js';
import { coverage } from './cover.js';
import type { Recommendation, RuleInfo } from './rules.js';
import type { Scope } from './scope.js';

/**
 * Which recommendations survive among rules that all apply at once: a rule's
 * recommendation on an intervention is dropped when a rule of the set that overrides it
 * names that intervention. Linear in the rules and their overrides.
 */
export function survivingRecs(rules: readonly RuleInfo[]): Map<RuleInfo, Recommendation[]> {
  const replaced = replacedIn(rules);
  const out = new Map<RuleInfo, Recommendation[]>();
  for (const r of rules) {
    const on = replaced?.get(r.index);
    out.set(r, on ? r.recs.filter((x) => !on.has(x.intervention)) : [...r.recs]);
  }
  return out;
}

/**
 * Rule index -> the interventions on which a rule of the set overrides it; undefined when
 * no rule of the set overrides another (most sets: then nothing is allocated).
 */
export function replacedIn(rules: readonly RuleInfo[]): ReadonlyMap<number, ReadonlySet<string>> | undefined {
  let applying: Set<number> | undefined;
  let replaced: Map<number, Set<string>> | undefined;
  for (const b of rules) {
    if (b.overrides.length === 0) continue;
    applying ??= new Set(rules.map((r) => r.index));
    for (const a of b.overrides) {
      if (!applying.has(a)) continue;
      replaced ??= new Map();
      let on = replaced.get(a);
      if (!on) replaced.set(a, (on = new Set()));
      for (const rec of b.recs) on.add(rec.intervention);
    }
  }
  return replaced;
}

/** Rules whose recommendations on `intervention` replace those of `rule` wherever both apply. */
export function overridersOn(rule: RuleInfo, intervention: string, rules: readonly RuleInfo[], overriddenBy: ReadonlyMap<number, readonly number[]>): RuleInfo[] {
  return (overriddenBy.get(rule.index) ?? []).map((i) => rules[i]).filter((b) => b.recs.some((x) => x.intervention === intervention));
}

/** Rule index -> the rules that override it. */
export function overriddenByIndex(rules: readonly RuleInfo[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const b of rules) {
    for (const a of b.overrides) {
      let list = out.get(a);
      if (!list) out.set(a, (list = []));
      list.push(b.index);
    }
  }
  return out;
}

/**
 * The part of two rules' overlap where neither is overridden on the intervention (a box of
 * it, as a witness region), or undefined when overriders cover all of it. Past the search
 * budget nothing unproven is reported: undefined too.
 */
export function unresolvedPart(both: Box, a: RuleInfo, b: RuleInfo, intervention: string, rules: readonly RuleInfo[], overriddenBy: ReadonlyMap<number, readonly number[]>, scope: Scope): Box | undefined {
  if (overriddenBy.size === 0) return both;
  const over = [...overridersOn(a, intervention, rules, overriddenBy), ...overridersOn(b, intervention, rules, overriddenBy)];
  if (over.length === 0) return both;
  const c = coverage(both, over.flatMap((o) => o.boxes), scope);
  return c.covered === false ? c.witness : undefined;
}
