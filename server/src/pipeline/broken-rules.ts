// A rule or case with a syntax error in it (a half-typed `when stage in {`) is reported
// once, by that syntax error: what the checks would say about the recovered fragment (an
// empty set, a keyword read as a value, a case that fails) is noise until it is complete.
// So, while a syntax error stands:
// - inside a broken rule or case, only the syntax errors are reported;
// - nothing is reported inside the text a syntax error is about (`very` of `very low`);
// - a statement with one says nothing about fields it lacks (they may be half-typed);
// - cases and decision gaps, which depend on every rule, wait for the rules to be whole,
//   and a rule's conflicts or redundancy with a broken rule are not reported.
import type * as A from '../../../grammar/src/index.js';
import type { Finding } from '../model/findings.js';
import type { SourceFile } from '../model/sources.js';

/** From each rule's start to the start of what follows it in its statement (or the statement's end). */
function ruleExtents(file: A.GuidelineFile): A.Span[] {
  const extents: A.Span[] = [];
  for (const d of file.declarations) {
    if (d.kind !== 'Statement') continue;
    // Sorted once: a statement of thousands of rules must not cost a sort per rule.
    const siblings = [d.text, d.basis, d.strength, d.certainty, d.agreement, d.votes, d.endorsedStrong, d.cites, d.section, d.rationale, d.status, d.statementKind, d.voters, d.history, ...d.remarks, ...d.rules]
      .filter((x): x is NonNullable<typeof x> => x !== undefined)
      .map((x) => x.span.start)
      .sort((a, b) => a - b);
    for (const rule of d.rules) {
      const next = siblings[firstAfter(siblings, rule.span.start)];
      extents.push({ start: rule.span.start, end: next ?? Math.max(d.span.end, rule.span.end) });
    }
  }
  return extents;
}

/** The index of the first value in ascending `sorted` greater than `x` (its length when none is). */
function firstAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The errors that leave a rule or case incomplete: `&&` and the like parse as their words. */
function breaking(errors: readonly A.SyntaxError[]): A.SyntaxError[] {
  return errors.filter((e) => e.code !== 'symbolic-operator');
}

/** Spans of rules that a syntax error falls in (or right at the end of). */
export function brokenRules(file: A.GuidelineFile, errors: readonly A.SyntaxError[]): A.Span[] {
  const b = breaking(errors);
  if (b.length === 0) return [];
  return ruleExtents(file).filter((r) => b.some((e) => e.span.start > r.start && e.span.start <= r.end));
}

const inside = (outer: A.Span, inner: A.Span): boolean => inner.start >= outer.start && inner.end <= outer.end;
const holds = (outer: A.Span, offset: number): boolean => offset >= outer.start && offset <= outer.end;

const structuralCodes = new Set(['syntax', 'unterminated-string', 'unterminated-comment', 'unknown-character']);

/** Findings that follow from every rule at once: a broken rule anywhere may be what they are about. */
const dependsOnAllRules = new Set(['case-failed', 'case-undetermined', 'decision-gap']);
/** Findings that claim a field is absent, which a half-typed field would make wrong. */
const absenceClaims = new Set(['missing-field']);

/** Drops the findings that a syntax error makes unreliable (see the top of this file). */
export function withoutCascades(findings: Finding[], root: SourceFile, files: readonly SourceFile[] = [root]): Finding[] {
  const errors = breaking(root.parse.errors);
  // Text that does not parse; a number too large or parentheses too deep still read as what they are.
  const structural = errors.filter((e) => structuralCodes.has(e.code));
  const anyBroken = files.some((f) => brokenRules(f.parse.ast, f.parse.errors).length > 0);
  if (errors.length === 0 && !anyBroken) return findings;
  const ast = root.parse.ast;
  const syntaxCodes = new Set(root.parse.errors.map((e) => e.code));
  const brokenCases = ast.declarations.filter((d) => d.kind === 'Case' && structural.some((e) => holds(d.span, e.span.start))).map((d) => d.span);
  const broken = [...brokenRules(ast, errors), ...brokenCases];
  const brokenStatements = ast.declarations.filter((d) => d.kind === 'Statement' && structural.some((e) => holds(d.span, e.span.start))).map((d) => d.span);
  // Rules broken in the used files too, by URI, for the related locations of conflicts.
  const brokenByUri = new Map(files.map((f) => [f.uri, f === root ? broken : brokenRules(f.parse.ast, f.parse.errors)]));
  return findings.filter((f) => {
    if (syntaxCodes.has(f.code) && f.uri === root.uri) return true;
    if (f.uri === root.uri && broken.some((r) => inside(r, f.span))) return false;
    if (f.uri === root.uri && structural.some((e) => e.code === 'syntax' && e.span.end > e.span.start && inside(e.span, f.span))) return false;
    if (absenceClaims.has(f.code) && brokenStatements.some((s) => inside(s, f.span))) return false;
    if (anyBroken && dependsOnAllRules.has(f.code)) return false;
    if (f.related?.some((r) => (brokenByUri.get(r.uri) ?? []).some((b) => inside(b, r.span)))) return false;
    return true;
  });
}
