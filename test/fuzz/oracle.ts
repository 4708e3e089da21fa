// One fuzz input through everything the server and the command line do with a file, with
// the invariants each output must keep. Returns the violations found (empty: the input
// passed). Exceptions are caught per feature, so one input can report several classes.
import { SaxesParser } from 'saxes';
import { MAX_ERRORS } from '../../grammar/src/parse.js';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import type { Finding } from '../../server/src/model/findings.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { fixesFor, type TextEdit } from '../../server/src/services/code-actions.js';
import { completions } from '../../server/src/services/completion.js';
import { definition } from '../../server/src/services/definition.js';
import { hover } from '../../server/src/services/hover.js';
import { exportModel } from '../../server/src/services/model-data.js';
import { foldingSpans, outline, type OutlineItem } from '../../server/src/services/outline.js';
import { statementDetails } from '../../server/src/services/statement-details.js';
import { semanticTokens } from '../../server/src/services/semantic-tokens.js';
import { inlayHints } from '../../server/src/services/inlay-hints.js';
import { codeLenses } from '../../server/src/services/code-lens.js';
import { highlights } from '../../server/src/services/references.js';
import { prepareRename, renameEdits } from '../../server/src/services/rename.js';
import { formatText } from '../../server/src/services/format.js';
import { diagnosticsOf } from '../../server/src/lsp/convert.js';
import { toCodeAction, toCompletionList } from '../../server/src/lsp/edits.js';
import { renderTreeSvg } from '../../server/src/render/svg.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { treeText } from '../../server/src/services/tree/text.js';
import { random } from '../bench/generate.js';
import { MemoryHost, memUri } from '../helpers.js';
import { hoverLinkProblems } from './markdown-safety.js';
import { parseDisagreement } from '../grammar/direct-agreement.js';
import { maxDocumentChars } from '../../server/src/model/sources.js';

export type ViolationKind = 'hang' | 'crash' | 'exception' | 'internal-error' | 'slow' | 'range' | 'long-text' | 'non-finite' | 'invalid-svg' | 'unsafe-markdown' | 'empty-name' | 'fix-not-fixing' | 'fix-adds-error' | 'parse-mismatch' | 'format-changes-text';

export interface Violation {
  kind: ViolationKind;
  /** Where: the feature, e.g. "hover@123" or "fix unresolved-name". */
  where: string;
  message: string;
}

export interface OracleOptions {
  /** Random offsets for hover, completion and definition. */
  probes: number;
  /** Distinct quick fixes (by code and title) applied and re-analysed at most. */
  maxFixes: number;
  /** Whether to lay the tree out and render it to SVG (the slowest step). */
  svg: boolean;
  /** Time budget in ms of each server request on the input (its analysis, each feature, each fix's re-analysis); Infinity: none. */
  budgetMs: number;
  /** A seed for the probe offsets. */
  seed: number;
}

export const MAX_TEXT = 500;

/** Inputs up to this many characters (100 KB) must be answered within the budget; larger ones only without a hang. */
export const BUDGETED_SIZE = 100_000;

/** Files a fuzzed main file may `use`: the samples' vocabulary, by its usual name. */
export type Companions = Record<string, string>;

/** Decisions whose trees are built and drawn, at most, for one input. */
const MAX_TREES = 20;

export async function checkInput(text: string, companions: Companions, options: OracleOptions): Promise<Violation[]> {
  const out: Violation[] = [];
  const rnd = random(options.seed);
  // Each call here is one request the server answers (an analysis, a hover, the fixes of a
  // diagnostic, the analysis of a fix's result): each must finish within the budget.
  const guard = <T>(where: string, run: () => T): T | undefined => {
    const clock = startClock();
    try {
      return run();
    } catch (err) {
      out.push({ kind: 'exception', where, message: errorLine(err) });
      return undefined;
    } finally {
      const ms = clock();
      if (ms > options.budgetMs && text.length <= BUDGETED_SIZE) out.push({ kind: 'slow', where, message: `took ${Math.round(ms)} ms` });
    }
  };
  const analyse = (t: string): Analysis | undefined => new Workspace(new MemoryHost({ ...companions, 'main.guideline': t })).analysis(memUri('main.guideline'));
  const a = guard('analysis', () => analyse(text));
  if (!a) return out;
  checkFindings(a, 'analysis', out);
  // The direct parser reads exactly the texts without errors, to the recovering parser's tree.
  // Only for a text the server parses at all: past the size limit it is refused unread, and
  // parsing 40 MB twice here would run the oracle itself out of memory.
  const mismatch = text.length > maxDocumentChars ? undefined : guard('parse agreement', () => parseDisagreement(text));
  if (mismatch !== undefined) out.push({ kind: 'parse-mismatch', where: 'parse', message: mismatch });
  guard('diagnostics', () => checkNumbers(diagnosticsOf(a), 'diagnostics', out));

  const offsets = [0, text.length, ...Array.from({ length: options.probes }, () => Math.floor(rnd() * (text.length + 1)))];
  for (const o of offsets) {
    guard(`hover@${o}`, () => {
      const h = hover(a, o);
      if (!h) return;
      checkSpan(h.span, text.length, `hover@${o}`, out);
      for (const p of hoverLinkProblems(h.markdown)) out.push({ kind: 'unsafe-markdown', where: `hover@${o}`, message: p });
    });
    guard(`completion@${o}`, () => {
      const c = completions(a, o);
      checkSpan(c.replace, text.length, `completion@${o}`, out);
      checkNumbers(toCompletionList(a, c), `completion@${o}`, out);
      for (const item of c.items) if (item.documentation) for (const p of hoverLinkProblems(item.documentation)) out.push({ kind: 'unsafe-markdown', where: `completion@${o}`, message: p });
    });
    guard(`definition@${o}`, () => definition(a, o));
    guard(`highlights@${o}`, () => {
      for (const h of highlights(a, o)) checkSpan(h.span, text.length, `highlights@${o}`, out);
    });
    guard(`rename@${o}`, () => {
      const target = prepareRename(a, o);
      if ('refused' in target) return;
      checkSpan(target.span, text.length, `rename@${o}`, out);
      const edits = renameEdits(target.symbol, 'renamed_1', [a]);
      if ('refused' in edits) return;
      for (const f of edits) if (f.uri === a.uri) for (const e of f.edits) checkSpan(e.span, text.length, `rename@${o}`, out);
    });
  }
  guard('semantic tokens', () => {
    for (const t of semanticTokens(a)) checkSpan(t.span, text.length, 'semantic tokens', out);
  });
  guard('inlay hints', () => {
    for (const h of inlayHints(a)) {
      checkSpan({ start: h.offset, end: h.offset }, text.length, 'inlay hints', out);
      if (h.label.length > MAX_TEXT || h.tooltip.length > MAX_TEXT) out.push({ kind: 'long-text', where: 'inlay hints', message: `label of ${h.label.length}, tooltip of ${h.tooltip.length} characters` });
    }
  });
  guard('code lenses', () => {
    for (const l of codeLenses(a)) {
      checkSpan(l.span, text.length, 'code lenses', out);
      if (l.title.length > MAX_TEXT) out.push({ kind: 'long-text', where: 'code lenses', message: `title of ${l.title.length} characters` });
    }
  });
  // Formatting moves only blanks: what the user wrote is kept, in order.
  guard('format', () => {
    const formatted = formatText(text, a.source.parse);
    const moved = formatted === text ? undefined : firstNonBlankDifference(text, formatted);
    if (moved !== undefined) out.push({ kind: 'format-changes-text', where: 'format', message: `what is not blank differs from character ${moved} of the input on` });
  });
  guard('outline', () => checkOutline(outline(a), text.length, out));
  guard('folding', () => {
    for (const f of foldingSpans(a)) checkSpan(f.span, text.length, 'folding', out);
  });
  const model = guard('inspect', () => exportModel(a));
  if (model) checkNumbers(model, 'inspect', out);
  for (const s of a.symbols.ofKind('statement')) guard(`statement details ${s.name}`, () => checkNumbers(statementDetails(a, s.name), 'statement details', out));

  // Each tree is its own request, within the budget; a file of 500 decisions would make the
  // input as a whole outlast the watchdog, so the first ones stand for the rest.
  const decisions = [undefined, ...[...new Set(a.symbols.ofKind('decision').map((d) => d.name))].slice(0, MAX_TREES)];
  const trees = decisions.flatMap((d) => {
    const where = `tree ${d ?? '(default)'}`;
    const result = guard(where, () => decisionTree(a, d));
    if (!result) return [];
    checkNumbers(result, where, out);
    guard(`${where} text`, () => treeText(result));
    return [{ where, result }];
  });

  // Each distinct fix (by code and title) is applied once, up to maxFixes an input.
  const applied = new Set<string>();
  for (const f of a.findings) {
    if (f.uri !== a.uri || applied.size >= options.maxFixes) continue;
    for (const fix of guard(`fixes ${f.code}`, () => fixesFor(a, f)) ?? []) {
      const id = `${f.code} ${fix.title}`;
      if (applied.has(id) || applied.size >= options.maxFixes) continue;
      applied.add(id);
      const where = `fix ${f.code} "${clip(fix.title)}"`;
      if (fix.title.length > MAX_TEXT) out.push({ kind: 'long-text', where, message: `title of ${fix.title.length} characters` });
      guard(where, () => checkNumbers(toCodeAction(a, fix), where, out));
      const fixed = guard(where, () => applyEdits(text, fix.edits));
      if (fixed === undefined) continue;
      const b = guard(`${where} re-analysis`, () => analyse(fixed));
      if (!b) continue;
      checkFindings(b, `${where} re-analysis`, out);
      const mustNotAdd = syntaxCodes.has(f.code) ? syntaxCodes : attributeRename(f, fix.title) ? attributeRenameMustNotAdd : fix.title.startsWith('Change to ') || fix.title.startsWith('Declare ') ? renameMustNotAdd : undefined;
      // A fix that rewrites an unterminated string closes it too, which brings the errors its rest of line had hidden into view.
      const reveals = syntaxCodes.has(f.code) || closesAString(a, fix.edits);
      checkFix(a, f, b, fix.edits, mustNotAdd, where, out, reveals ? editedUpTo(fix.edits) : undefined);
    }
  }

  if (options.svg) {
    for (const { where, result } of trees) {
      let svg: string | undefined;
      try {
        svg = await renderTreeSvg(result);
      } catch (err) {
        out.push({ kind: 'exception', where: `${where} svg`, message: errorLine(err) });
      }
      if (svg !== undefined) {
        const problem = xmlProblem(svg);
        if (problem) out.push({ kind: 'invalid-svg', where: `${where} svg`, message: problem });
      }
    }
  }
  return out;
}

/**
 * A stopwatch of the work done, in ms: the smaller of the wall time and this process's CPU
 * time. Both bound the work from above (wall time counts waiting for a shared, loaded
 * machine; the process's CPU time counts its collector's threads), so the smaller is the
 * closer, and a loaded machine alone does not make an input slow.
 */
function startClock(): () => number {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return Math.min(performance.now() - wall, (used.user + used.system) / 1000);
  };
}

function checkFindings(a: Analysis, where: string, out: Violation[]): void {
  for (const f of a.findings) {
    if (f.code === 'internal-error') out.push({ kind: 'internal-error', where, message: clip(f.message) });
    if (f.uri === a.uri) checkSpan(f.span, a.source.text.length, `${where} ${f.code}`, out);
    if (f.message.length > MAX_TEXT) out.push({ kind: 'long-text', where: `${where} ${f.code}`, message: `message of ${f.message.length} characters` });
    for (const r of f.related ?? []) if (r.message.length > MAX_TEXT) out.push({ kind: 'long-text', where: `${where} ${f.code} related`, message: `message of ${r.message.length} characters` });
  }
}

function checkSpan(span: { start: number; end: number }, length: number, where: string, out: Violation[]): void {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  if (!ok) out.push({ kind: 'range', where, message: `span ${span.start}..${span.end} in a text of ${length}` });
}

function checkOutline(items: OutlineItem[], length: number, out: Violation[]): void {
  const stack = [...items];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.name.trim() === '') out.push({ kind: 'empty-name', where: `outline ${item.kind}`, message: 'a symbol with an empty name' });
    if (item.name.length > MAX_TEXT) out.push({ kind: 'long-text', where: `outline ${item.kind}`, message: `name of ${item.name.length} characters` });
    checkSpan(item.span, length, `outline ${item.kind}`, out);
    checkSpan(item.selection, length, `outline ${item.kind} selection`, out);
    if (item.selection.start < item.span.start || item.selection.end > item.span.end) {
      out.push({ kind: 'range', where: `outline ${item.kind}`, message: 'selection outside the symbol' });
    }
    stack.push(...item.children);
  }
}

/** Every number in a value is finite (JSON would silently turn the others into null). */
function checkNumbers(value: unknown, where: string, out: Violation[]): void {
  const seen = new Set<unknown>();
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { v, path } = top;
    if (typeof v === 'number' && !Number.isFinite(v)) {
      out.push({ kind: 'non-finite', where, message: `${path || 'value'} is ${v}` });
      return;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    for (const [k, child] of Object.entries(v)) stack.push({ v: child, path: `${path}.${k}` });
  }
}

/** The fix's finding is gone (fewer findings like it) and no error appeared that was not there. */
/**
 * Errors a rename to a suggested name (or a declaration of the name) may not add. Once a misspelt name resolves, the checks
 * of what it now says (a case's expectation, a rule's conflicts, a type) apply to it, and
 * those findings are the user's to see; a rename must still never break the syntax or names.
 */
/**
 * Errors a syntax fix may not add: it makes text parse that did not, and what that text
 * then says (an unknown name, a type) is the user's to see; it must never break the syntax.
 */
const syntaxCodes = new Set(['syntax', 'unknown-character', 'unterminated-string', 'unterminated-comment', 'nesting-too-deep', 'number-too-large', 'too-many-errors']);

const renameMustNotAdd = new Set(['syntax', 'unknown-character', 'unterminated-string', 'unterminated-comment', 'nesting-too-deep', 'number-too-large', 'too-many-errors', 'unresolved-name', 'unresolved-member', 'unresolved-reference', 'unknown-type', 'duplicate-name', 'duplicate-member', 'internal-error']);

/**
 * A misspelt attribute renamed to one of an enum type: the values it is compared with are
 * then read as that enum's members, and one that is none (`child_pug = D`) is the user's
 * to see, as the rule conflicts a resolved name brings.
 */
const attributeRename = (f: Finding, title: string): boolean => f.code === 'unresolved-name' && f.data?.kind === 'attribute' && title.startsWith('Change to ');
const attributeRenameMustNotAdd = new Set([...renameMustNotAdd].filter((c) => c !== 'unresolved-member'));

/** Where the last edit ends in the text the edits make. */
function editedUpTo(edits: readonly TextEdit[]): number {
  const last = [...edits].sort((x, y) => y.span.start - x.span.start)[0];
  if (!last) return 0;
  const shift = edits.filter((e) => e !== last).reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
  return last.span.start + last.newText.length + shift;
}

/**
 * Where two texts first differ once blanks (`\s`) are left out: the offset in `a`, or
 * undefined where they do not. Walks both in place: a copy of a 50 MB input without its
 * blanks would take more heap than the fuzz process has.
 */
export function firstNonBlankDifference(a: string, b: string): number | undefined {
  const blank = /\s/;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && blank.test(a[i])) i++;
    while (j < b.length && blank.test(b[j])) j++;
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length ? undefined : i;
    if (a[i] !== b[j]) return i;
    i++;
    j++;
  }
}

/** Whether an edit replaces the whole of an unterminated string of the main file. */
function closesAString(a: Analysis, edits: readonly TextEdit[]): boolean {
  return a.findings.some((g) => g.uri === a.uri && g.code === 'unterminated-string' && edits.some((e) => e.span.start <= g.span.start && g.span.end <= e.span.end));
}

/**
 * `revealedAfter`: for the fix of a syntax error, syntax errors that start after the text it
 * edited are in text it did not touch: the input's own, which the parser's recovery from the
 * fixed error had hidden (a trailing comma removed, the next broken line now reported).
 */
function checkFix(before: Analysis, finding: Finding, after: Analysis, edits: readonly TextEdit[], mustNotAdd: ReadonlySet<string> | undefined, where: string, out: Violation[], revealedAfter?: number): void {
  const key = (a: Analysis, f: Finding) => `${f.code}\u0000${f.message}\u0000${a.source.text.slice(f.span.start, f.span.end)}`;
  const count = (a: Analysis, k: string) => a.findings.filter((f) => f.uri === a.uri && key(a, f) === k).length;
  const k = key(before, finding);
  // Past the syntax errors a file shows, fixing one brings the next hidden one into view:
  // there the fixed one must be gone from its place.
  // (`&& || !` are capped on their own, with no error saying so.)
  const capped = finding.code === 'symbolic-operator'
    ? before.findings.filter((f) => f.uri === before.uri && f.code === 'symbolic-operator').length >= MAX_ERRORS
    : syntaxCodes.has(finding.code) && before.findings.some((f) => f.uri === before.uri && f.code === 'too-many-errors');
  const place = finding.span.start + edits.filter((e) => e.span.end <= finding.span.start).reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
  const still = capped ? after.findings.some((f) => f.uri === after.uri && f.span.start === place && key(after, f) === k) : count(after, k) >= count(before, k);
  if (still) out.push({ kind: 'fix-not-fixing', where, message: `${finding.code} still reported: ${clip(finding.message)}` });
  // Keyed on the code and the text it covers: an existing error whose did-you-mean changed is not new.
  const errors = (a: Analysis) => {
    const m = new Map<string, number>();
    for (const f of a.findings) {
      if (f.uri !== a.uri || f.severity !== 'error' || (mustNotAdd && a === after && !mustNotAdd.has(f.code))) continue;
      if (a === after && revealedAfter !== undefined && f.span.start > revealedAfter && syntaxCodes.has(f.code)) continue;
      const k = `${f.code} at \`${clip(a.source.text.slice(f.span.start, f.span.end), 40)}\``;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const was = errors(before);
  for (const [e, n] of errors(after)) {
    if (n > (was.get(e) ?? 0)) {
      out.push({ kind: 'fix-adds-error', where, message: clip(e) });
      break;
    }
  }
}

/** Applies non-overlapping edits (as an editor does); overlapping or out-of-range edits throw. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => y.span.start - x.span.start || y.span.end - x.span.end);
  let result = text;
  let limit = text.length;
  for (const e of sorted) {
    if (e.span.start < 0 || e.span.start > e.span.end || e.span.end > limit) throw new Error(`edit ${e.span.start}..${e.span.end} overlaps or leaves the text`);
    result = result.slice(0, e.span.start) + e.newText + result.slice(e.span.end);
    limit = e.span.start;
  }
  return result;
}

/** Why the text is not well-formed XML, or undefined when it is. */
export function xmlProblem(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | undefined;
  parser.on('error', (err) => {
    problem ??= err.message;
  });
  parser.write(xml).close();
  return problem;
}

export function clip(text: string, n = 160): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > n ? `${line.slice(0, n)}…` : line;
}

function errorLine(err: unknown): string {
  if (!(err instanceof Error)) return clip(String(err));
  const frame = err.stack?.split('\n').find((l) => l.includes(' at ') && !l.includes('node:'))?.trim();
  return clip(`${err.name}: ${err.message}${frame ? ` (${frame.replace(/^at /, '').replace(/.*\/out\//, '')})` : ''}`, 240);
}
