// Grading schemes as written: every level maps to exactly one GRADE word, no level is
// listed twice or reads as a different GRADE level, both lists are there, the header
// selects a scheme that exists, and a declared scheme is selected.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import { didYouMean, suggestNames } from '../model/did-you-mean.js';
import type { Finding } from '../model/findings.js';
import { gradingContext } from '../model/grading.js';
import { certainties, strengthWords } from '../model/vocabulary.js';
import { builtinSchemeName, gradeCertainty, gradeStrength } from '../model/grading-scheme.js';

type Report = (f: Finding) => void;

interface Dimension {
  readonly field: 'strength' | 'certainty';
  readonly words: readonly string[];
  readonly meaning: (word: string | undefined) => string | undefined;
}

const dimensions: readonly Dimension[] = [
  { field: 'strength', words: strengthWords, meaning: gradeStrength },
  { field: 'certainty', words: certainties, meaning: gradeCertainty },
];

export function checkGradingSchemes(analysis: ResolvedDocument, report: Report): void {
  const ast = analysis.source.parse.ast;
  for (const decl of ast.gradings) checkScheme(analysis, decl, report);
  checkSelection(analysis, report);
}

function checkScheme(analysis: ResolvedDocument, decl: A.GradingDecl, report: Report): void {
  const uri = analysis.uri;
  const name = decl.name;
  const anchor = name ?? { start: decl.span.start, end: decl.span.start + 'grading'.length };
  const who = name ? `\`${name.text}\`` : 'This grading scheme';
  const ctx = gradingContext(analysis);
  if (name) {
    const first = ctx.schemes.declared.get(name.text);
    if (name.text === builtinSchemeName || (first && first.decl !== decl)) {
      report({
        severity: 'error',
        code: 'duplicate-name',
        message: name.text === builtinSchemeName
          ? '`GRADE` is the built-in grading scheme: give this scheme another name'
          : `The grading scheme \`${name.text}\` is declared twice: rename one`,
        uri,
        span: name,
      });
    }
  }
  for (const dim of dimensions) {
    const lists = dim.field === 'strength' ? decl.strength : decl.certainty;
    const levels = lists.flatMap((l) => l.value);
    if (levels.length === 0) {
      report({
        severity: 'error',
        code: 'grading-empty',
        message: `${who} lists no ${dim.field} levels: write \`${dim.field} LEVEL ${dim.words[0]}, ...\`, each level with the GRADE ${dim.field} it means`,
        uri,
        span: lists[0]?.keyword ?? anchor,
      });
    }
    const seen = new Map<string, A.GradingLevel>();
    for (const list of lists) {
      list.value.forEach((level, i) => {
        checkLevel(uri, who, dim, level, seen, removalOf(list, i), report);
        if (!seen.has(level.level.text)) seen.set(level.level.text, level);
      });
    }
  }
}

/**
 * What removing a list's i-th level takes with it: the comma before it, or after it when it
 * comes first, or the whole `strength ...` list when it is the list's only level (its
 * earlier copy is then in another list, which keeps the scheme from being left empty).
 */
function removalOf(list: A.Field<A.GradingLevel[]>, i: number): A.Span {
  const levels = list.value;
  const level = levels[i];
  if (i > 0) return { start: levels[i - 1].span.end, end: level.span.end };
  if (levels.length > 1) return { start: level.span.start, end: levels[1].span.start };
  return list.span;
}

function checkLevel(
  uri: string,
  who: string,
  dim: Dimension,
  level: A.GradingLevel,
  seen: ReadonlyMap<string, A.GradingLevel>,
  remove: A.Span,
  report: Report,
): void {
  const l = level.level.text;
  const earlier = seen.get(l);
  if (earlier) {
    report({
      severity: 'error',
      code: 'grading-duplicate-level',
      message: `${who} lists the ${dim.field} level \`${l}\` twice: a level has one GRADE meaning; remove one`,
      uri,
      span: level.span,
      related: [{ uri, span: earlier.span, message: `first listed here` }],
      data: { remove },
    });
    return;
  }
  if (!level.grade) {
    report({
      severity: 'error',
      code: 'grading-unmapped-level',
      message: `The ${dim.field} level \`${l}\` of ${who} has no GRADE meaning: write the GRADE ${dim.field} after it (${dim.words.map((w) => `\`${l} ${w}\``).join(', ')})`,
      uri,
      span: level.level,
      data: { words: [...dim.words] },
    });
    return;
  }
  const grade = dim.meaning(level.grade.text);
  if (grade === undefined) {
    const suggestions = suggestNames(level.grade.text, dim.words);
    report({
      severity: 'error',
      code: 'grading-invalid-grade',
      message: `\`${level.grade.text}\` is not a GRADE ${dim.field}: map \`${l}\` to one of ${dim.words.map((w) => `\`${w}\``).join(', ')}${didYouMean(suggestions)}`,
      uri,
      span: level.grade,
      data: { suggestions: suggestions.length ? suggestions : [...dim.words] },
    });
    return;
  }
  // `certainty low moderate`: a statement's `certainty low` would read as GRADE's low.
  const spelled = dim.meaning(l);
  if (spelled !== undefined && spelled !== grade) {
    report({
      severity: 'error',
      code: 'grading-ambiguous-level',
      message: `The ${dim.field} level \`${l}\` of ${who} is GRADE's word for ${spelled.replace('_', ' ')}, but it is mapped to ${grade.replace('_', ' ')}: rename the level so it cannot be read as GRADE's`,
      uri,
      span: level.span,
    });
  }
}

function checkSelection(analysis: ResolvedDocument, report: Report): void {
  const uri = analysis.uri;
  const { schemes } = gradingContext(analysis);
  const header = analysis.source.parse.ast.header;
  const selected = header?.grading?.value;
  if (selected && selected.text !== builtinSchemeName && !schemes.declared.has(selected.text)) {
    const suggestions = suggestNames(selected.text, [builtinSchemeName, ...schemes.declared.keys()]);
    report({
      severity: 'error',
      code: 'unresolved-name',
      message: `No grading scheme \`${selected.text}\` is declared: declare it with \`grading ${selected.text} { strength ... certainty ... }\`, or use the built-in \`GRADE\`${didYouMean(suggestions)}`,
      uri,
      span: selected,
      data: { suggestions, kind: 'grading' },
    });
  }
  if (!schemes.hasHeader) return;
  const active = schemes.selection?.name.text;
  for (const decl of analysis.source.parse.ast.gradings) {
    if (!decl.name || decl.name.text === active || schemes.declared.get(decl.name.text)?.decl !== decl) continue;
    report({
      severity: 'warning',
      code: 'grading-not-selected',
      message: `The grading scheme \`${decl.name.text}\` is declared, but the guideline header ${active ? `selects \`${active}\`` : 'selects none'}: statements are graded in ${active ?? 'GRADE'}; add \`grading ${decl.name.text}\` to the header to use it`,
      uri,
      span: decl.name,
      data: { scheme: decl.name.text },
    });
  }
}
