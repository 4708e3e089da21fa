// The outline (document symbols) and folding ranges, both read off the AST's spans.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { clipped } from '../model/bounded-text.js';

export type OutlineKind = 'guideline' | 'grading' | 'enum' | 'attribute' | 'intervention' | 'reference' | 'statement' | 'rule' | 'case' | 'decision' | 'group';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  span: A.Span;
  selection: A.Span;
  children: OutlineItem[];
}

/** An outline entry. Names are never empty (VS Code rejects a whole outline for one) and stay short, as do details. */
function item(kind: OutlineKind, name: A.Name | undefined, span: A.Span, detail?: string, children: OutlineItem[] = []): OutlineItem {
  const text = name && name.text.trim() !== '' ? clipped(name.text, 200) : `(unnamed ${kind})`;
  return { kind, name: text, detail: detail === undefined ? undefined : clipped(detail, 200), span, selection: name ?? span, children };
}

/** The groups that follow the statements, in this order; a kind absent from the file has none. */
const groups: readonly { kind: OutlineKind; name: string }[] = [
  { kind: 'decision', name: 'Decisions' },
  { kind: 'case', name: 'Cases' },
  { kind: 'attribute', name: 'Attributes' },
  { kind: 'enum', name: 'Enums' },
  { kind: 'intervention', name: 'Interventions' },
  { kind: 'reference', name: 'References' },
  { kind: 'grading', name: 'Grading schemes' },
];

/**
 * A container for one kind of declaration. VS Code orders an outline by where each entry
 * starts, whatever order the server sends, so a group spanning its own members (declared
 * at the top, typically) would come before the statements again. Every group therefore
 * spans from the end of the last statement (or of the header; the file's start when there
 * is neither) to the end of the file, the same span for all, which keeps them after the
 * statements and in this order; it selects its start. A member declared above that point lies outside its
 * group's span: the breadcrumbs name no group there, which is the price of the order.
 */
function group(name: string, members: OutlineItem[], from: number, to: number): OutlineItem {
  return { kind: 'group', name, detail: String(members.length), span: { start: from, end: to }, selection: { start: from, end: from }, children: members };
}

/**
 * The outline reads as the guideline does: its header, then the statements with their
 * rules (what a committee works on), then the declarations they rest on, grouped by kind
 * ("Attributes", "Interventions", …) so thirty attributes do not push the first statement
 * out of sight. Within each part, items keep their order in the file.
 */
export function outline(analysis: Analysis): OutlineItem[] {
  const ast = analysis.source.parse.ast;
  const flat: OutlineItem[] = [];
  for (const d of ast.declarations) {
    switch (d.kind) {
      case 'Enum':
        flat.push(item('enum', d.name, d.span, d.members.map((m) => m.text).join(', ')));
        break;
      case 'Attribute':
        flat.push(item('attribute', d.name, d.span, d.type?.name.text));
        break;
      case 'Intervention':
        flat.push(item('intervention', d.name, d.span, d.description?.value));
        break;
      case 'Reference':
        flat.push(item('reference', d.name, d.span, d.citation?.value));
        break;
      case 'Statement':
        flat.push(item('statement', d.name, d.span, d.title?.value, d.rules.map((r) => item('rule', r.name, r.span, r.then ? `${r.then.verb}${r.then.against ? ' against' : ''} ${r.then.interventions.map((i) => i.text).join(', ')}` : undefined))));
        break;
      case 'Case':
        flat.push(item('case', d.title ? { text: d.title.value, start: d.title.start, end: d.title.end } : undefined, d.span));
        break;
      case 'Decision':
        flat.push(item('decision', d.name, d.span, d.title?.value));
        break;
    }
  }
  // Grading schemes are kept apart from the declarations in the AST.
  for (const g of ast.gradings) flat.push(item('grading', g.name, g.span, g.title?.value));
  flat.sort((a, b) => a.span.start - b.span.start);

  const items: OutlineItem[] = [];
  if (ast.header) items.push(item('guideline', ast.header.name, ast.header.span, ast.header.title?.value.value));
  const statements = flat.filter((i) => i.kind === 'statement');
  for (const st of statements) items.push(st);
  const end = analysis.source.text.length;
  const from = Math.min(end, statements.reduce((m, st) => Math.max(m, st.span.end), Math.max(0, ast.header?.span.end ?? 0)));
  for (const g of groups) {
    const members = flat.filter((i) => i.kind === g.kind);
    if (members.length > 0) items.push(group(g.name, members, from, end));
  }
  return items;
}

/** Multi-line blocks: declarations, statement bodies, rules, text blocks and comments. */
export function foldingSpans(analysis: Analysis): { span: A.Span; comment: boolean }[] {
  const ast = analysis.source.parse.ast;
  const spans: { span: A.Span; comment: boolean }[] = analysis.source.parse.comments.map((span) => ({ span, comment: true }));
  if (ast.header) spans.push({ span: ast.header.span, comment: false });
  for (const g of ast.gradings) spans.push({ span: g.span, comment: false });
  for (const d of ast.declarations) {
    spans.push({ span: d.span, comment: false });
    if (d.kind === 'Statement') {
      for (const r of d.rules) spans.push({ span: r.span, comment: false });
      for (const f of [d.text, d.rationale]) if (f) spans.push({ span: f.value, comment: false });
    }
  }
  return spans;
}
