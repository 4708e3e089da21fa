// Timings on recommendations (`within 1 hour`, `after 4 hours`, `between 1 and 3 days`):
// durations, not negative, in order, and only on recommendations for (a recommendation
// against is not timed: say when it is wrong with a condition). Then the rules whose
// windows for the same intervention cannot both hold for a patient both cover.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { scaleQuantity, signedValue } from '../model/quantities.js';
import { timingBounds } from '../model/timing.js';
import { timingConflicts } from '../logic/consistency/timing.js';
import { consistencyOf } from '../logic/engine.js';
import { witnessText } from '../logic/witness.js';

type Report = (f: Finding) => void;

export function checkTiming(analysis: ResolvedDocument, report: Report): void {
  const text = analysis.source.text;
  const error = (code: string, span: A.Span, message: string): void => report({ severity: 'error', code, uri: analysis.uri, span, message });
  const check = (act: A.Action | undefined): void => {
    const t = act?.timing;
    if (!act || !t) return;
    if (act.against) {
      error('timing-on-against', t.span, `A recommendation against is not timed: say when \`${act.interventions.map((i) => i.text).join(', ')}\` is wrong with a condition instead (\`when ... < 4 hours\`)`);
      return;
    }
    const { low, high } = timingBounds(t);
    const bounds = [low, high].filter((q): q is A.QuantityValue => q !== undefined);
    for (const q of bounds) {
      const written = text.slice(q.start, q.end);
      if (signedValue(q) < 0) error('invalid-timing', q, `\`${written}\` is negative: a timing counts from when the condition holds`);
      else if (!q.unit) error('invalid-timing', q, `\`${written}\` has no unit: write a duration, e.g. \`${written} hours\``);
      else if (!scaleQuantity(q, { kind: 'duration', unit: 'minutes' }).ok) error('invalid-timing', q, `\`${written}\` is not a duration: use minutes, hours, days, weeks, months or years`);
    }
    if (low && high && bounds.length === 2) {
      const lo = scaleQuantity(low, { kind: 'duration', unit: 'minutes' });
      const hi = scaleQuantity(high, { kind: 'duration', unit: 'minutes' });
      if (lo.ok && hi.ok && lo.value > hi.value) error('invalid-timing', t.span, 'The window starts after it ends: swap the bounds');
    }
  };
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind === 'Statement') d.rules.forEach((r) => check(r.then));
    else if (d.kind === 'Case') d.expects.forEach((x) => check(x.action));
  }

  const setting = analysis.settings.conflictSeverity;
  if (setting === 'off') return;
  const c = consistencyOf(analysis);
  for (const x of timingConflicts(c.ruleSet.rules, c.scope)) {
    const w = witnessText(x.witness);
    for (const [here, other, mine, theirs] of [[x.first, x.second, x.windows[0], x.windows[1]], [x.second, x.first, x.windows[1], x.windows[0]]] as const) {
      if (here.uri !== analysis.uri) continue;
      report({
        severity: setting, code: 'timing-conflict', uri: analysis.uri, span: here.decl.name ?? here.decl.span,
        message: `Rule \`${here.name}\` gives \`${x.intervention}\` ${mine.text} but rule \`${other.name}\` (${other.statementName}) gives it ${theirs.text} for the same patients, e.g. ${w}: both cannot hold`,
        related: [{ uri: other.uri, span: other.decl.name ?? other.decl.span, message: `rule \`${other.name}\`: ${theirs.text}` }],
        data: { witness: x.witness, rules: [here.name, other.name] },
      });
    }
  }
}
