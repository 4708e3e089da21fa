// Declarations a quick fix inserts for an undeclared name: an attribute typed from how the
// file uses it, an intervention, or references. Each goes after the last declaration of
// its kind (or of the kinds declared before it), so the file keeps its order.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { PerObject } from '../model/per-object.js';
import { durationWord } from '../model/types.js';
import { forEachCondition } from '../checks/walk.js';
import type { TextEdit } from './text-edit.js';
import { placeholderWord } from '../model/vocabulary.js';
import { reservedKeywords } from '../../../grammar/src/index.js';

/** The type given to an attribute whose use says nothing about it: a placeholder the checks flag. */
const unknownType = placeholderWord;

type DeclKind = 'attribute' | 'intervention' | 'reference';

/** Kinds whose declarations come first in a file, in order: a new one goes after the latest present. */
const precedence: Record<DeclKind, A.Declaration['kind'][]> = {
  attribute: ['Attribute', 'Enum'],
  intervention: ['Intervention', 'Attribute', 'Enum'],
  reference: ['Reference', 'Intervention', 'Attribute', 'Enum'],
};

/**
 * An edit inserting `lines` (one declaration each) at the sensible place for `kind`; none
 * when a syntax error comes before that place or at the token right after it (the next
 * declaration found where an unclosed block or header expected its `{` or `}`), since an
 * unfinished declaration there would swallow the new lines and the fix would never take.
 */
export function insertDeclarations(analysis: Analysis, kind: DeclKind, lines: string[]): TextEdit | undefined {
  const edit = placeDeclarations(analysis, kind, lines);
  const { errors, tokens } = analysis.source.parse;
  const firstError = errors.reduce((min, e) => Math.min(min, e.span.start), Infinity);
  // An error at the token after the insertion point is the unfinished thing before it too
  // (`guideline g` without its `{`, then the line the new declaration would go before).
  const nextToken = tokens.find((t) => t.span.start >= edit.span.start)?.span.start ?? analysis.source.text.length;
  if (firstError <= nextToken) return undefined;
  // Nor inside a declaration the parser read across lines (`guideline` with its name on the
  // next line, where the new line would go): it would split it.
  const { ast } = analysis.source.parse;
  const at = edit.span.start;
  const splits = (d: { span: A.Span } | undefined): boolean => d !== undefined && d.span.start < at && at < d.span.end;
  return splits(ast.header) || ast.declarations.some(splits) ? undefined : edit;
}

function placeDeclarations(analysis: Analysis, kind: DeclKind, lines: string[]): TextEdit {
  const text = analysis.source.text;
  const decls = analysis.source.parse.ast.declarations;
  for (const k of precedence[kind]) {
    const last = [...decls].reverse().find((d) => d.kind === k);
    if (last) {
      // What follows on the same line (`attribute a: boolean "A"statement S1 {`) goes on a line of its own after them.
      const rest = /^[ \t]*(?:\r?\n|$|\/\/)/.test(text.slice(last.span.end, last.span.end + 200)) ? '' : '\n';
      return { span: { start: last.span.end, end: last.span.end }, newText: lines.map((l) => `\n${l}`).join('') + rest };
    }
  }
  const firstBody = decls.find((d) => d.kind === 'Statement' || d.kind === 'Case' || d.kind === 'Decision');
  if (firstBody) {
    const lineStart = text.lastIndexOf('\n', firstBody.span.start - 1) + 1;
    return { span: { start: lineStart, end: lineStart }, newText: lines.map((l) => `${l}\n`).join('') + '\n' };
  }
  const end = text.length;
  const sep = end === 0 || text.endsWith('\n') ? '' : '\n';
  return { span: { start: end, end }, newText: sep + lines.map((l) => `${l}\n`).join('') };
}

/** The type a value suggests for the attribute compared with it, if it suggests one. */
const uncertain = '?';

function typeFromValue(owners: ReadonlyMap<string, string[]>, v: A.Value): string | undefined {
  if (v.kind === 'Bool') return 'boolean';
  if (v.kind === 'Symbol') {
    const of = owners.get(v.text) ?? [];
    // A word that is no enum's member (or several enums') says nothing certain about the type.
    return of.length === 1 ? of[0] : uncertain;
  }
  const unit = v.unit?.text;
  if (unit === undefined) return 'number';
  if (unit === '%') return 'percent';
  const duration = durationWord(unit);
  if (duration) return duration;
  return `number unit ${JSON.stringify(unit)}`;
}

/**
 * The types each attribute name's uses suggest, from one walk over the file's conditions.
 * Kept per analysis: a file with thousands of undeclared names asks once for each, and a
 * walk per name would make its quick fixes quadratic.
 */
const suggestedTypes = new PerObject<Analysis, Map<string, Set<string>>>('suggested types');

function typesSuggested(analysis: Analysis): Map<string, Set<string>> {
  const known = suggestedTypes.get(analysis);
  if (known) return known;
  const owners = new Map<string, string[]>();
  for (const [e, members] of analysis.symbols.members) {
    // An enum under a name another declaration took first is no type where it is named: its
    // members suggest nothing certain.
    const owner = analysis.symbols.lookup(e.name, 'enum') === e ? e.name : uncertain;
    for (const m of members.keys()) {
      const of = owners.get(m);
      if (of) of.push(owner);
      else owners.set(m, [owner]);
    }
  }
  const types = new Map<string, Set<string>>();
  const consider = (name: string, t: string | undefined): void => {
    if (!t) return;
    const seen = types.get(name);
    if (seen) seen.add(t);
    else types.set(name, new Set([t]));
  };
  forEachCondition(analysis.source.parse.ast, (e) => {
    if (e.kind === 'And' || e.kind === 'Or' || e.kind === 'Implies' || e.kind === 'Not') return;
    const name = e.attribute.text;
    if (e.kind === 'Flag') consider(name, 'boolean');
    else if (e.kind === 'Compare') consider(name, typeFromValue(owners, e.value));
    else if (e.kind === 'In') e.values.forEach((v) => consider(name, typeFromValue(owners, v)));
    else {
      consider(name, typeFromValue(owners, e.low));
      consider(name, typeFromValue(owners, e.high));
    }
  }, (a) => consider(a.attribute.text, typeFromValue(owners, a.value)));
  suggestedTypes.set(analysis, types);
  return types;
}

/** The words (enum values) the file compares attribute `name` with or assigns it, each once. */
export function valuesComparedWith(analysis: Analysis, name: string): string[] {
  let byName = comparedWords.get(analysis);
  if (!byName) {
    const found = new Map<string, Set<string>>();
    byName = found;
    const note = (attr: string, v: A.Value): void => {
      if (v.kind !== 'Symbol') return;
      const seen = found.get(attr);
      if (seen) seen.add(v.text);
      else found.set(attr, new Set([v.text]));
    };
    forEachCondition(analysis.source.parse.ast, (e) => {
      if (e.kind === 'Compare') note(e.attribute.text, e.value);
      else if (e.kind === 'In') e.values.forEach((v) => note(e.attribute.text, v));
      else if (e.kind === 'Between') {
        note(e.attribute.text, e.low);
        note(e.attribute.text, e.high);
      }
    }, (a) => note(a.attribute.text, a.value));
    comparedWords.set(analysis, found);
  }
  return [...(byName.get(name) ?? [])];
}

const comparedWords = new PerObject<Analysis, Map<string, Set<string>>>('compared words');

/** The type the file's uses of `name` agree on; undefined where they disagree (no certain fix). */
export function inferAttributeType(analysis: Analysis, name: string): string | undefined {
  const seen = typesSuggested(analysis).get(name) ?? new Set<string>();
  if (seen.size > 1 || seen.has(uncertain)) return undefined;
  return [...seen][0] ?? unknownType;
}

export function declarationFor(analysis: Analysis, kind: 'attribute' | 'intervention', name: string): TextEdit | undefined {
  // A name another declaration already holds (of another kind) or a keyword cannot be
  // declared: the fix would add a duplicate or a line that does not parse, every time.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || analysis.symbols.globals.has(name) || (reservedKeywords as readonly string[]).includes(name)) return undefined;
  const type = kind === 'attribute' ? inferAttributeType(analysis, name) : undefined;
  if (kind === 'attribute' && type === undefined) return undefined;
  const line = kind === 'attribute' ? `attribute ${name}: ${type}` : `intervention ${name}`;
  return insertDeclarations(analysis, kind, [line]);
}

/**
 * A label a `reference` line can declare: a name or a number. A number too large for a
 * double is a syntax error already (`number-too-large`); declaring it would only write the
 * same error again, so it gets no declaration.
 */
export function declarableLabel(label: string): boolean {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(label)) return true;
  return /^\d+$/.test(label) && Number.isFinite(Number(label));
}

/** Declarations for cited reference labels, each with a citation to fill in. */
export function referenceDeclarations(analysis: Analysis, labels: string[]): TextEdit | undefined {
  const valid = labels.filter(declarableLabel);
  if (valid.length === 0) return undefined;
  return insertDeclarations(analysis, 'reference', valid.map((l) => `reference ${l} "TODO: citation"`));
}
