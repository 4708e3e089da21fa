// Hover on the words of the language rather than on the committee's names: a keyword says
// what it does, a field's value what GRADE or Delphi means by it (`strength conditional`,
// `certainty low`, a vote grade), and an agreement how it stands against the panel's
// threshold. The lexer's tokens say where a word is; the syntax tree says which words are
// names (a soft keyword such as `status` may name an attribute) and which field a value fills.
// Only the declaration under the cursor is lexed and walked.
import type * as A from '../../../grammar/src/index.js';
import { lexemesIn } from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { gradingContext } from '../model/grading.js';
import { builtinSchemeName } from '../model/grading-scheme.js';
import { declaredSchemeDoc, gradeSchemeDoc, keywordDoc, schemeLevelDoc, shareVerdict, valueDoc, type ValueField } from './keyword-docs.js';

export interface WordHover {
  readonly markdown: string;
  readonly span: A.Span;
}

/** What a name in the syntax tree is: a field's word, a grading level, a threshold's number, or a name the committee chose. */
type Role =
  | { readonly kind: 'value'; readonly field: ValueField }
  | { readonly kind: 'level'; readonly field: 'strength' | 'certainty' }
  | { readonly kind: 'scheme' }
  | { readonly kind: 'share'; readonly field: 'agreement' | 'endorsed_strong' }
  | { readonly kind: 'name' };

export function wordHover(analysis: Analysis, offset: number): WordHover | undefined {
  const node = construct(analysis.source.parse.ast, offset);
  if (!node) return undefined;
  // Only the declaration's tokens: the whole file's would stay in memory after one hover.
  const token = tokenAt(lexemesIn(analysis.source.text, node.span), offset);
  if (!token) return undefined;
  const roles = rolesIn(node);
  const role = roles.get(token.span.start);
  const markdown = role ? roleMarkdown(analysis, role, token) : token.type.startsWith('Kw_') ? keywordDoc(token.type.slice(3)) : undefined;
  return markdown ? { markdown, span: token.span } : undefined;
}

/** The token under the cursor, or the one the cursor has just passed (at a word's end). */
function tokenAt(tokens: readonly A.Lexeme[], offset: number): A.Lexeme | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t.span.end < offset) lo = mid + 1;
    else if (t.span.start > offset) hi = mid - 1;
    else return t;
  }
  return undefined;
}

/** The top-level construct around the offset: only its names are looked at. */
function construct(file: A.GuidelineFile, offset: number): { span: A.Span } | undefined {
  const all: { span: A.Span }[] = [...(file.header ? [file.header] : []), ...file.uses, ...file.declarations, ...file.gradings];
  return all.find((c) => c.span.start <= offset && offset <= c.span.end);
}

function text(source: string, span: A.Span): string {
  return source.slice(span.start, span.end);
}

function rolesIn(node: object | undefined): Map<number, Role> {
  const roles = new Map<number, Role>();
  if (!node) return roles;
  // Every name first, so a soft keyword used as a name is never read as the keyword.
  visitNames(node, (n) => roles.set(n.start, { kind: 'name' }));
  const set = (n: A.Name | A.NumberLit | undefined, role: Role): void => void (n && roles.set(n.start, role));
  const d = node as A.Declaration | A.GuidelineHeader | A.GradingDecl | A.Use;
  switch (d.kind) {
    case 'Guideline':
      set(d.grading?.value, { kind: 'scheme' });
      for (const g of d.panel?.agree?.value ?? []) set(g, { kind: 'value', field: 'grade' });
      break;
    case 'Grading':
      for (const field of ['strength', 'certainty'] as const) {
        for (const level of d[field].flatMap((f) => f.value)) {
          set(level.level, { kind: 'level', field });
          set(level.grade, { kind: 'value', field });
        }
      }
      break;
    case 'Attribute':
      set(d.type?.name, { kind: 'value', field: 'type' });
      break;
    case 'Statement':
      for (const owner of [d, ...d.rules]) {
        set(owner.strength?.value, { kind: 'level', field: 'strength' });
        set(owner.certainty?.value, { kind: 'level', field: 'certainty' });
      }
      set(d.basis?.value, { kind: 'value', field: 'basis' });
      set(d.status?.value, { kind: 'value', field: 'status' });
      set(d.statementKind?.value, { kind: 'value', field: 'kind' });
      set(d.history?.value.word, { kind: 'value', field: 'history' });
      for (const v of d.votes?.value ?? []) set(v.grade, { kind: 'value', field: 'grade' });
      set(d.agreement?.value, { kind: 'share', field: 'agreement' });
      set(d.endorsedStrong?.value, { kind: 'share', field: 'endorsed_strong' });
      break;
    default:
      break;
  }
  return roles;
}

/** Calls `f` on every Name node under `node` (objects with a text and their own span, and no value). */
function visitNames(node: unknown, f: (n: A.Name) => void): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
    } else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.text === 'string' && typeof o.start === 'number' && !('value' in o)) f(o as unknown as A.Name);
      else for (const v of Object.values(o)) if (v && typeof v === 'object') stack.push(v);
    }
  }
}

function roleMarkdown(analysis: Analysis, role: Role, token: A.Lexeme): string | undefined {
  const word = text(analysis.source.text, token.span);
  switch (role.kind) {
    case 'name':
      return undefined;
    case 'value':
      return valueDoc(role.field, word);
    case 'scheme':
      return word === builtinSchemeName ? gradeSchemeDoc : schemeDoc(analysis, word);
    case 'level':
      return levelDoc(analysis, role.field, word, token);
    case 'share':
      return shareDoc(analysis, role.field, word);
  }
}

function schemeDoc(analysis: Analysis, name: string): string | undefined {
  const declared = gradingContext(analysis).schemes.declared.get(name);
  return declared && declaredSchemeDoc(name, declared.scheme.strengths, declared.scheme.certainties);
}

/**
 * A strength or certainty as written: a GRADE word in the GRADE scheme, or a level of the
 * guideline's own scheme, explained through the GRADE word it means.
 */
function levelDoc(analysis: Analysis, field: 'strength' | 'certainty', word: string, token: A.Lexeme): string | undefined {
  // A level in a `grading` block is its scheme's own: the GRADE word after it says what it means.
  if (isInGradingBlock(analysis, token.span.start)) return schemeLevelDoc(word, field);
  const scheme = gradingContext(analysis).scheme;
  const grade = field === 'strength' ? scheme.strengths.get(word) : scheme.certainties.get(word);
  if (!grade) return undefined;
  if (scheme.builtin) return valueDoc(field, word);
  return schemeLevelDoc(word, field, scheme.name, grade);
}

function isInGradingBlock(analysis: Analysis, offset: number): boolean {
  return analysis.source.parse.ast.gradings.some((g) => g.span.start <= offset && offset <= g.span.end);
}

/** An agreement or a strong endorsement against the panel's threshold for it. */
function shareDoc(analysis: Analysis, field: 'agreement' | 'endorsed_strong', written: string): string | undefined {
  const value = Number(written);
  const base = keywordDoc(field);
  if (!Number.isFinite(value) || !base) return base;
  const panel = gradingContext(analysis).panel;
  const threshold = field === 'agreement' ? panel.consensus : panel.strong;
  return `${shareVerdict(written, value, field, threshold)}\n\n---\n\n${base}`;
}
