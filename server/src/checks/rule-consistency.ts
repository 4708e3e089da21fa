// Consistency of the rules in scope (the file and the files it uses; adopted statements
// only): rules that can never fire, pairs that recommend for and against the same
// intervention for the same patients, and rules another rule makes redundant. Each finding
// is reported at the rules of this file and carries a witness patient in `data.witness`.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { conflicts, describeRecs, maxConflicts } from '../logic/consistency/conflicts.js';
import { deadMessage, deadRules } from '../logic/consistency/dead.js';
import { consistencyOf } from '../logic/engine.js';
import { redundancies } from '../logic/consistency/redundancy.js';
import { recKey, type RuleInfo } from '../logic/rules.js';
import { witnessText } from '../logic/witness.js';

type Report = (f: Finding) => void;

const at = (r: RuleInfo) => r.decl.name ?? r.decl.span;
const ruleRef = (r: RuleInfo): string => `rule \`${r.name}\` (${r.statementName})`;

export function checkRuleConsistency(analysis: ResolvedDocument, report: Report): void {
  const c = consistencyOf(analysis);
  const { rules, skipped } = c.ruleSet;
  const mine = (r: { uri: string }): boolean => r.uri === analysis.uri;

  for (const s of skipped) {
    if (!mine(s) || s.problem.kind === 'error') continue;
    if (s.problem.kind === 'too-complex') {
      report({ severity: 'warning', code: 'condition-too-complex', uri: analysis.uri, span: s.problem.span,
        message: `This condition has too many alternatives to analyse (over the limit once \`and\` is spread over \`or\`): the consistency checks and the decision tree leave rule \`${s.name}\` out` });
    } else {
      report({ severity: 'information', code: 'attribute-not-analysed', uri: analysis.uri, span: s.problem.span,
        message: `\`${s.problem.attribute}\` has more values than the consistency checks model: rule \`${s.name}\` is left out of them and of the decision tree` });
    }
  }

  const textOf = (uri: string): string | undefined => analysis.program.files.find((f) => f.uri === uri)?.text;
  for (const d of deadRules(rules, c.scope, c.known, textOf, c.assumptions)) {
    if (!mine(d.rule)) continue;
    report({ severity: 'warning', code: 'rule-never-fires', uri: analysis.uri, span: at(d.rule), message: deadMessage(d), data: { core: d.core } });
  }

  const conflicting = conflicts(rules, c.scope);
  const redundant = redundancies(rules, c.scope);
  if (!conflicting.complete || !redundant.complete) {
    report({ severity: 'information', code: 'consistency-incomplete', uri: analysis.uri, span: { start: 0, end: 0 },
      message: `So many rules overlap one another that the conflict and redundancy checks stopped before the end (conflicting pairs are listed up to ${maxConflicts}): some findings may be missing` });
  }
  // At most a few conflicts at each rule; the last says how many more there are.
  const perRule = 5;
  const total = new Map<number, number>();
  for (const x of conflicting.conflicts) for (const r of [x.pro, x.con]) total.set(r.index, (total.get(r.index) ?? 0) + 1);
  const shown = new Map<number, number>();
  const setting = analysis.settings.conflictSeverity;
  const severity = setting === 'off' ? 'error' : setting;
  for (const x of setting === 'off' ? [] : conflicting.conflicts) {
    const w = witnessText(x.witness);
    const data = { witness: x.witness, rules: [x.pro.name, x.con.name], interventions: x.interventions };
    const pro = describeRecs(x.pro.recs, x.interventions);
    const con = describeRecs(x.con.recs, x.interventions);
    for (const [here, other, mineSays, otherSays] of [[x.pro, x.con, pro, con], [x.con, x.pro, con, pro]] as const) {
      if (!mine(here)) continue;
      const n = (shown.get(here.index) ?? 0) + 1;
      shown.set(here.index, n);
      if (n > perRule) continue;
      const rest = (total.get(here.index) ?? 0) - perRule;
      const more = n === perRule && rest > 0 ? ` (and ${rest} more rules conflict with this one)` : '';
      report({
        severity,
        code: 'rule-conflict',
        uri: analysis.uri,
        span: at(here),
        message: `Rule \`${here.name}\` says \`${mineSays}\` but ${ruleRef(other)} says \`${otherSays}\` for the same patients, e.g. ${w}${more}; if one is an exception to the other, say so with \`overrides\``,
        related: [{ uri: other.uri, span: at(other), message: `${ruleRef(other)}: \`${otherSays}\` (e.g. ${w})` }],
        data,
      });
    }
  }

  for (const r of redundant.redundancies) {
    if (!mine(r.rule)) continue;
    const recs = r.rule.recs.map((x) => `\`${recKey(x)}\``).join(', ');
    report({
      severity: 'information',
      code: 'rule-redundant',
      uri: analysis.uri,
      span: at(r.rule),
      message: `Rule \`${r.rule.name}\` adds nothing: ${ruleRef(r.by)} already gives ${recs} to every patient it covers (e.g. ${witnessText(r.witness)})`,
      related: [{ uri: r.by.uri, span: at(r.by), message: `${ruleRef(r.by)} covers every patient of \`${r.rule.name}\`` }],
      data: { witness: r.witness, by: r.by.name },
    });
  }
}
