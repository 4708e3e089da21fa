// A rule with a syntax error in it (a half-typed `when stage in {`) is reported once, by
// that syntax error: what the checks would say about the recovered fragment (an empty
// set, a keyword read as a value) is noise until the rule is complete.
import type * as A from '../../../grammar/src/index.js';
import type { Finding } from '../model/findings.js';

/** From each rule's start to the start of what follows it in its statement (or the statement's end). */
function ruleExtents(file: A.GuidelineFile): A.Span[] {
  const extents: A.Span[] = [];
  for (const d of file.declarations) {
    if (d.kind !== 'Statement') continue;
    const siblings = [d.text, d.basis, d.strength, d.certainty, d.agreement, d.votes, d.endorsedStrong, d.cites, d.section, d.rationale, d.status, d.statementKind, d.voters, d.history, ...d.remarks, ...d.rules]
      .filter((x): x is NonNullable<typeof x> => x !== undefined)
      .map((x) => x.span.start);
    for (const rule of d.rules) {
      const next = siblings.filter((s) => s > rule.span.start).sort((a, b) => a - b)[0];
      extents.push({ start: rule.span.start, end: next ?? Math.max(d.span.end, rule.span.end) });
    }
  }
  return extents;
}

/** Spans of rules that a syntax error falls in (or right at the end of). */
export function brokenRules(file: A.GuidelineFile, errors: readonly A.SyntaxError[]): A.Span[] {
  // `&&` and the like parse as their words: the rule is whole.
  const breaking = errors.filter((e) => e.code !== 'symbolic-operator');
  if (breaking.length === 0) return [];
  return ruleExtents(file).filter((r) => breaking.some((e) => e.span.start > r.start && e.span.start <= r.end));
}

/** Drops the findings other than syntax errors that lie inside a broken rule. */
export function withoutCascades(findings: Finding[], file: A.GuidelineFile, errors: readonly A.SyntaxError[]): Finding[] {
  const broken = brokenRules(file, errors);
  if (broken.length === 0) return findings;
  const syntaxCodes = new Set(errors.map((e) => e.code));
  return findings.filter((f) => syntaxCodes.has(f.code) || !broken.some((r) => f.span.start >= r.start && f.span.end <= r.end));
}
