// `in { }` with no values holds for no patient: almost always a set left unfinished.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { forEachCondition } from './walk.js';

export function checkEmptySets(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  forEachCondition(analysis.source.parse.ast, (e) => {
    if (e.kind !== 'In' || e.values.length > 0) return;
    report({
      severity: 'warning',
      code: 'empty-set',
      uri: analysis.uri,
      span: e.setSpan,
      message: `\`${e.attribute.text} in { }\` lists no values, so it holds for no patient`,
    });
  });
}
