// A rule written back as the language writes it, for documents: its `overrides`, condition,
// verb, interventions, `over` alternatives and timing, so a reader of the summary sees the
// whole rule and not only its condition and interventions.
import type * as A from '../../../../grammar/src/index.js';
import { exprText, valueText } from '../../model/expr-text.js';

export function timingWords(t: A.Timing): string {
  const q = (v: A.QuantityValue | undefined): string => (v ? valueText(v) : '…');
  switch (t.kind) {
    case 'within': return `within ${q(t.high)}`;
    case 'after': return `after ${q(t.low)}`;
    case 'between': return `between ${q(t.low)} and ${q(t.high)}`;
  }
}

export function ruleText(r: A.RuleDecl): string {
  const name = r.name?.text ?? 'rule';
  const overrides = r.overrides && r.overrides.value.length > 0 ? ` overrides ${r.overrides.value.map((n) => n.text).join(', ')}` : '';
  const when = r.when ? exprText(r.when) : '…';
  const act = r.then;
  if (!act) return `${name}${overrides}: when ${when} then …`;
  const over = act.over && act.over.length > 0 ? ` over ${act.over.map((o) => o.text).join(', ')}` : '';
  const timing = act.timing ? ` ${timingWords(act.timing)}` : '';
  return `${name}${overrides}: when ${when} then ${act.verb}${act.against ? ' against' : ''} ${act.interventions.map((i) => i.text).join(', ')}${over}${timing}`;
}
