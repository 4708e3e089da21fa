// Grading schemes: the levels a guideline grades its statements in, each mapped onto
// GRADE's meaning. GRADE itself is the built-in scheme (with `weak` as its other word for
// conditional); a `grading` block declares another, and the header's `grading NAME`
// selects it. Every check and feature reads strength and certainty through this mapping.
import type * as A from '../../../grammar/src/index.js';
import { certainties, isOneOf, strengthWords, type Certainty, type Strength } from './vocabulary.js';

export interface GradingScheme {
  /** `GRADE` for the built-in scheme, else the block's name. */
  readonly name: string;
  readonly title?: string;
  readonly builtin: boolean;
  /** Level as written -> GRADE strength, in the order declared. */
  readonly strengths: ReadonlyMap<string, Strength>;
  readonly certainties: ReadonlyMap<string, Certainty>;
}

/** The GRADE meaning of a strength word: `weak` is conditional. */
export function gradeStrength(word: string | undefined): Strength | undefined {
  if (!isOneOf(strengthWords, word)) return undefined;
  return word === 'weak' ? 'conditional' : word;
}

export function gradeCertainty(word: string | undefined): Certainty | undefined {
  return isOneOf(certainties, word) ? word : undefined;
}

export const builtinSchemeName = 'GRADE';

export const gradeScheme: GradingScheme = {
  name: builtinSchemeName,
  title: 'GRADE',
  builtin: true,
  strengths: new Map(strengthWords.map((w) => [w, gradeStrength(w)!])),
  certainties: new Map(certainties.map((c) => [c, c])),
};

/**
 * A declared scheme as a mapping: the first mapping of each level counts, and a level
 * whose GRADE word is missing or unknown is left out (the checker reports both).
 */
export function schemeOf(decl: A.GradingDecl): GradingScheme {
  return {
    name: decl.name?.text ?? '(unnamed scheme)',
    title: decl.title?.value,
    builtin: false,
    strengths: mapping(decl.strength, gradeStrength),
    certainties: mapping(decl.certainty, gradeCertainty),
  };
}

/** Each level's first listing decides its meaning, as the checker reads it (a repeat is reported). */
function mapping<T>(lists: readonly A.Field<A.GradingLevel[]>[], meaning: (w: string | undefined) => T | undefined): Map<string, T> {
  const out = new Map<string, T>();
  const seen = new Set<string>();
  for (const l of lists.flatMap((f) => f.value)) {
    if (seen.has(l.level.text)) continue;
    seen.add(l.level.text);
    const grade = meaning(l.grade?.text);
    if (grade !== undefined) out.set(l.level.text, grade);
  }
  return out;
}

export interface DeclaredScheme {
  readonly uri: string;
  readonly decl: A.GradingDecl;
  readonly scheme: GradingScheme;
}

export interface SchemeSelection {
  /** The scheme statements are graded in: the selected one, or GRADE. */
  readonly scheme: GradingScheme;
  /** Every declared scheme of the program by name (the first declaration of a name wins). */
  readonly declared: ReadonlyMap<string, DeclaredScheme>;
  /** The header's `grading NAME`, where some file of the program gives one. */
  readonly selection?: { readonly uri: string; readonly name: A.Name };
  /** Whether any file of the program has a guideline header. */
  readonly hasHeader: boolean;
}

interface ProgramFile {
  readonly uri: string;
  readonly parse: { readonly ast: A.GuidelineFile };
}

/** The scheme of a program: the first header (root file first) that selects one decides. */
export function selectScheme(files: readonly ProgramFile[]): SchemeSelection {
  const declared = new Map<string, DeclaredScheme>();
  for (const f of files) {
    for (const decl of f.parse.ast.gradings) {
      if (decl.name && !declared.has(decl.name.text)) declared.set(decl.name.text, { uri: f.uri, decl, scheme: schemeOf(decl) });
    }
  }
  const selecting = files.find((f) => f.parse.ast.header?.grading);
  const name = selecting?.parse.ast.header?.grading?.value;
  const selection = selecting && name ? { uri: selecting.uri, name } : undefined;
  const chosen = name && name.text !== builtinSchemeName ? declared.get(name.text)?.scheme : undefined;
  return { scheme: chosen ?? gradeScheme, declared, selection, hasHeader: files.some((f) => f.parse.ast.header) };
}

/** A level as a reader sees it: "IIa (conditional)"; GRADE's own words stand alone. */
export function levelLabel(written: string, grade: string | undefined): string {
  const meaning = grade?.replace('_', ' ');
  return grade === undefined || written === grade ? written : `${written} (${meaning})`;
}

/** The scheme's levels that mean a GRADE value, for suggestions: `strong` -> I, III. */
export function levelsMeaning<T extends string>(levels: ReadonlyMap<string, T>, grade: T | undefined): string[] {
  return grade === undefined ? [] : [...levels].filter(([, g]) => g === grade).map(([l]) => l);
}
