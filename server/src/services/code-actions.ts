// Quick fixes, keyed on diagnostic codes: each is a title and text edits over the root
// file, computed from the analysis and the finding. Every fix leaves a file that parses.
// Where a fix cannot know the right value (a statement's grading, a citation), it
// inserts a placeholder the checks keep flagging until it is filled in.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import type { Finding } from '../model/findings.js';
import { bases, historyWords, placeholderWord, statementKinds, statuses, voteGrades } from '../model/vocabulary.js';
import { schemeOf, type GradingScheme } from '../model/grading-scheme.js';
import { gradingContext } from '../model/grading.js';
import { missingFields, rationalePlaceholder, type RequiredField } from '../checks/methodology.js';
import { declarableLabel, declarationFor, referenceDeclarations, valuesComparedWith } from './declare.js';
import { clipped, listed, MAX_MESSAGE } from '../model/bounded-text.js';
import type { TextEdit } from './text-edit.js';
import type { BibliographyFile } from './bibliography-files.js';
import { bibliographyImports } from './bibliography-import.js';

export type { TextEdit } from './text-edit.js';

export interface QuickFix {
  readonly title: string;
  readonly finding: Finding;
  readonly edits: TextEdit[];
  /** The one fix an editor may apply without asking (a single did-you-mean). */
  readonly preferred?: boolean;
}

/** The word a missing field gets until the committee fills it in. */
export const placeholder = placeholderWord;

const placeholders: Record<RequiredField, string> = {
  basis: `basis ${placeholder}`,
  strength: `strength ${placeholder}`,
  certainty: `certainty ${placeholder}`,
  // Raw votes, all zero: flagged as not adding up until the panel's counts are entered.
  agreement: `votes ${voteGrades.map((g) => `${g} 0`).join(', ')}`,
};

const overlaps = (a: A.Span, b: A.Span): boolean => a.start <= b.end && b.start <= a.end;

/** What a fix may read beyond the analysis: the files of `guideline.bibliography`, read only when a fix asks. */
export interface FixContext {
  readonly bibliographies?: () => readonly BibliographyFile[];
}

/** The quick fixes for the root file's findings that touch `range`. */
export function quickFixes(analysis: Analysis, range: A.Span, context: FixContext = {}): QuickFix[] {
  return analysis.findings.filter((f) => f.uri === analysis.uri && overlaps(f.span, range)).flatMap((f) => fixesFor(analysis, f, context));
}

export function fixesFor(analysis: Analysis, finding: Finding, context: FixContext = {}): QuickFix[] {
  // A title names what the user wrote (a label, a name): it is cut like any message.
  return fixesOf(analysis, finding, context).map((f) => (f.title.length > MAX_MESSAGE ? { ...f, title: clipped(f.title) } : f));
}

/** Findings on a grading scheme's own levels: no fix of theirs is certain in a scheme with a syntax error. */
const levelCodes = new Set(['grading-invalid-grade', 'grading-duplicate-level', 'grading-unmapped-level']);

function fixesOf(analysis: Analysis, finding: Finding, context: FixContext): QuickFix[] {
  if (levelCodes.has(finding.code) && inBrokenGrading(analysis, finding)) return [];
  switch (finding.code) {
    case 'unresolved-name':
    case 'unresolved-member':
    case 'unknown-type':
      // A type the parser only reached by recovering (`attribute a�b: c`) is no certain rename.
      if (finding.code === 'unknown-type' && analysis.source.parse.errors.some((e) => e.span.start <= finding.span.end && e.span.end >= finding.span.start)) return [];
      if (finding.code === 'unknown-type') return renames(finding).filter((fix) => typeFits(analysis, finding, fix.edits[0].newText));
      return [...renames(finding), ...declarations(analysis, finding)];
    case 'invalid-value':
      // A value that runs into the next word (`certainty 1.0m002 low`, lexed as a number and a
      // name) is only part of what was written: a word in its place would run into it too.
      if (runsIntoNeighbour(analysis.source.text, finding.span)) return [];
      // Nor one among syntax errors, shown or past the ones shown, nor in a statement with one
      // (`certainty use high`): what it is part of may not be what the parser read.
      if (syntaxErrorSpans(analysis).some((e) => overlaps(e, finding.span)) || inBrokenStatement(analysis, finding)) return [];
      return renames(finding).length > 0 ? renames(finding) : fieldWords(analysis, finding);
    case 'unresolved-reference':
      return [...renames(finding), ...bibliographyImports(analysis, finding, context.bibliographies?.() ?? []), ...declarations(analysis, finding)];
    case 'verb-strength-mismatch': {
      const replacement = finding.data?.replacement;
      return typeof replacement === 'string'
        ? [{ title: `Change to \`${replacement}\``, finding, edits: [{ span: finding.span, newText: replacement }], preferred: true }]
        : [];
    }
    case 'missing-field':
      return missingFieldFix(analysis, finding);
    case 'discordant-without-rationale':
      return rationaleFix(analysis, finding);
    case 'placeholder': {
      const choices = Array.isArray(finding.data?.choices) ? finding.data.choices.filter((c): c is string => typeof c === 'string') : [];
      return choices.map((c) => ({ title: `Change to \`${c}\``, finding, edits: [{ span: finding.span, newText: c }] }));
    }
    case 'unknown-unit':
      return renames(finding);
    case 'symbolic-operator':
      return symbolicOperatorFix(analysis, finding);
    case 'syntax':
    case 'unknown-character':
      return syntaxFix(finding);
    case 'grading-invalid-grade':
      return renames(finding);
    case 'grading-not-allowed': {
      if (inBrokenStatement(analysis, finding)) return [];
      const also = Array.isArray(finding.data?.also) ? finding.data.also.filter(isSpan) : [];
      const all = [finding.span, ...also].flatMap((s) => removal(analysis, finding, '', s).flatMap((f) => f.edits));
      return [{ title: 'Remove it: the statement is ungraded', finding, edits: all, preferred: true }];
    }
    case 'repeated-field':
      if (inBrokenStatement(analysis, finding)) return [];
      return removal(analysis, finding, `Remove this \`${String(finding.data?.field ?? 'field')}\`: the later one counts`, finding.span);
    case 'grading-duplicate-level':
      return removal(analysis, finding, 'Remove the repeated level', finding.data?.remove);
    case 'grading-unmapped-level':
      // A level spelt as a GRADE word stays ambiguous whatever it is mapped to: rename it first.
      if (gradeWords.has(analysis.source.text.slice(finding.span.start, finding.span.end))) return [];
      return (Array.isArray(finding.data?.words) ? finding.data.words : []).filter((w): w is string => typeof w === 'string').map((w) => ({
        title: `Map it to GRADE's \`${w}\``,
        finding,
        edits: [{ span: { start: finding.span.end, end: finding.span.end }, newText: ` ${w}` }],
      }));
    case 'grading-not-selected':
      return selectSchemeFix(analysis, finding);
    default:
      return [];
  }
}

const gradeWords = new Set(['strong', 'conditional', 'weak', 'high', 'moderate', 'low', 'very_low']);

/** `&&` -> `and`, `||` -> `or`, `!x` -> `not x`. */
function symbolicOperatorFix(analysis: Analysis, finding: Finding): QuickFix[] {
  const text = analysis.source.text;
  const word = ({ '&&': 'and', '&': 'and', '||': 'or', '|': 'or', '!': 'not' } as Record<string, string>)[text.slice(finding.span.start, finding.span.end)];
  // Where the parser also found a syntax error at the operator it only recovered there
  // (`rule a!b`): the word would not read as meant either.
  if (!word || analysis.source.parse.errors.some((e) => e.code !== 'symbolic-operator' && overlaps(e.span, finding.span))) return [];
  // A word needs a space where it would otherwise run into a name or a parenthesis: `a&&b`, `!(x)`.
  const joins = (i: number): boolean => i >= 0 && i < text.length && /[\w()]/.test(text[i]);
  const before = joins(finding.span.start - 1) && text[finding.span.start - 1] !== '(' ? ' ' : '';
  const after = joins(finding.span.end) && text[finding.span.end] !== ')' ? ' ' : '';
  const newText = `${before}${word}${after}`;
  return [{ title: `Change to \`${word}\``, finding, edits: [{ span: finding.span, newText }], preferred: true }];
}

/** The parser's own repair for a syntax error, when it is certain of one (`85` -> `85%`). */
function syntaxFix(finding: Finding): QuickFix[] {
  const fix = finding.data?.fix as A.SyntaxFix | undefined;
  if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits) || !fix.edits.every((e) => isSpan(e.span) && typeof e.newText === 'string')) return [];
  return [{ title: fix.title, finding, edits: fix.edits.map((e) => ({ span: e.span, newText: e.newText })), preferred: true }];
}

/** Whether a word character touches the span on either side, with no space between. */
function runsIntoNeighbour(text: string, span: A.Span): boolean {
  const word = (i: number): boolean => i >= 0 && i < text.length && /\w/.test(text[i]);
  return word(span.start - 1) || word(span.end);
}

function isSpan(x: unknown): x is A.Span {
  return typeof x === 'object' && x !== null && typeof (x as A.Span).start === 'number' && typeof (x as A.Span).end === 'number';
}

/** Deletes `span` with the blank space before it; a field alone on its line goes with its line. */
function removal(analysis: Analysis, finding: Finding, title: string, span: unknown): QuickFix[] {
  if (!isSpan(span)) return [];
  const text = analysis.source.text;
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = span.end;
  if (start === 0 || text[start - 1] === '\n') {
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
    if (text[after] === '\n') end = after + 1;
    else if (after < text.length) start = span.start;
  }
  // What is left on either side must not run together into one word (`S agreement 2agreement`).
  const joins = start > 0 && end < text.length && !/\s/.test(text[start - 1]) && !/\s/.test(text[end]);
  return [{ title, finding, edits: [{ span: { start, end }, newText: joins ? ' ' : '' }], preferred: true }];
}

/** Whether every strength and certainty the program's statements and rules give is a level of the scheme. */
function writtenIn(analysis: Analysis, scheme: GradingScheme): boolean {
  const fits = (g: { strength?: A.Field<A.Name>; certainty?: A.Field<A.Name> }): boolean =>
    (!g.strength?.value || scheme.strengths.has(g.strength.value.text)) && (!g.certainty?.value || scheme.certainties.has(g.certainty.value.text));
  return analysis.program.files.every((f) => f.parse.ast.declarations.every((d) => d.kind !== 'Statement' || (fits(d) && d.rules.every(fits))));
}

/** Adds `grading NAME` to the guideline header, right after its opening brace. */
function selectSchemeFix(analysis: Analysis, finding: Finding): QuickFix[] {
  const scheme = finding.data?.scheme;
  const header = analysis.source.parse.ast.header;
  if (typeof scheme !== 'string' || !header) return [];
  // Selecting a scheme the statements are not written in would turn each of their levels
  // into an error: then the warning stands, and the committee decides.
  const declared = gradingContext(analysis).schemes.declared.get(scheme)?.scheme;
  if (!declared || !writtenIn(analysis, declared)) return [];
  // A header with a syntax error in it (a half-typed `grading ,`) may not take the line as meant.
  if (syntaxErrorSpans(analysis).some((e) => e.start < header.span.end && e.end >= header.span.start)) return [];
  // Certain only when every level the file writes is one of that scheme's: else the switch re-grades statements.
  const target = analysis.source.parse.ast.gradings.find((g) => g.name?.text === scheme);
  if (!target || !writtenLevelsFit(analysis.source.parse.ast, schemeOf(target))) return [];
  const text = analysis.source.text;
  const existing = header.grading;
  if (existing) return [{ title: `Select \`${scheme}\``, finding, edits: [{ span: existing.value, newText: scheme }], preferred: true }];
  const brace = text.indexOf('{', header.name?.end ?? header.span.start);
  if (brace < 0 || brace >= header.span.end) return [];
  const indent = indentAt(text, header.span.start) + '  ';
  // A field written right after the brace (`{title "T"}`) must not run into the name.
  const apart = /[\s}]/.test(text[brace + 1] ?? ' ') ? '' : ' ';
  return [{ title: `Select \`${scheme}\` in the header`, finding, edits: [{ span: { start: brace + 1, end: brace + 1 }, newText: `\n${indent}grading ${scheme}${apart}` }], preferred: true }];
}

/** Every strength and certainty written in the file (statements' and rules') is a level of `scheme`. */
function writtenLevelsFit(file: A.GuidelineFile, scheme: GradingScheme): boolean {
  for (const d of file.declarations) {
    if (d.kind !== 'Statement') continue;
    for (const g of [d, ...d.rules]) {
      if (g.strength && !scheme.strengths.has(g.strength.value.text)) return false;
      if (g.certainty && !scheme.certainties.has(g.certainty.value.text)) return false;
    }
  }
  return true;
}

/**
 * Whether an attribute's unknown type may become `type`: an enum must have every value the
 * file compares the attribute with, or the rename would only trade the error for others.
 */
function typeFits(analysis: Analysis, finding: Finding, type: string): boolean {
  const e = analysis.symbols.lookup(type, 'enum');
  if (!e) return true;
  const attr = analysis.source.parse.ast.declarations.find((d): d is A.AttributeDecl => d.kind === 'Attribute' && d.type?.name.start === finding.span.start);
  const members = analysis.symbols.members.get(e);
  return !attr?.name || valuesComparedWith(analysis, attr.name.text).every((v) => members?.has(v) === true);
}

function renames(finding: Finding): QuickFix[] {
  const suggestions = finding.data?.suggestions ?? [];
  return suggestions.map((s) => ({
    title: `Change to \`${s}\``,
    finding,
    edits: [{ span: finding.span, newText: s }],
    preferred: suggestions.length === 1,
  }));
}

function declarations(analysis: Analysis, finding: Finding): QuickFix[] {
  if (finding.code === 'unresolved-reference') {
    const missing = Array.isArray(finding.data?.missing) ? finding.data.missing.filter((m): m is string => typeof m === 'string') : [];
    const labels = missing.filter(declarableLabel);
    const edit = referenceDeclarations(analysis, labels);
    return edit ? [{ title: `Declare reference${labels.length > 1 ? 's' : ''} ${listed(labels)}`, finding, edits: [edit] }] : [];
  }
  const kind = finding.data?.kind;
  if (kind !== 'attribute' && kind !== 'intervention') return [];
  const name = analysis.source.text.slice(finding.span.start, finding.span.end);
  const edit = declarationFor(analysis, kind, name);
  return edit ? [{ title: `Declare ${kind} \`${name}\``, finding, edits: [edit] }] : [];
}

/** For a field value with no close match (such as the `TODO` placeholder), each word the field allows. */
function fieldWords(analysis: Analysis, finding: Finding): QuickFix[] {
  const words = allowedWordsAt(analysis.source.parse.ast, finding.span, gradingContext(analysis).scheme);
  return words.map((w) => ({ title: `Change to \`${w}\``, finding, edits: [{ span: finding.span, newText: w }] }));
}

function allowedWordsAt(file: A.GuidelineFile, span: A.Span, scheme: GradingScheme): readonly string[] {
  const at = (f: A.Field<A.Name> | undefined): boolean => f?.value.start === span.start;
  for (const d of file.declarations) {
    if (d.kind !== 'Statement') continue;
    if (at(d.basis)) return bases;
    if ([d, ...d.rules].some((g) => at(g.strength))) return [...scheme.strengths.keys()];
    if ([d, ...d.rules].some((g) => at(g.certainty))) return [...scheme.certainties.keys()];
    if (at(d.status)) return statuses;
    if (at(d.statementKind)) return statementKinds;
    if (d.history?.value.word.start === span.start) return historyWords;
    if (d.votes?.value.some((v) => v.grade.start === span.start)) return voteGrades;
  }
  return [];
}

function statementAt(analysis: Analysis, offset: number): A.StatementDecl | undefined {
  return analysis.source.parse.ast.declarations.find((d): d is A.StatementDecl => d.kind === 'Statement' && d.span.start <= offset && offset <= d.span.end);
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Where a new field goes in a statement: after its text if it has one, else after `{`; and its indent. */
function fieldInsertion(text: string, d: A.StatementDecl): { offset: number; indent: string } | undefined {
  if (!d.body) return undefined;
  const firstInside = [d.text, d.statementKind, d.basis, d.strength, d.certainty, d.agreement, d.votes, d.voters, d.cites, d.section, d.rationale, d.status, d.history, ...d.remarks, ...d.rules]
    .filter((x): x is NonNullable<typeof x> => x !== undefined)
    .map((x) => x.span.start)
    .sort((a, b) => a - b)[0];
  const onOwnLine = firstInside !== undefined && text.lastIndexOf('\n', firstInside - 1) > d.body.start;
  const indent = onOwnLine ? indentAt(text, firstInside) : indentAt(text, d.span.start) + '  ';
  // After the text, unless the text is an unterminated string: there, fields would be text too.
  const written = d.text ? text.slice(d.text.value.start, d.text.value.end) : '';
  const closed = written.startsWith('"""') ? written.length >= 6 && written.endsWith('"""') : written.length >= 2 && written.endsWith('"');
  return { offset: d.text && closed ? d.text.span.end : d.body.start + 1, indent };
}

function missingFieldFix(analysis: Analysis, finding: Finding): QuickFix[] {
  const d = statementAt(analysis, finding.span.start);
  // A statement with a syntax error in it may hold the field half-typed: adding it again would not take.
  if (!d || brokenInside(analysis, d)) return [];
  const missing = missingFields(d, gradingContext(analysis).panel);
  const where = fieldInsertion(analysis.source.text, d);
  if (missing.length === 0 || !where) return [];
  // A token right after the insertion point must not run into the last placeholder.
  const next = analysis.source.text[where.offset];
  const newText = missing.map((f) => `\n${where.indent}${placeholders[f]}`).join('') + (next !== undefined && !/\s/.test(next) ? ' ' : '');
  return [{
    title: `Add ${missing.join(', ')} (to fill in)`,
    finding,
    edits: [{ span: { start: where.offset, end: where.offset }, newText }],
  }];
}

/**
 * Whether the finding is in a statement with a syntax error: the fields there are what the
 * parser's recovery read (`cites 3rationale,rationale`), and removing one may leave the
 * rest reading as something else.
 */
function inBrokenStatement(analysis: Analysis, finding: Finding): boolean {
  const d = statementAt(analysis, finding.span.start);
  return d !== undefined && brokenInside(analysis, d);
}

/** Whether the grading scheme holding the finding has a syntax error: a list there may be half read. */
function inBrokenGrading(analysis: Analysis, finding: Finding): boolean {
  const d = analysis.source.parse.ast.gradings.find((x) => x.span.start <= finding.span.start && finding.span.start <= x.span.end);
  return d !== undefined && brokenInside(analysis, d);
}

/**
 * Whether a syntax error lies in the declaration: a field there may be half-typed (`rationale`
 * with no text). Up to and including the start of the next declaration: an unclosed
 * declaration's span ends before its broken last field, and a word it cannot take
 * (`rationale case`, `strength A strong attribute`) ends it where the error is its own.
 */
function brokenInside(analysis: Analysis, d: { readonly span: A.Span }): boolean {
  const next = analysis.source.parse.ast.declarations.find((x) => x.span.start >= d.span.end && x !== d)?.span.start ?? analysis.source.text.length;
  return syntaxErrorSpans(analysis).some((e) => e.start <= Math.max(d.span.end, next) && d.span.start <= e.end);
}

/**
 * Where the file's syntax errors lie. Past the errors a file shows, the rest are summed up
 * in one `too-many-errors` at the last of them: those lie from the last error shown on.
 */
function syntaxErrorSpans(analysis: Analysis): A.Span[] {
  const errors = analysis.source.parse.errors;
  const shown = errors.filter((e) => e.code !== 'too-many-errors' && e.code !== 'symbolic-operator');
  const hiddenFrom = Math.max(0, ...shown.map((e) => e.span.start));
  return errors.map((e) => (e.code === 'too-many-errors' ? { start: Math.min(hiddenFrom, e.span.start), end: e.span.end } : e.span));
}

function rationaleFix(analysis: Analysis, finding: Finding): QuickFix[] {
  const d = statementAt(analysis, finding.span.start);
  // A broken `rationale` the parser dropped is still there: a second one would not take.
  if (!d || d.rationale || brokenInside(analysis, d)) return [];
  const after = d.certainty ?? d.strength;
  if (!after) return [];
  const newText = `\n${indentAt(analysis.source.text, after.span.start)}rationale "${rationalePlaceholder}"`;
  return [{ title: 'Add a rationale (to fill in)', finding, edits: [{ span: { start: after.span.end, end: after.span.end }, newText }] }];
}
