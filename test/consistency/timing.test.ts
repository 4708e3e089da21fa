// Timing (`within`, `after`, `between`) and comparators (`over`) on recommendations:
// windows that cannot both hold are a conflict, nested ones are not and the tree shows the
// tightest; cases may expect a timing; bad timings are diagnosed.
import * as assert from 'node:assert/strict';
import { evaluateCases } from '../../server/src/logic/consistency/cases.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { describeSymbol } from '../../server/src/services/hover.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { treeText } from '../../server/src/services/tree/text.js';
import { analyzeText, codes, diagnosticStrings } from '../helpers.js';
import { statement } from './support.js';

const vocab = `attribute sepsis: boolean
attribute shock: boolean
attribute hours_since: hours
intervention abx
intervention crystalloids
intervention saline
`;

describe('timing and comparators', () => {
  it('windows that cannot both hold conflict, with a witness both rules fire for; nested ones do not', () => {
    const rules = (second: string) => statement('S1', `
  rule fast when shock then recommend abx within 1 hour
  rule slow when sepsis then recommend abx ${second}`, 'rationale "r"');
    const a = analyzeText(vocab + rules('after 3 hours'));
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'timing-conflict'), [
      '[9:8..9:12] timing-conflict Rule `fast` gives `abx` within 1 hour but rule `slow` (S1) gives it after 3 hours for the same patients, e.g. shock = true, sepsis = true: both cannot hold',
      '[10:8..10:12] timing-conflict Rule `slow` gives `abx` after 3 hours but rule `fast` (S1) gives it within 1 hour for the same patients, e.g. shock = true, sepsis = true: both cannot hold',
    ]);
    for (const nested of ['within 3 hours', 'between 30 minutes and 2 hours']) {
      assert.deepEqual(codes(analyzeText(vocab + rules(nested))).filter((c) => c === 'timing-conflict'), [], nested);
    }
    // Settled by precedence: no conflict.
    const settled = analyzeText(vocab + rules('after 3 hours').replace('rule fast when', 'rule fast overrides slow when'));
    assert.deepEqual(codes(settled).filter((c) => c === 'timing-conflict'), []);
  });

  it('`between 2 and 6 hours` gives its first bound the unit written after the second', () => {
    const rules = (window: string) => statement('S1', `
  rule early when shock then recommend abx within 1 hour
  rule late when sepsis then recommend abx ${window}`, 'rationale "r"');
    const short = analyzeText(vocab + rules('between 2 and 6 hours'));
    assert.deepEqual(codes(short).filter((c) => c === 'invalid-timing'), []);
    const long = analyzeText(vocab + rules('between 2 hours and 6 hours'));
    // The same window either way: the same conflict with `within 1 hour`, in the same words but the text.
    const conflicts = (x: typeof short) => diagnosticStrings(x, (c) => c === 'timing-conflict').map((d) => d.replace(/between 2( hours)? and 6 hours/, 'W'));
    assert.equal(conflicts(short).length, 2);
    assert.deepEqual(conflicts(short), conflicts(long));
    // Both bounds still need a duration; a bare pair stays an error.
    assert.deepEqual(codes(analyzeText(vocab + rules('between 2 and 6'))).filter((c) => c === 'invalid-timing'), ['invalid-timing', 'invalid-timing']);
    assert.deepEqual(codes(analyzeText(vocab + rules('between 6 and 2 hours'))).filter((c) => c === 'invalid-timing'), ['invalid-timing']);
  });

  it('the tree shows the tightest of nested windows, and comparators', () => {
    const a = analyzeText(vocab + statement('S1', `
  rule fast when shock then recommend abx within 1 hour
  rule slow when sepsis then recommend abx within 3 hours
  rule fluids when sepsis then recommend crystalloids over saline`, 'rationale "r"') + 'decision d { ask shock, sepsis }');
    const text = treeText(decisionTree(a));
    assert.match(text, /recommend abx within 1 hour/);
    assert.match(text, /recommend crystalloids over saline/);
    // Where both abx rules apply, only the tighter window is listed.
    assert.equal(text.split('\n').filter((l) => /recommend abx within 3 hours/.test(l)).length, 1, text);
    const hover = describeSymbol(a, a.symbols.lookup('fluids', 'rule')!);
    assert.match(hover, /`crystalloids` over `saline`/);
  });

  it('cases can expect a timing, and `expect not`', () => {
    const a = analyzeText(vocab + statement('S1', '  rule fast when shock then recommend abx within 1 hour', 'rationale "r"') + `
case "right" { given shock = true expect recommend abx within 60 minutes expect not recommend against abx }
case "wrong window" { given shock = true expect recommend abx within 3 hours }
case "not" { given shock = true expect not recommend abx }`);
    assert.deepEqual(evaluateCases(consistencyOf(a)).map((r) => [r.title, r.passed]), [['right', true], ['wrong window', false], ['not', false]]);
    assert.match(a.findings.find((f) => f.code === 'case-failed')!.message, /Expected `recommend abx within 3 hours`, but the rules give `recommend abx within 1 hour`/);
  });

  it('diagnoses a timing on a recommendation against, negative, unitless or inverted windows', () => {
    const a = analyzeText(vocab + statement('S1', `
  rule a when shock then recommend against abx within 1 hour
  rule b when shock then recommend abx within -1 hours
  rule c when shock then recommend abx within 2
  rule d when shock then recommend abx between 3 hours and 1 hour
  rule e when shock then recommend abx within 1 "kPa"`));
    assert.deepEqual(codes(a).filter((c) => c === 'timing-on-against' || c === 'invalid-timing'), ['timing-on-against', 'invalid-timing', 'invalid-timing', 'invalid-timing', 'invalid-timing']);
  });
});
