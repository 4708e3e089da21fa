// GRADE and Delphi rules for each statement: the required grading is there, an adopted
// statement reached consensus, a strong statement had enough strong endorsement, its
// rules' verbs match its strength, and a strong recommendation on low certainty says why.
import type * as A from '../../../grammar/src/index.js';
import { verbSpan } from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { gradingContext, gradingOf, isGraded, kindOf, ruleGradingOf, votesOf, type Grading, type GradingContext, type Panel } from '../model/grading.js';

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
  return d.name ?? { start: d.span.start, end: d.span.start + 'statement'.length };
}

/**
 * The required fields a statement lacks. A recommendation states its basis, strength and
 * certainty; agreement (or votes) only where the panel voted (`consensus` set) and the
 * statement is not a draft. Best practice and informational statements are ungraded.
 */
export function missingFields(d: A.StatementDecl, panel: Panel): RequiredField[] {
  const missing: RequiredField[] = [];
  if (!isGraded(kindOf(d))) return missing;
  if (!d.basis) missing.push('basis');
  if (!d.strength) missing.push('strength');
  if (!d.certainty) missing.push('certainty');
  // A draft has not been voted on yet.
  if (panel.requiresAgreement && !d.agreement && !d.votes && d.status?.value.text !== 'draft') missing.push('agreement');
  return missing;
}

function listed(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function checkMethodology(analysis: ResolvedDocument, report: Report): void {
  const ctx = gradingContext(analysis);
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind === 'Statement') checkStatement(analysis, d, ctx, report);
  }
}

/** "conditional", or "IIa (conditional in GRADE)" in another scheme. */
function strengthWords(g: Grading): string {
  const written = g.written.strength;
  return written && written !== g.strength ? `${written} (${g.strength} in GRADE)` : `${g.strength}`;
}

function ruleName(rule: A.RuleDecl): string {
  return rule.name ? `Rule \`${rule.name.text}\`` : 'This rule';
}

function checkStatement(analysis: ResolvedDocument, d: A.StatementDecl, ctx: GradingContext, report: Report): void {
  const uri = analysis.uri;
  const { panel, scheme } = ctx;
  const who = d.name ? `\`${d.name.text}\`` : 'This statement';
  const grading = gradingOf(d, ctx);

  const missing = missingFields(d, panel);
  if (missing.length > 0) {
    const words = missing.map((f) => (f === 'agreement' ? 'agreement (or votes)' : f));
    report({
      severity: 'error',
      code: 'missing-field',
      message: `${who} has no ${listed(words)}: every recommendation states its basis, strength${panel.requiresAgreement ? ', certainty and agreement' : ' and certainty'}`,
      uri,
      span: statementAnchor(d),
      data: { fields: missing },
    });
  }

  checkUngraded(analysis, d, grading, report);

  const agreementSpan = d.agreement?.value ?? d.votes?.span;
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
      message: `${who} is ${strengthWords(grading)}, but only ${d.endorsedStrong.value.text}% of the panel endorsed it as strong, below the threshold of ${panel.strong}%: make it conditional`,
      uri,
      span: d.endorsedStrong.value,
      data: { endorsed: d.endorsedStrong.value.value, strong: panel.strong },
    });
  }

  for (const rule of d.rules) {
    const act = rule.then;
    if (!act) continue;
    if (grading.kind === 'informational') {
      report({
        severity: 'error',
        code: 'informational-rule',
        message: `${ruleName(rule)} recommends, but ${who} is informational (a definition or a fact): move the rule to a recommendation or best practice statement`,
        uri,
        span: verbSpan(act),
      });
      continue;
    }
    const g = ruleGradingOf(grading, rule, scheme);
    const bestPractice = g.kind === 'best_practice';
    if (!bestPractice && !g.strength) continue;
    const expected = bestPractice || g.strength === 'strong' ? 'recommend' : 'suggest';
    if (act.verb === expected) continue;
    const said = `${ruleName(rule)} says \`${act.verb}\``;
    report({
      severity: 'warning',
      code: 'verb-strength-mismatch',
      message: bestPractice
        ? `${said}, but ${who} is a best practice statement: its rules say \`recommend\``
        : g === grading
          ? `${said}, but ${who} is ${strengthWords(g)}: a ${g.strength} statement's rules say \`${expected}\``
          : `${said}, but its own strength is ${strengthWords(g)}: a ${g.strength} rule says \`${expected}\``,
      uri,
      span: verbSpan(act),
      data: { replacement: expected },
    });
  }

  const severity = analysis.settings.discordantSeverity;
  const rationale = d.rationale?.value.value;
  if (severity === 'off' || grading.status === 'rejected' || (rationale !== undefined && !isPlaceholderRationale(rationale))) return;
  const discordant = (g: Grading, at: A.Field<A.Name> | undefined, certaintyAt: A.Field<A.Name> | undefined, whose: string): void => {
    if (g.strength !== 'strong' || (g.certainty !== 'low' && g.certainty !== 'very_low') || !at) return;
    const certainty = g.certainty === 'very_low' ? 'very low' : 'low';
    report({
      severity,
      code: 'discordant-without-rationale',
      message: rationale === undefined
        ? `${whose} is a strong recommendation on ${certainty} certainty (discordant in GRADE's terms) and gives no \`rationale\` for it`
        : `${whose} is a strong recommendation on ${certainty} certainty and its \`rationale\` is still a placeholder`,
      uri,
      span: at.span,
      related: certaintyAt ? [{ uri, span: certaintyAt.span, message: `certainty ${g.written.certainty ?? certainty}` }] : undefined,
      data: { hasRationale: rationale !== undefined },
    });
  };
  discordant(grading, d.strength, d.certainty, who);
  // A rule graded on its own is discordant where its statement is not; the statement's rationale covers it.
  for (const rule of d.rules) {
    const g = ruleGradingOf(grading, rule, scheme);
    const statementDiscordant = grading.strength === 'strong' && (grading.certainty === 'low' || grading.certainty === 'very_low');
    if (g === grading || statementDiscordant) continue;
    discordant(g, rule.strength ?? rule.certainty, rule.certainty, `${ruleName(rule)} of ${who}`);
  }
}

/** Grading given where the statement's kind has none: a best practice or informational statement. */
function checkUngraded(analysis: ResolvedDocument, d: A.StatementDecl, grading: Grading, report: Report): void {
  if (isGraded(grading.kind)) return;
  const who = d.name ? `\`${d.name.text}\`` : 'This statement';
  const what = grading.kind === 'best_practice' ? 'a best practice statement' : 'an informational statement';
  // Earlier occurrences of a field written twice go with it, so that removing it removes them.
  const earlier = (owner: A.StatementDecl | A.RuleDecl, word: string): A.Span[] => (owner.repeated ?? []).filter((r) => r.field === word).map((r) => r.span);
  const fields: [string, A.Field<unknown> | undefined, A.Span[]][] = [
    ['strength', d.strength, earlier(d, 'strength')],
    ['certainty', d.certainty, earlier(d, 'certainty')],
    ['endorsed_strong', d.endorsedStrong, earlier(d, 'endorsed_strong')],
  ];
  for (const rule of d.rules) fields.push(['strength', rule.strength, earlier(rule, 'strength')], ['certainty', rule.certainty, earlier(rule, 'certainty')]);
  for (const [word, f, also] of fields) {
    if (!f) continue;
    report({
      severity: 'error',
      code: 'grading-not-allowed',
      message: `${who} is ${what}, which is ungraded: it takes no \`${word}\`; remove it, or make the statement \`kind recommendation\``,
      uri: analysis.uri,
      span: f.span,
      data: { remove: true, also },
    });
  }
}
