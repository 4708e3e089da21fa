// Early cutoff for the deep checks: when a new version gives them the same input as the
// last analysed one, apart from positions, their findings are the old ones with every span
// moved, and the checks are not run again.
//
// What the deep checks read (and so what must be the same):
// - the settings, and every used file's text (a used file's spans are not moved);
// - the root's syntax tree, every field of every top-level item, except the spans and a
//   statement's prose (`text`, `title`, `section`, `rationale`, `remarks`, `history`),
//   which no deep check reads;
// - the root's own text, but only inside conditions (`when`, `assume`, `where`) and
//   timings, which messages quote as written: those texts are compared as they stand;
// - names, types and rules derive from the trees and texts above (symbols, resolution).
//
// Reuse is tried only when neither version has a syntax error (the tree is then what the
// text means, item by item). A top-level item whose text is unchanged moves as a whole; a
// changed one that reads the same to the deep checks maps each span of the old tree to the
// span at the same place in the new one. A finding whose span does not map (between items,
// say) means no reuse: everything is computed again.
import type * as A from '../../../grammar/src/index.js';
import { isBareSpan } from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import type { Settings } from '../model/settings.js';
import type { SourceFile } from '../model/sources.js';

/** What one analysed version leaves for the next: its input and its deep findings, by check. */
export interface DeepSnapshot {
  readonly source: SourceFile;
  readonly used: readonly SourceFile[];
  readonly settings: Settings;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/**
 * The findings themselves, not copies: settling changes a finding only by clipping its
 * messages, which leaves a clipped message as it is, so sharing them changes no result.
 */
export function snapshotOf(analysis: ResolvedDocument, found: ReadonlyMap<string, readonly Finding[]>): DeepSnapshot {
  return { source: analysis.source, used: analysis.program.files.slice(1), settings: analysis.settings, findings: new Map(found) };
}

/**
 * The deep checks that read no case: the rules come from statements, the populations from
 * decisions, the attributes from the symbols, and none of them looks at a `case`. Where
 * only cases changed, their findings are reused and the other checks run again.
 */
const caseBlind: ReadonlySet<string> = new Set(['overrides', 'rule consistency', 'decision gaps']);

/**
 * The snapshot's findings of each check that would find the same, moved to `analysis`'s
 * positions: every check, only the case-blind ones (when only cases changed), or none.
 */
export function reusedFindings(snapshot: DeepSnapshot, analysis: ResolvedDocument): Map<string, Finding[]> {
  const all = moved(snapshot, analysis, snapshot.findings.keys(), false);
  if (all) return all;
  return moved(snapshot, analysis, [...snapshot.findings.keys()].filter((k) => caseBlind.has(k)), true) ?? new Map();
}

function moved(snapshot: DeepSnapshot, analysis: ResolvedDocument, checks: Iterable<string>, casesFree: boolean): Map<string, Finding[]> | undefined {
  const move = mover(snapshot, analysis, casesFree);
  if (!move) return undefined;
  const out = new Map<string, Finding[]>();
  for (const check of checks) {
    const list: Finding[] = [];
    for (const f of snapshot.findings.get(check) ?? []) {
      const span = f.uri === analysis.uri ? move(f.span) : f.span;
      if (!span) return undefined;
      const related = f.related?.map((r) => ({ ...r, span: r.uri === analysis.uri ? move(r.span) : r.span }));
      if (related?.some((r) => !r.span)) return undefined;
      list.push({ ...f, span, ...(related ? { related: related as Finding['related'] } : {}) });
    }
    out.set(check, list);
  }
  return out;
}

type Move = (span: A.Span) => A.Span | undefined;

const prose = new Set(['text', 'title', 'section', 'rationale', 'remarks', 'history']);

/** `casesFree`: the cases are left out of the comparison (and their spans map to nothing). */
function mover(old: DeepSnapshot, analysis: ResolvedDocument, casesFree: boolean): Move | undefined {
  const now = analysis.source;
  if (old.settings !== analysis.settings || old.source.uri !== now.uri) return undefined;
  const used = analysis.program.files.slice(1);
  if (used.length !== old.used.length || used.some((f, i) => f.uri !== old.used[i].uri || f.text !== old.used[i].text)) return undefined;
  if (old.source.parse.errors.length > 0 || now.parse.errors.length > 0) return undefined;
  for (const list of old.findings.values()) if (list.some((f) => f.data !== undefined && holdsSpan(f.data))) return undefined;
  const before = itemsOf(old.source.parse.ast, casesFree);
  const after = itemsOf(now.parse.ast, casesFree);
  if (before.length !== after.length) return undefined;
  // Per old item: a uniform shift, or (for a changed item) a map of its span ends.
  const moves: { start: number; end: number; delta?: number; map?: Map<number, number | null> }[] = [];
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    const at = { start: a.span.start, end: a.span.end };
    if (old.source.text.slice(a.span.start, a.span.end) === now.text.slice(b.span.start, b.span.end)) {
      moves.push({ ...at, delta: b.span.start - a.span.start });
      continue;
    }
    if (canonicalItem(a) !== canonicalItem(b) || quoted(a, old.source.text) !== quoted(b, now.text)) return undefined;
    const map = new Map<number, number | null>();
    pair(a, b, map);
    moves.push({ ...at, map });
  }
  const moved = (p: number): number | undefined => {
    if (p === 0) return 0;
    let found: number | undefined;
    for (const m of holding(moves, p)) {
      const q = m.delta !== undefined ? p + m.delta : m.map!.get(p);
      if (q === undefined || q === null || (found !== undefined && found !== q)) return undefined;
      found = q;
    }
    return found;
  };
  return (span) => {
    const start = moved(span.start);
    const end = moved(span.end);
    return start === undefined || end === undefined ? undefined : { start, end };
  };
}

/** The items (sorted by start, none overlapping) whose span holds `p`, ends included. */
function holding<T extends { start: number; end: number }>(items: readonly T[], p: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end < p) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length && items[i].start <= p; i++) out.push(items[i]);
  return out;
}

/** Every top-level item (but the cases, where `casesFree`), in text order. */
function itemsOf(ast: A.GuidelineFile, casesFree: boolean): { kind: string; span: A.Span }[] {
  const declarations = casesFree ? ast.declarations.filter((d) => d.kind !== 'Case') : ast.declarations;
  return [...(ast.header ? [ast.header] : []), ...ast.uses, ...declarations, ...ast.gradings].sort((a, b) => a.span.start - b.span.start);
}

/** An object with a position: a span, or a node that is its own span (a word, a number, a value). */
const hasPosition = (v: unknown): v is A.Span =>
  typeof v === 'object' && v !== null && typeof (v as A.Span).start === 'number' && typeof (v as A.Span).end === 'number';


const isPositionKey = (key: string): boolean => key === 'start' || key === 'end';

const skipped = (node: object, key: string): boolean => (node as { kind?: string }).kind === 'Statement' && prose.has(key);

const canonicalItems = new WeakMap<object, string>();

/**
 * A top-level item's canonical form, spelt once per item: a syntax tree never changes, and
 * an item edited at one keystroke is the old side of the comparison at the next.
 */
function canonicalItem(item: object): string {
  let out = canonicalItems.get(item);
  if (out === undefined) canonicalItems.set(item, (out = canonical(item)));
  return out;
}

/** The tree as the deep checks see it: positions and a statement's prose left out. */
function canonical(v: unknown): string {
  if (typeof v !== 'object' || v === null) return v === undefined ? 'u' : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const positioned = hasPosition(v);
  let out = '{';
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || isBareSpan(x) || skipped(v, k) || (positioned && isPositionKey(k))) continue;
    out += `${JSON.stringify(k)}:${canonical(x)},`;
  }
  return `${out}}`;
}

/** The text of the conditions and timings in an item, which messages quote as written. */
function quoted(item: object, text: string): string {
  const out: string[] = [];
  const visit = (v: unknown, key: string): void => {
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, key));
    if (isBareSpan(v)) return;
    const node = v as { span?: A.Span };
    if ((key === 'when' || key === 'condition' || key === 'where' || key === 'timing') && node.span) out.push(text.slice(node.span.start, node.span.end));
    for (const [k, x] of Object.entries(v)) if (!skipped(v, k)) visit(x, k);
  };
  visit(item, '');
  return out.join('\u0000');
}

/** Maps each position of the old tree to the one at the same place in the new tree; a position that maps two ways maps to null. */
function pair(a: unknown, b: unknown, map: Map<number, number | null>): void {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return;
  if (hasPosition(a)) {
    if (!hasPosition(b)) return;
    for (const [p, q] of [[a.start, b.start], [a.end, b.end]]) {
      const known = map.get(p);
      map.set(p, known === undefined || known === q ? q : null);
    }
    // A node that is its own span may hold others (a quantity its number and unit).
    if (isBareSpan(a)) return;
  }
  if (Array.isArray(a)) {
    if (Array.isArray(b)) a.forEach((x, i) => pair(x, b[i], map));
    return;
  }
  for (const [k, x] of Object.entries(a)) if (!skipped(a, k)) pair(x, (b as Record<string, unknown>)[k], map);
}

function holdsSpan(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (hasPosition(v)) return true;
  return Object.values(v).some(holdsSpan);
}
