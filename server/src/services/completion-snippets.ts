// Templates in completion: each where its keyword may start (a statement, case or decision
// at the top level, a rule in a statement's body, the header once at the top of a file),
// filled from the file: the grading scheme's levels, the verb the statement's strength
// asks for, the next free statement id.
import type * as A from '../../../grammar/src/index.js';
import type { ExpectedToken } from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { gradingContext, gradingOf } from '../model/grading.js';
import { gradeSnippetContext, snippetFor, type Snippet, type SnippetContext } from './snippets.js';
import type { CompletionEntry } from './completion-entry.js';

/** Whether a `guideline` header may start here: the file has none elsewhere. */
export function headerMayStart(analysis: Analysis, offset: number): boolean {
  const header = analysis.source.parse.ast.header;
  return !header || (header.span.start <= offset && offset <= header.span.end);
}

export function snippetEntries(analysis: Analysis, expected: readonly ExpectedToken[], decl: A.Declaration | undefined, offset: number): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const e of expected) {
    const snippet = e.token.startsWith('Kw_') ? snippetFor(e.token.slice(3)) : undefined;
    if (!snippet || out.some((o) => o.label === snippet.keyword) || !fits(snippet, e.ruleStack, analysis, offset)) continue;
    const statement = snippet.keyword === 'rule' && decl?.kind === 'Statement' ? decl : undefined;
    const body = snippet.body(contextFor(analysis, statement)).join('\n');
    out.push({
      label: snippet.keyword,
      kind: 'snippet',
      detail: snippet.name,
      documentation: `${snippet.description}\n\n\`\`\`guideline\n${plain(body)}\n\`\`\``,
      sortText: `2${snippet.keyword}~`,
      snippet: body,
    });
  }
  return out;
}

/** A declaration's template right under the file, a rule's right under a statement. */
function fits(snippet: Snippet, ruleStack: readonly string[], analysis: Analysis, offset: number): boolean {
  const parent = ruleStack[ruleStack.length - 2];
  if (snippet.keyword === 'rule') return parent === 'statementDecl';
  if (parent !== 'file') return false;
  return snippet.keyword !== 'guideline' || headerMayStart(analysis, offset);
}

function contextFor(analysis: Analysis, statement: A.StatementDecl | undefined): SnippetContext {
  const ctx = gradingContext(analysis);
  const scheme = ctx.scheme;
  const strength = statement && gradingOf(statement, ctx);
  const verbs = strength?.kind === 'best_practice' ? ['recommend'] : strength?.strength === 'strong' ? ['recommend'] : strength?.strength === 'conditional' ? ['suggest'] : gradeSnippetContext.verbs;
  return {
    strengths: scheme.builtin ? gradeSnippetContext.strengths : [...scheme.strengths.keys()],
    certainties: [...scheme.certainties.keys()],
    verbs,
    statementId: freeStatementId(analysis),
  };
}

/** `S` and one more than the highest `S<n>` in scope. */
function freeStatementId(analysis: Analysis): string {
  let highest = 0;
  for (const s of analysis.symbols.ofKind('statement')) {
    const m = /^S(\d{1,9})$/.exec(s.name);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `S${highest + 1}`;
}

/** The template as it reads once inserted with its defaults, for the item's documentation. */
function plain(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .trimEnd();
}
