import * as assert from 'node:assert/strict';
import { foldingSpans, outline, type OutlineItem } from '../../server/src/services/outline.js';
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

const names = (items: OutlineItem[]) => items.map((i) => [i.kind, i.name]);

describe('outline and folding', () => {
  it('puts the statements first, then the declarations grouped by kind', () => {
    const items = outline(analyzeText(text));
    assert.deepEqual(names(items), [
      ['guideline', 'g'], ['statement', 'S1'], ['group', 'Decisions'], ['group', 'Cases'], ['group', 'Attributes'], ['group', 'Enums'], ['group', 'Interventions'],
    ]);
    assert.deepEqual(items[1]!.children.map((c) => [c.kind, c.name, c.detail]), [['rule', 'r1', 'recommend i']]);
    assert.deepEqual(items.slice(2).map((g) => names(g.children)), [[['decision', 'd']], [['case', 'c']], [['attribute', 'x']], [['enum', 'E']], [['intervention', 'i']]]);
  });

  it('keeps the file\'s order inside each part, whatever comes between', () => {
    const a = analyzeText(`attribute z: boolean
statement B { rule rb when z then recommend i }
attribute y: boolean
intervention i
statement A { rule ra when y then recommend i }
attribute a: boolean
reference R1 "A citation"
`);
    const items = outline(a);
    assert.deepEqual(names(items), [['statement', 'B'], ['statement', 'A'], ['group', 'Attributes'], ['group', 'Interventions'], ['group', 'References']]);
    const attributes = items[2]!;
    assert.deepEqual(names(attributes.children), [['attribute', 'z'], ['attribute', 'y'], ['attribute', 'a']]);
    assert.equal(attributes.detail, '3');
    assert.equal(items[4]!.children[0]!.detail, 'A citation');
  });

  it('spans every group from the last statement to the end, so an editor ordering by position keeps them after the statements', () => {
    const source = text + '\nattribute w: boolean\n';
    const a = analyzeText(source);
    const items = outline(a);
    const s1 = items.find((i) => i.name === 'S1')!;
    const groups = items.filter((i) => i.kind === 'group');
    for (const g of groups) {
      assert.deepEqual(g.span, { start: s1.span.end, end: source.length }, g.name);
      assert.deepEqual(g.selection, { start: s1.span.end, end: s1.span.end });
    }
    // VS Code's order (by start, then end; stable) is the order sent.
    const byPosition = [...items].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
    assert.deepEqual(byPosition.map((i) => i.name), items.map((i) => i.name));
    // A member after the last statement lies inside its group, as the breadcrumbs need.
    const w = groups.find((g) => g.name === 'Attributes')!.children.find((c) => c.name === 'w')!;
    assert.ok(w.span.start >= s1.span.end);
    // VS Code drops an outline whose selection lies outside its range.
    for (const g of items) assert.ok(g.selection.start >= g.span.start && g.selection.end <= g.span.end, g.name);
  });

  it('starts the groups of a file without statements after its header, or at its start', () => {
    const header = 'guideline g { title "T" }\nattribute a: boolean\n';
    const withHeader = outline(analyzeText(header));
    assert.deepEqual(withHeader.map((i) => i.name), ['g', 'Attributes']);
    assert.equal(withHeader[1]!.span.start, withHeader[0]!.span.end);
    assert.equal(outline(analyzeText('attribute a: boolean\n'))[0]!.span.start, 0);
  });

  it('gives a vocabulary file its groups only, and an empty file nothing', () => {
    assert.deepEqual(names(outline(analyzeText('attribute age: years\nintervention resection\n'))), [['group', 'Attributes'], ['group', 'Interventions']]);
    assert.deepEqual(outline(analyzeText('')), []);
  });

  it('folds the statement and its text block', () => {
    const a = analyzeText(text);
    const lines = foldingSpans(a)
      .map(({ span }) => [a.source.lines.position(span.start).line, a.source.lines.position(span.end).line])
      .filter(([s, e]) => e > s);
    assert.deepEqual(lines, [[4, 8], [5, 6]]);
  });
});
