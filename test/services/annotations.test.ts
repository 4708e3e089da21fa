// Semantic tokens, inlay hints, code lens and the cases as tests, as plain functions.
import * as assert from 'node:assert/strict';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { caseEntries, runCases } from '../../server/src/services/cases.js';
import { codeLenses } from '../../server/src/services/code-lens.js';
import { inlayHints } from '../../server/src/services/inlay-hints.js';
import { semanticTokens } from '../../server/src/services/semantic-tokens.js';
import { analyzeText } from '../helpers.js';

const text = `guideline g { panel { voters 10 agree A, B } }
enum ChildPugh { A, B, C }
attribute child_pugh: ChildPugh
attribute weeks_since: weeks
attribute flr: percent
intervention resection
reference 7 "Cited."
statement S1 "Resect" {
  basis evidence strength strong certainty high
  votes A 6, B 2, C 1, D 1, E 0
  cites 7
  rule early when child_pugh = A and weeks_since > 14 days and flr >= 30 then recommend resection
  rule late when child_pugh in { B, C } then recommend against resection
}
case "A, early" {
  given child_pugh = A, weeks_since = 21 days, flr = 35%
  expect recommend resection
}
case "B" {
  given child_pugh = B
  expect recommend resection
}
case "B" {
  given child_pugh = C
  expect recommend against resection
}
decision d { ask child_pugh }
`;

function words(a: Analysis, items: { span: { start: number; end: number } }[]): string[] {
  return items.map((i) => a.source.text.slice(i.span.start, i.span.end));
}

describe('semantic tokens', () => {
  it('tells every kind of name apart, declarations marked', () => {
    const a = analyzeText(text);
    const tokens = semanticTokens(a);
    const kindOf = (word: string, declaration: boolean) => tokens.find((t) => a.source.text.slice(t.span.start, t.span.end) === word && t.declaration === declaration)?.kind;
    assert.equal(kindOf('ChildPugh', true), 'enum');
    assert.equal(kindOf('ChildPugh', false), 'enum');
    assert.equal(kindOf('child_pugh', true), 'attribute');
    assert.equal(kindOf('child_pugh', false), 'attribute');
    assert.equal(kindOf('A', true), 'member');
    assert.equal(kindOf('C', false), 'member');
    assert.equal(kindOf('resection', false), 'intervention');
    assert.equal(kindOf('S1', true), 'statement');
    assert.equal(kindOf('early', true), 'rule');
    assert.equal(kindOf('7', false), 'reference');
    assert.equal(kindOf('d', true), 'decision');
    // Keywords, strings and the panel's grades are left to the grammar.
    assert.equal(kindOf('basis', false), undefined);
    assert.ok(tokens.every((t, i) => i === 0 || tokens[i - 1].span.start < t.span.start));
    const line = a.source.text.indexOf('rule late');
    assert.deepEqual(words(a, semanticTokens(a, { start: line, end: a.source.text.indexOf('\n', line) })), ['late', 'child_pugh', 'B', 'C', 'resection']);
  });
});

describe('inlay hints', () => {
  it('shows the agreement the votes give, and quantities in the attribute\'s unit', () => {
    const a = analyzeText(text);
    const hints = inlayHints(a);
    const at = (label: string) => hints.find((h) => h.label === label);
    assert.deepEqual(hints.map((h) => h.label), [' = 80% agreement', ' = 2 weeks', '%', ' = 3 weeks']);
    assert.equal(a.source.text.slice(0, at(' = 80% agreement')!.offset).split('\n').pop(), '  votes A 6, B 2, C 1, D 1, E 0');
    assert.match(at(' = 2 weeks')!.tooltip, /`weeks_since` is in weeks: 14 days is 2 weeks/);
    assert.ok(a.source.text.slice(0, at('%')!.offset).endsWith('flr >= 30'));
    // A stated agreement leaves nothing implicit.
    assert.deepEqual(inlayHints(analyzeText(text.replace('votes A 6, B 2, C 1, D 1, E 0', 'agreement 80%'))).map((h) => h.label), [' = 2 weeks', '%', ' = 3 weeks']);
  });
});

describe('cases and code lens', () => {
  it('lists cases with ids stable across equal titles, and runs them with expected and actual', () => {
    const a = analyzeText(text);
    assert.deepEqual(caseEntries(a).map((c) => c.id), ['A, early', 'B', 'B#2']);
    const results = runCases(a);
    assert.deepEqual(results.map((r) => [r.id, r.passed]), [['A, early', true], ['B', false], ['B#2', true]]);
    const failure = results[1].failures[0];
    assert.equal(failure.expected, 'recommend resection');
    assert.equal(failure.actual, 'recommend against resection');
    assert.equal(a.source.text.slice(failure.span.start, failure.span.end), 'expect recommend resection');
    assert.match(failure.message, /Expected `recommend resection`/);
    assert.deepEqual(runCases(a, ['B#2', 'missing']).map((r) => r.id), ['B#2']);
  });

  it('counts each statement\'s rules and cases, and gives each case Run and its result', () => {
    const a = analyzeText(text);
    assert.deepEqual(codeLenses(a).map((l) => l.title), [
      '2 rules · 3 cases',
      '$(play) Run', '$(pass) passed',
      '$(play) Run', '$(error) failed: 1 expectation',
      '$(play) Run', '$(pass) passed',
    ]);
  });
});
