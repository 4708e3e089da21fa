import * as assert from 'node:assert/strict';
import { analyzeText, diagnosticStrings } from '../helpers.js';

const vocab = `enum CnlcStage { Ia, Ib, IIa, IIb, IIIa, IIIb }
enum ChildPugh { A, B, C }
attribute stage: CnlcStage
attribute child_pugh: ChildPugh
attribute resectable: boolean
attribute flr: percent
attribute age: years
attribute weeks_since_tace: weeks
attribute hbv_dna: number unit "IU/mL"
attribute count: number
intervention resection
`;

/** The findings of one rule's condition (line 13 of the file), for the codes this suite covers. */
function conditionFindings(condition: string): string[] {
  const a = analyzeText(`${vocab}statement S1 { basis evidence strength strong certainty high agreement 90%
  rule r when ${condition} then recommend resection }`);
  const typeCodes = new Set(['type-mismatch', 'unit-mismatch', 'percent-out-of-range', 'not-a-condition', 'invalid-operator', 'between-order', 'syntax', 'unresolved-member']);
  return diagnosticStrings(a, (c) => typeCodes.has(c));
}

describe('type checks', () => {
  it('accepts well-typed conditions (near misses of every type check)', () => {
    for (const ok of [
      'stage = IIIa', 'stage != Ia', 'stage in { IIa, IIb }', 'resectable', 'not resectable', 'resectable = false',
      'flr < 30%', 'flr < 30', 'flr between 10% and 20%', 'age >= 65 years', 'age < 780 months', 'age < 1 year',
      'weeks_since_tace < 28 days', 'weeks_since_tace < 4', 'hbv_dna > 2000 "IU/mL"', 'hbv_dna > 2000',
      'hbv_dna > 2000000 "IU/L"', 'count between 3 and 3', 'flr = 0%', 'flr = 100%',
    ]) {
      assert.deepEqual(conditionFindings(ok), [], ok);
    }
  });

  it('reports a unit that does not convert, naming both sides', () => {
    assert.deepEqual(conditionFindings('weeks_since_tace < 4 cm'), [
      '[13:34..13:38] unit-mismatch `weeks_since_tace` is measured in weeks, but `4 cm` is a length',
    ]);
    assert.deepEqual(conditionFindings('hbv_dna > 2 "cm"'), [
      '[13:25..13:31] unit-mismatch `hbv_dna` is measured in IU/mL (a concentration in the arbitrary unit [IU]), but `2 "cm"` is a length',
    ]);
    assert.deepEqual(conditionFindings('flr < 3 weeks'), [
      '[13:21..13:28] unit-mismatch `flr` is a percentage, but `3 weeks` is a duration',
    ]);
    assert.deepEqual(conditionFindings('count < 3 weeks'), [
      '[13:23..13:30] unit-mismatch `count` is a plain number with no unit, but `3 weeks` is a duration',
    ]);
  });

  it('reports values of the wrong kind', () => {
    assert.deepEqual(conditionFindings('stage = 3'), [
      '[13:23..13:24] type-mismatch `stage` takes a value of `CnlcStage`, but `3` is a number: use one of its members',
    ]);
    assert.deepEqual(conditionFindings('resectable = A'), [
      '[13:28..13:29] type-mismatch `resectable` is a boolean (true or false), but `A` is a name: use `true` or `false`',
    ]);
    assert.deepEqual(conditionFindings('age < old'), [
      '[13:21..13:24] type-mismatch `age` is measured in years, but `old` is a name: use a number',
    ]);
  });

  it('names the right enum when a member of another enum is used', () => {
    assert.deepEqual(conditionFindings('stage = B'), [
      '[13:23..13:24] unresolved-member `B` is a value of `ChildPugh`, not of `CnlcStage` (Ia, Ib, IIa, IIb, IIIa, IIIb)',
    ]);
  });

  it('reports percentages outside 0..100', () => {
    assert.deepEqual(conditionFindings('flr < 130%'), ['[13:21..13:25] percent-out-of-range `130%` is outside 0%..100%']);
    assert.deepEqual(conditionFindings('flr > -5'), ['[13:21..13:23] percent-out-of-range `-5` is outside 0%..100%']);
    const a = analyzeText('guideline g { panel { consensus 180% } }');
    assert.deepEqual(diagnosticStrings(a), ['[1:33..1:37] percent-out-of-range `180%` is outside 0%..100%']);
  });

  it('reports a non-boolean used as a condition on its own', () => {
    assert.deepEqual(conditionFindings('stage and resectable'), [
      '[13:15..13:20] not-a-condition `stage` takes a value of `CnlcStage`, not a boolean, so it is not a condition on its own: compare it, e.g. `stage = Ia`',
    ]);
  });

  it('reports an ordering on an enum or a boolean', () => {
    assert.deepEqual(conditionFindings('stage < IIIa'), [
      '[13:21..13:22] invalid-operator `stage` takes a value of `CnlcStage`, which has no order, so `<` does not apply: use `=`, `!=` or `in { ... }`',
    ]);
    assert.deepEqual(conditionFindings('resectable between true and false'), [
      '[13:26..13:33] invalid-operator `resectable` is a boolean (true or false), which has no order, so `between` does not apply: use `=`, `!=` or the attribute on its own as a condition',
    ]);
  });

  it('reports between bounds out of order, after converting units', () => {
    assert.deepEqual(conditionFindings('flr between 20% and 10%'), [
      '[13:27..13:38] between-order The lower bound `20%` is above the upper bound `10%`: no value of `flr` is between them; swap them',
    ]);
    assert.deepEqual(conditionFindings('age between 2 years and 13 months'), [
      '[13:27..13:48] between-order The lower bound `2 years` is above the upper bound `13 months`: no value of `age` is between them; swap them',
    ]);
    assert.deepEqual(conditionFindings('age between 1 years and 13 months'), []);
  });

  it('checks case assignments like conditions', () => {
    const a = analyzeText(`${vocab}case "x" { given stage = 4, age = 70 years, flr = 2 weeks expect nothing }`);
    assert.deepEqual(diagnosticStrings(a, (c) => c.endsWith('mismatch')), [
      '[12:26..12:27] type-mismatch `stage` takes a value of `CnlcStage`, but `4` is a number: use one of its members',
      '[12:51..12:58] unit-mismatch `flr` is a percentage, but `2 weeks` is a duration',
    ]);
  });
});
