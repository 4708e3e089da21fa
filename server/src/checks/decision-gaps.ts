// Gaps in each decision of this file: patients in its population (`where`) for whom no rule
// of the decision recommends anything. The witnesses are the gap leaves of the decision's
// tree; the first few are reported, each with its patient.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { consistencyOf } from '../logic/engine.js';
import { decisionGaps } from '../logic/consistency/gaps.js';
import { witnessText } from '../logic/witness.js';
import { contradiction, unsatisfiableCore } from '../logic/consistency/dead.js';
import { decisionsOf, specOf } from '../logic/partition/decision.js';
import { conditionOf } from '../logic/condition.js';

const shown = 5;

export function checkDecisionGaps(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  const c = consistencyOf(analysis);
  for (const decision of decisionsOf(c)) {
    const span = decision.name?.span ?? decision.span;
    const name = decision.name?.text ?? 'this decision';
    const spec = specOf(c, decision);
    if (decision.where && !spec.populationProblem && spec.population.length === 0) {
      const text = analysis.source.text;
      const written = (e: { span: { start: number; end: number } }): string => text.slice(e.span.start, e.span.end).replace(/\s+/g, ' ');
      const alone = conditionOf(decision.where, c.scope, c.known);
      const why = alone.ok && alone.boxes.length > 0
        ? `\`${written(decision.where)}\` holds for no patient the assumptions admit`
        : contradiction(unsatisfiableCore(decision.where, c.scope, c.known).map(written));
      report({
        severity: 'warning',
        code: 'decision-empty',
        uri: analysis.uri,
        span: decision.where.span,
        message: `No patient meets the \`where\` of decision \`${name}\`: ${why}`,
      });
      continue;
    }
    const result = decisionGaps(c, decision, shown);
    result.gaps.forEach((gap, i) => {
      const more = i === shown - 1 && result.total > shown ? ` (and ${result.total - shown} more branches of the tree with no recommendation)` : '';
      report({
        severity: 'warning',
        code: 'decision-gap',
        uri: analysis.uri,
        span,
        message: `No rule of decision \`${name}\` recommends anything for ${witnessText(gap.witness)}${more}`,
        data: { witness: gap.witness },
      });
    });
    if (result.truncated) {
      report({
        severity: 'information',
        code: 'decision-too-large',
        uri: analysis.uri,
        span,
        message: `The tree of decision \`${name}\` passed its size limit (${result.regions} regions): branches past it are cut short and not checked for gaps; narrow it with \`where\` or split it into several decisions`,
      });
    }
  }
}
