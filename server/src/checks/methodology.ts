// GRADE and Delphi rules for each statement: the required grading is there, an adopted
// statement reached consensus, a strong statement had enough strong endorsement, its
// rules' verbs match its strength, and a strong recommendation on low certainty says why.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { gradingOf, panelOf, votesOf, type Panel } from '../model/grading.js';

type Report = (f: Finding) => void;

/** The fields every statement needs; `agreement` may be given as `votes` instead. */
export const requiredFields = ['basis', 'strength', 'certainty', 'agreement'] as const;
export type RequiredField = (typeof requiredFields)[number];

/** A rationale still reading as the placeholder a quick fix inserted does not count. */
export const rationalePlaceholder = 'TODO: why a strong recommendation on this certainty';

export function isPlaceholderRationale(value: string): boolean {
  return value.trim() === '' || value.trim().startsWith('TODO');
}

/** Where a finding about the whole statement goes: its name, or its keyword. */
export function statementAnchor(d: A.StatementDecl): A.Span {
  return d.name?.span ?? { start: d.span.start, end: d.span.start + 'statement'.length };
}

export function missingFields(d: A.StatementDecl): RequiredField[] {
  const missing: RequiredField[] = [];
  if (!d.basis) missing.push('basis');
  if (!d.strength) missing.push('strength');
  if (!d.certainty) missing.push('certainty');
  // A draft has not been voted on yet.
  if (!d.agreement && !d.votes && d.status?.value.text !== 'draft') missing.push('agreement');
  return missing;
}

function listed(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function checkMethodology(analysis: ResolvedDocument, report: Report): void {
  const panel = panelOf(analysis);
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind === 'Statement') checkStatement(analysis, d, panel, report);
  }
}

function checkStatement(analysis: ResolvedDocument, d: A.StatementDecl, panel: Panel, report: Report): void {
  const uri = analysis.uri;
  const who = d.name ? `\`${d.name.text}\`` : 'This statement';
  const grading = gradingOf(d, panel);

  const missing = missingFields(d);
  if (missing.length > 0) {
    const words = missing.map((f) => (f === 'agreement' ? 'agreement (or votes)' : f));
    report({
      severity: 'error',
      code: 'missing-field',
      message: `${who} has no ${listed(words)}: every statement states its basis, strength, certainty and agreement`,
      uri,
      span: statementAnchor(d),
      data: { fields: missing },
    });
  }

  const agreementSpan = d.agreement?.value.span ?? d.votes?.span;
  const votes = votesOf(d);
  const hasAgreement = grading.agreement !== undefined && (d.agreement !== undefined || (votes !== undefined && Object.values(votes).some((v) => v > 0)));
  if (grading.status === 'adopted' && hasAgreement && grading.agreement! < panel.consensus && agreementSpan) {
    report({
      severity: 'error',
      code: 'below-consensus',
      message: `${who} is adopted, but its agreement of ${d.agreement?.value.text ?? grading.agreement}%${grading.agreementFromVotes ? ' (from its votes)' : ''} is below the panel's consensus threshold of ${panel.consensus}%: revise it, or mark it \`status rejected\``,
      uri,
      span: agreementSpan,
      data: { agreement: grading.agreement, consensus: panel.consensus },
    });
  }

  if (grading.strength === 'strong' && d.endorsedStrong && d.endorsedStrong.value.value < panel.strong) {
    report({
      severity: 'error',
      code: 'strong-not-endorsed',
      message: `${who} is strong, but only ${d.endorsedStrong.value.text}% of the panel endorsed it as strong, below the threshold of ${panel.strong}%: make it conditional`,
      uri,
      span: d.endorsedStrong.value.span,
      data: { endorsed: d.endorsedStrong.value.value, strong: panel.strong },
    });
  }

  if (grading.strength) {
    const expected = grading.strength === 'strong' ? 'recommend' : 'suggest';
    for (const rule of d.rules) {
      const act = rule.then;
      if (!act || act.verb === expected) continue;
      report({
        severity: 'warning',
        code: 'verb-strength-mismatch',
        message: `${rule.name ? `Rule \`${rule.name.text}\`` : 'This rule'} says \`${act.verb}\`, but ${who} is ${grading.strength}: a ${grading.strength} statement's rules say \`${expected}\``,
        uri,
        span: act.verbSpan,
        data: { replacement: expected },
      });
    }
  }

  const severity = analysis.settings.discordantSeverity;
  const lowCertainty = grading.certainty === 'low' || grading.certainty === 'very_low';
  const rationale = d.rationale?.value.value;
  if (severity !== 'off' && grading.strength === 'strong' && lowCertainty && grading.status !== 'rejected' && (rationale === undefined || isPlaceholderRationale(rationale)) && d.strength) {
    const certainty = grading.certainty === 'very_low' ? 'very low' : 'low';
    report({
      severity,
      code: 'discordant-without-rationale',
      message: rationale === undefined
        ? `${who} is a strong recommendation on ${certainty} certainty (discordant in GRADE's terms) and gives no \`rationale\` for it`
        : `${who} is a strong recommendation on ${certainty} certainty and its \`rationale\` is still a placeholder`,
      uri,
      span: d.strength.span,
      related: d.certainty ? [{ uri, span: d.certainty.span, message: `certainty ${certainty}` }] : undefined,
      data: { hasRationale: rationale !== undefined },
    });
  }
}
