// Spans the tree does not keep, because where they are follows from what it keeps: a rule
// has a verb and nearly every condition an operator, and an object for each of their
// spans cost more than a tenth of a rule-heavy file's tree.
import type { Action, CompareExpr, Span } from './ast.js';

/** The action's verb (`recommend`, `suggest`: keywords, written as they are spelt), where the action starts. */
export function verbSpan(action: Action): Span {
  return { start: action.span.start, end: action.span.start + action.verb.length };
}

const blank = /[ \t\r\n\f\v\u00a0\ufeff]/;

/** The comparison's operator: the first thing after the attribute that is neither blank nor a comment. */
export function operatorSpan(compare: CompareExpr, text: string): Span {
  const limit = compare.value.start;
  let i = compare.attribute.end;
  while (i < limit) {
    if (text.startsWith('//', i)) {
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? limit : close + 2;
    } else if (blank.test(text[i])) {
      i++;
    } else {
      break;
    }
  }
  const two = text.slice(i, i + 2);
  const length = two === '!=' || two === '<=' || two === '>=' ? 2 : 1;
  return { start: i, end: Math.min(i + length, limit) };
}
