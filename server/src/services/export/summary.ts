// The summary of recommendations as guidelines publish it, as plain data that the Markdown,
// HTML and Word writers each lay out: numbered statements with text, grading, agreement and
// votes, remarks, citations as numbers into one reference list (numbered in order of first
// citation), and each decision tree as an SVG picture.
import type * as A from '../../../../grammar/src/index.js';
import { gradingContext, gradingOf } from '../../model/grading.js';
import { citedLabels } from '../../model/resolve.js';
import type { Analysis } from '../../pipeline/analysis.js';
import { renderTreeSvg } from '../../render/svg.js';
import { agreementLine, gradingLine } from '../hover.js';
import { decisionTreeView } from '../tree-view/index.js';
import { exprText } from '../../model/expr-text.js';
import { ruleText } from './rule-text.js';

export interface SummaryStatement {
  number: number;
  id: string;
  title?: string;
  section?: string;
  text?: string;
  /** "Strong recommendation · ⊕⊕◯◯ low certainty" */
  grading: string;
  /** "Agreement 90.4% (votes A 40, B 7)"; absent where none is given and the guideline asks for none. */
  agreement?: string;
  status: string;
  basis?: string;
  remarks: { label: string; text: string }[];
  /** The rules as the language writes them: "when ... then recommend x". */
  rules: string[];
  /** Numbers into the reference list. */
  citations: number[];
  /** Labels cited that no reference declares. */
  missing: string[];
}

export interface SummaryReference {
  number: number;
  label: string;
  citation: string;
  doi?: string;
  pmid?: string;
}

export interface SummaryTree {
  name: string;
  title: string;
  svg: string;
}

export interface Summary {
  title: string;
  id?: string;
  doi?: string;
  panel?: string;
  statements: SummaryStatement[];
  /** The `assume`s, as written: facts about every patient the recommendations rely on. */
  assumptions: string[];
  references: SummaryReference[];
  trees: SummaryTree[];
}

/** User text for a document: the control characters no document format can hold removed, runs of space made one. */
function clean(text: string): string;
function clean(text: string | undefined): string | undefined;
function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

export async function summaryOf(analysis: Analysis): Promise<Summary> {
  const header = analysis.program.files.map((f) => f.parse.ast.header).find((h) => h?.name || h?.title);
  const ctx = gradingContext(analysis);
  const panel = ctx.panel;
  const table = analysis.symbols;
  const numbers = new Map<string, number>();
  const statements: SummaryStatement[] = [];
  const decls = analysis.source.parse.ast.declarations.filter((d): d is A.StatementDecl => d.kind === 'Statement');
  for (const s of decls) {
    const g = gradingOf(s, ctx);
    const labels = (s.cites?.value ?? []).flatMap(citedLabels);
    const citations: number[] = [];
    const missing: string[] = [];
    for (const label of labels) {
      if (!table.references.has(label)) { missing.push(label); continue; }
      if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
      const n = numbers.get(label)!;
      if (!citations.includes(n)) citations.push(n);
    }
    statements.push({
      number: statements.length + 1,
      id: s.name?.text ?? '',
      title: clean(s.title?.value),
      section: clean(s.section?.value.value),
      text: clean(s.text?.value.value),
      // Plain text: each document format escapes it its own way.
      grading: gradingLine(g, (t) => t),
      ...(g.agreement !== undefined || g.votes || ctx.panel.requiresAgreement ? { agreement: agreementLine(g) } : {}),
      status: g.status,
      basis: g.basis?.replace('_', ' '),
      remarks: [
        ...(s.rationale ? [{ label: 'Rationale', text: clean(s.rationale.value.value) }] : []),
        ...g.remarks.map((r) => ({ label: 'Remark', text: clean(r) })),
        ...(g.history ? [{ label: 'History', text: clean(`${g.history.word}${g.history.note ? `: ${g.history.note}` : ''}`) }] : []),
      ].filter((r) => r.text.length > 0),
      rules: s.rules.map((r) => clean(ruleText(r))),
      citations: citations.sort((a, b) => a - b),
      missing,
    });
  }
  // References no statement cites come after the cited ones, in the order they are declared.
  for (const label of table.references.keys()) if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
  const references = [...numbers].map(([label, number]): SummaryReference => {
    const r = table.references.get(label)!.decl;
    return { number, label, citation: clean(r.citation?.value ?? label), doi: clean(r.doi?.value.value), pmid: r.pmid?.value.text };
  }).sort((a, b) => a.number - b.number);
  const trees: SummaryTree[] = [];
  for (const d of table.ofKind('decision')) {
    // The reviewer's view, as the preview shows it by default and `guideline tree` prints it.
    const result = decisionTreeView(analysis, d.name);
    if (!result.tree || !result.view?.root) continue;
    trees.push({ name: d.name, title: clean(d.decl.title?.value ?? d.name), svg: await renderTreeSvg(result) });
  }
  return {
    title: clean(header?.title?.value.value ?? header?.name?.text ?? 'Guideline'),
    id: header?.name?.text,
    doi: clean(header?.doi?.value.value),
    panel: panel.voters !== undefined ? `Panel of ${panel.voters}; consensus at ${panel.consensus}% agreement` : undefined,
    statements,
    assumptions: analysis.program.files.flatMap((f) => f.parse.ast.declarations).flatMap((d) => (d.kind === 'Assume' && d.condition ? [clean(exprText(d.condition))] : [])),
    references,
    trees,
  };
}

/** "[1, 3–5]": consecutive numbers as ranges. */
export function citationMark(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(j - i >= 2 ? `${numbers[i]}–${numbers[j]}` : j > i ? `${numbers[i]}, ${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  return parts.length > 0 ? `[${parts.join(', ')}]` : '';
}
