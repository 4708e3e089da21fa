import * as assert from 'node:assert/strict';
import { foldingSpans, outline } from '../../server/src/services/outline.js';
import { analyzeText } from '../helpers.js';

const text = `guideline g { title "T" }
enum E { a, b }
attribute x: E
intervention i
statement S1 "Title" {
  text """two
          lines"""
  rule r1 when x = a then recommend i
}
case "c" { given x = a expect recommend i }
decision d { ask x }`;

describe('outline and folding', () => {
  it('lists declarations with rules under their statement', () => {
    const items = outline(analyzeText(text));
    assert.deepEqual(items.map((i) => [i.kind, i.name]), [
      ['guideline', 'g'], ['enum', 'E'], ['attribute', 'x'], ['intervention', 'i'], ['statement', 'S1'], ['case', 'c'], ['decision', 'd'],
    ]);
    assert.deepEqual(items[4].children.map((c) => [c.kind, c.name, c.detail]), [['rule', 'r1', 'recommend i']]);
  });

  it('folds the statement and its text block', () => {
    const a = analyzeText(text);
    const lines = foldingSpans(a)
      .map(({ span }) => [a.source.lines.position(span.start).line, a.source.lines.position(span.end).line])
      .filter(([s, e]) => e > s);
    assert.deepEqual(lines, [[4, 8], [5, 6]]);
  });
});
