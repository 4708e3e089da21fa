// The file's cases as tests: listed from the syntax tree alone (cheap, for the Testing
// view), and run against the rules of the file's one analysis. A failure carries what the
// expectation wanted and what the rules gave, each as the language writes it, for an
// editor's expected/actual diff at the `expect`.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { evaluateCase, expectedRecs } from '../logic/consistency/cases.js';
import { consistencyOf } from '../logic/engine.js';
import { recKey } from '../logic/rules.js';

export interface CaseEntry {
  /** Stable while the case keeps its title: the title, and which of the cases so titled it is. */
  readonly id: string;
  readonly title: string;
  readonly span: A.Span;
  readonly decl: A.CaseDecl;
}

export interface CaseFailure {
  readonly span: A.Span;
  readonly message: string;
  /** One recommendation a line, or `nothing`. */
  readonly expected: string;
  readonly actual: string;
}

export interface CaseOutcome {
  readonly id: string;
  readonly passed: boolean;
  readonly failures: CaseFailure[];
  /** The rules that fire for the case's patient. */
  readonly fired: string[];
  /** Rules the case leaves undetermined, with the attributes it should give. */
  readonly notes: string[];
}

export function caseEntries(analysis: Analysis): CaseEntry[] {
  const seen = new Map<string, number>();
  const entries: CaseEntry[] = [];
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Case') continue;
    const title = d.title?.value ?? '(untitled case)';
    const n = seen.get(title) ?? 0;
    seen.set(title, n + 1);
    entries.push({ id: n === 0 ? title : `${title}#${n + 1}`, title, span: d.span, decl: d });
  }
  return entries;
}

const listing = (recs: readonly string[]): string => (recs.length === 0 ? 'nothing' : recs.join('\n'));

/** Runs the cases with the given ids (all when omitted); unknown ids are skipped. */
export function runCases(analysis: Analysis, ids?: readonly string[]): CaseOutcome[] {
  const wanted = ids && new Set(ids);
  const entries = caseEntries(analysis).filter((e) => !wanted || wanted.has(e.id));
  if (entries.length === 0) return [];
  const consistency = consistencyOf(analysis);
  return entries.map((entry) => {
    const result = evaluateCase(entry.decl, consistency);
    const given = [...new Set(result.fired.flatMap((r) => r.recs.map(recKey)))];
    return {
      id: entry.id,
      passed: result.passed,
      failures: result.expectations.filter((e) => !e.ok).map((e) => {
        const x = e.expectation;
        const expected = x.nothing ? 'nothing' : `${x.only ? 'only ' : ''}${listing(expectedRecs(x).map(recKey))}`;
        return { span: x.span, message: e.message ?? 'This expectation fails', expected, actual: listing(given) };
      }),
      fired: result.fired.map((r) => r.name),
      notes: result.undetermined.map((u) => `Rule \`${u.rule.name}\` may or may not fire: give ${u.attrs.map((a) => `\`${a}\``).join(', ')}`),
    };
  });
}
