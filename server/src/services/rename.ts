// Rename: every occurrence of a symbol, in every file that sees it, gets the new name, or
// nothing changes and the user is told why (an empty, reserved or malformed name, a name
// already taken where the symbol is visible, or a citation range the rename would break).
import type * as A from '../../../grammar/src/index.js';
import { reservedKeywords } from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { citedLabels } from '../model/resolve.js';
import { describeKind, type Sym } from '../model/symbols.js';
import { builtinTypes } from '../model/types.js';
import { baseName } from '../model/program.js';
import { references, sees, symbolAt } from './references.js';

export type Refusal = { readonly refused: string };

export interface RenameTarget {
  readonly symbol: Sym;
  /** The name under the cursor, which the editor selects for typing over. */
  readonly span: A.Span;
}

export interface FileEdits {
  readonly uri: string;
  readonly edits: { readonly span: A.Span; readonly newText: string }[];
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const label = /^(?:\d+|[A-Za-z_][A-Za-z0-9_]*)$/;

/** What the cursor would rename, or why nothing can be renamed there. */
export function prepareRename(analysis: Analysis, offset: number): RenameTarget | Refusal {
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return { refused: 'Only a declared name can be renamed: put the cursor on a statement, rule, attribute, enum, member, intervention, reference or decision name' };
  let span: A.Span | undefined;
  analysis.resolution.occurrences.forEach((s, sym) => {
    if (!span && sym === symbol && s.start <= offset && offset <= s.end) span = s;
  });
  return { symbol, span: span ?? symbol.span };
}

/** Why `name` cannot name a symbol of this kind, or undefined when it can. */
export function invalidName(name: string, kind: Sym['kind']): string | undefined {
  if (name.trim() === '') return 'A name cannot be empty';
  if (reservedKeywords.includes(name)) return `\`${name}\` is a reserved word of the language (${reservedKeywords.join(', ')}) and cannot be a name`;
  if (kind === 'reference') {
    if (!label.test(name)) return `\`${name}\` is not a reference label: write a number such as \`72\` or a name of letters, digits and \`_\``;
    return undefined;
  }
  if (!identifier.test(name)) return `\`${name}\` is not a name: use letters, digits and \`_\`, not starting with a digit`;
  if (kind === 'enum' && (builtinTypes as readonly string[]).includes(name)) return `\`${name}\` is a built-in type (${builtinTypes.join(', ')}) and cannot name an enum`;
  return undefined;
}

/** A declaration other than the target that already has the name where the target is visible. */
function clash(target: Sym, name: string, analyses: readonly Analysis[]): Sym | undefined {
  for (const a of analyses) {
    const table = a.symbols;
    const other = target.kind === 'reference'
      ? table.references.get(name)
      : target.kind === 'member'
        ? [...table.members].find(([e]) => e.uri === target.parent.uri && e.span.start === target.parent.span.start)?.[1].get(name)
        : table.globals.get(name);
    if (other && !(other.uri === target.uri && other.span.start === target.span.start)) return other;
  }
  return undefined;
}

/** A citation range that covers the reference: renaming its label would change what the range means. */
function rangeThrough(target: Sym, analyses: readonly Analysis[]): { analysis: Analysis; item: A.CiteItem } | undefined {
  if (target.kind !== 'reference') return undefined;
  for (const analysis of analyses) {
    for (const d of analysis.source.parse.ast.declarations) {
      if (d.kind !== 'Statement') continue;
      const item = d.cites?.value.find((c) => c.to && citedLabels(c).includes(target.name));
      if (item) return { analysis, item };
    }
  }
  return undefined;
}

function where(analysis: Analysis, span: A.Span, uri: string): string {
  const file = analysis.program.files.find((f) => f.uri === uri);
  const line = file ? `:${file.lines.position(span.start).line + 1}` : '';
  return `${baseName(uri)}${line}`;
}

/**
 * The edits that rename `target` to `newName` in every given analysis's file that sees it
 * (the analyses should cover the workspace: open files, the folder's files, used files).
 */
export function renameEdits(target: Sym, newName: string, analyses: readonly Analysis[]): FileEdits[] | Refusal {
  const invalid = invalidName(newName, target.kind);
  if (invalid) return { refused: invalid };
  if (newName === target.name) return [];
  const seeing = analyses.filter((a) => sees(a, target));
  const taken = clash(target, newName, seeing);
  if (taken) {
    const a = seeing.find((x) => x.program.files.some((f) => f.uri === taken.uri)) ?? seeing[0];
    return { refused: `\`${newName}\` is already the name of ${describeKind(taken.kind)} \`${taken.name}\` (${where(a, taken.span, taken.uri)}); a rename must not make two declarations share a name` };
  }
  const range = rangeThrough(target, seeing);
  if (range) {
    const { from, to } = range.item;
    return { refused: `Reference ${target.name} is cited through the range \`${from.text}-${to?.text}\` (${where(range.analysis, range.item.span, range.analysis.uri)}), which a new label would break: write the range out first` };
  }
  const byFile = new Map<string, FileEdits>();
  for (const loc of references(target, seeing, true)) {
    let file = byFile.get(loc.uri);
    if (!file) byFile.set(loc.uri, (file = { uri: loc.uri, edits: [] }));
    file.edits.push({ span: loc.span, newText: newName });
  }
  return [...byFile.values()];
}
