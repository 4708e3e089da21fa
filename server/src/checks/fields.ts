// Field values outside the words the language allows: `strength strog`, `votes F 3`.
import type { Name } from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import { didYouMean, suggestNames } from '../model/did-you-mean.js';
import type { Finding } from '../model/findings.js';
import { bases, certainties, placeholderFinding, placeholderWord, statuses, strengths, voteGrades } from '../model/vocabulary.js';

export function checkFields(analysis: ResolvedDocument, report: (f: Finding) => void): void {
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
      message: `\`${name.text}\` is not a ${field}: use ${words.map((w) => `\`${w}\``).join(', ')}${didYouMean(suggestions)}`,
      uri,
      span: name.span,
      data: { suggestions },
    });
  };
  const ast = analysis.source.parse.ast;
  for (const grade of ast.header?.panel?.agree?.value ?? []) expectOneOf('vote grade', grade, voteGrades);
  for (const decl of ast.declarations) {
    if (decl.kind !== 'Statement') continue;
    expectOneOf('basis', decl.basis?.value, bases);
    expectOneOf('strength', decl.strength?.value, strengths);
    expectOneOf('certainty', decl.certainty?.value, certainties);
    expectOneOf('status', decl.status?.value, statuses);
    for (const vote of decl.votes?.value ?? []) expectOneOf('vote grade', vote.grade, voteGrades);
  }
}
