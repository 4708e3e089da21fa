// Code lens: above each statement, how many rules it has and how many of the file's cases
// exercise it (a rule of it fires for the case's patient); above each case, "Run" and its
// result against the rules as they are now.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { caseEntries, runCases } from './cases.js';

export type Lens =
  | { readonly kind: 'statement'; readonly span: A.Span; readonly title: string; readonly rules: number; readonly cases: number }
  | { readonly kind: 'run'; readonly span: A.Span; readonly title: string; readonly caseId: string }
  | { readonly kind: 'result'; readonly span: A.Span; readonly title: string; readonly caseId: string; readonly passed: boolean };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function codeLenses(analysis: Analysis): Lens[] {
  const lenses: Lens[] = [];
  const outcomes = runCases(analysis);
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Statement') continue;
    const names = new Set(d.rules.flatMap((r) => (r.name ? [r.name.text] : [])));
    const cases = outcomes.filter((o) => o.fired.some((f) => names.has(f))).length;
    lenses.push({ kind: 'statement', span: d.span, title: `${plural(d.rules.length, 'rule')} · ${plural(cases, 'case')}`, rules: d.rules.length, cases });
  }
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  for (const entry of caseEntries(analysis)) {
    lenses.push({ kind: 'run', span: entry.span, title: '$(play) Run', caseId: entry.id });
    const outcome = byId.get(entry.id);
    if (outcome) {
      const title = outcome.passed ? '$(pass) passed' : `$(error) failed: ${outcome.failures.length === 1 ? '1 expectation' : `${outcome.failures.length} expectations`}`;
      lenses.push({ kind: 'result', span: entry.span, title, caseId: entry.id, passed: outcome.passed });
    }
  }
  return lenses.sort((a, b) => a.span.start - b.span.start);
}
