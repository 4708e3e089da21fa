// Which drawn boxes light up for the rules the editor's cursor is in: a box whose
// recommendations (a hoisted band included) or conditional additions come from one of
// them. Every recommendation counts with every rule that gives it, not only its first.
import type { LeafRecommendation, ViewNode } from '../protocol.js';

function givenBy(r: LeafRecommendation, rules: ReadonlySet<string>): boolean {
  return rules.has(r.rule) || (r.rules ?? []).some((x) => rules.has(x));
}

export function boxMentions(v: ViewNode, rules: ReadonlySet<string>): boolean {
  if (rules.size === 0) return false;
  return v.recommendations.some((r) => givenBy(r, rules)) || v.additions.some((a) => a.recommendations.some((r) => givenBy(r, rules)));
}

/** The ids of the boxes to highlight among those drawn. */
export function highlightedBoxes(drawn: readonly { view: ViewNode }[], rules: readonly string[]): string[] {
  const wanted = new Set(rules);
  return drawn.filter((d) => boxMentions(d.view, wanted)).map((d) => d.view.id);
}
