// Field values outside the words the language allows: `strength strog`, `votes F 3`,
// `kind best_practise`. Strength and certainty are checked against the guideline's grading
// scheme (GRADE unless the header selects another).
import type { Name, RuleDecl, StatementDecl } from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import { didYouMean, suggestNames } from '../model/did-you-mean.js';
import type { Finding } from '../model/findings.js';
import { gradingContext, isGraded, kindOf, type GradingContext } from '../model/grading.js';
import { bases, historyWords, placeholderFinding, placeholderWord, statementKinds, statuses, voteGrades } from '../model/vocabulary.js';
import { gradeCertainty, gradeStrength, levelsMeaning, type GradingScheme } from '../model/grading-scheme.js';

type Report = (f: Finding) => void;

export function checkFields(analysis: ResolvedDocument, report: Report): void {
  const uri = analysis.uri;
  const expectOneOf = (field: string, name: Name | undefined, words: readonly string[]): void => {
    if (!name || words.includes(name.text)) return;
    if (name.text === placeholderWord) {
      report(placeholderFinding(uri, name, `the ${field}`, words));
      return;
    }
    const suggestions = suggestNames(name.text, words);
    report({
      severity: 'error',
      code: 'invalid-value',
      message: `\`${name.text}\` is not a ${field}: use ${quoted(words)}${didYouMean(suggestions)}`,
      uri,
      span: name,
      data: { suggestions },
    });
  };
  const ctx = gradingContext(analysis);
  const ast = analysis.source.parse.ast;
  for (const grade of ast.header?.panel?.agree?.value ?? []) expectOneOf('vote grade', grade, voteGrades);
  for (const decl of ast.declarations) {
    if (decl.kind !== 'Statement') continue;
    expectOneOf('basis', decl.basis?.value, bases);
    expectOneOf('status', decl.status?.value, statuses);
    expectOneOf('statement kind', decl.statementKind?.value, statementKinds);
    expectOneOf('history', decl.history?.value.word, historyWords);
    for (const vote of decl.votes?.value ?? []) expectOneOf('vote grade', vote.grade, voteGrades);
    // Grading on an ungraded kind is reported as such by the methodology check.
    if (isGraded(kindOf(decl))) checkLevels(decl, ctx, uri, report);
  }
}

function quoted(words: Iterable<string>): string {
  return [...words].map((w) => `\`${w}\``).join(', ');
}

/** A statement's and its rules' strength and certainty are levels of the scheme. */
function checkLevels(decl: StatementDecl, ctx: GradingContext, uri: string, report: Report): void {
  const graded: (StatementDecl | RuleDecl)[] = [decl, ...decl.rules];
  for (const g of graded) {
    checkLevel('strength', g.strength?.value, ctx, ctx.scheme.strengths, gradeStrength, uri, report);
    checkLevel('certainty', g.certainty?.value, ctx, ctx.scheme.certainties, gradeCertainty, uri, report);
  }
}

function checkLevel<T extends string>(
  field: 'strength' | 'certainty',
  name: Name | undefined,
  ctx: GradingContext,
  levels: ReadonlyMap<string, T>,
  gradeWord: (w: string) => T | undefined,
  uri: string,
  report: Report,
): void {
  if (!name || levels.has(name.text)) return;
  if (name.text === placeholderWord) {
    report(placeholderFinding(uri, name, `the ${field}`, [...levels.keys()]));
    return;
  }
  const scheme = ctx.scheme;
  // A GRADE word in another scheme: offer the levels that mean it.
  const meaning = scheme.builtin ? undefined : gradeWord(name.text);
  const byMeaning = levelsMeaning(levels, meaning);
  const suggestions = byMeaning.length ? byMeaning : suggestNames(name.text, levels.keys());
  const of = scheme.builtin ? '' : ` of the grading scheme \`${scheme.name}\``;
  const hint = byMeaning.length
    ? `; in \`${scheme.name}\`, GRADE's ${meaning} is ${byMeaning.map((l) => `\`${l}\``).join(' or ')}`
    : didYouMean(suggestions) + elsewhere(field, name.text, ctx);
  report({
    severity: 'error',
    code: 'invalid-value',
    message: `\`${name.text}\` is not a ${field}${of}: use ${quoted(levels.keys())}${hint}`,
    uri,
    span: name,
    data: { suggestions },
  });
}

/** A level of a declared scheme that the header does not select. */
function elsewhere(field: 'strength' | 'certainty', word: string, ctx: GradingContext): string {
  for (const [name, d] of ctx.schemes.declared) {
    const levels: GradingScheme['strengths' | 'certainties'] = field === 'strength' ? d.scheme.strengths : d.scheme.certainties;
    if (d.scheme !== ctx.scheme && levels.has(word)) return ` (\`${word}\` is a level of \`${name}\`, which the guideline header does not select: add \`grading ${name}\` to it)`;
  }
  return '';
}
