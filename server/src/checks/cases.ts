// The file's cases, run against the rules: a failing expectation is an error at the
// `expect`, saying what was expected, what the rules gave and which rules fired; a rule
// the case leaves undetermined (and that could change the result) is a warning naming the
// attributes to give.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { evaluateCases } from '../logic/consistency/cases.js';
import { consistencyOf } from '../logic/engine.js';

/** Undetermined rules reported per case, the last with how many more there are; related rules listed per finding. */
const shownUndetermined = 5;
const shownRelated = 20;

export function checkCases(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  for (const result of evaluateCases(consistencyOf(analysis))) {
    const title = result.decl.title ?? result.decl.span;
    for (const e of result.expectations) {
      if (e.ok) continue;
      report({
        severity: 'error',
        code: 'case-failed',
        uri: analysis.uri,
        span: e.expectation.span,
        message: e.message ?? 'This expectation fails',
        related: result.fired.slice(0, shownRelated).map((r) => ({ uri: r.uri, span: r.decl.name ?? r.decl.span, message: `rule \`${r.name}\` fires for this case` })),
        data: { fired: result.fired.map((r) => r.name) },
      });
    }
    const rest = result.undetermined.length - shownUndetermined;
    result.undetermined.slice(0, shownUndetermined).forEach((u, i) => {
      const more = i === shownUndetermined - 1 && rest > 0 ? ` (and ${rest} more rule${rest === 1 ? '' : 's'} the case leaves undetermined)` : '';
      report({
        severity: 'warning',
        code: 'case-undetermined',
        uri: analysis.uri,
        span: title,
        message: `Rule \`${u.rule.name}\` (${u.rule.statementName}) may or may not fire for this case: give ${u.attrs.map((a) => `\`${a}\``).join(', ')}${more}`,
        related: [{ uri: u.rule.uri, span: u.rule.decl.name ?? u.rule.decl.span, message: `rule \`${u.rule.name}\`` }],
        data: { rule: u.rule.name, attributes: u.attrs },
      });
    });
  }
}
