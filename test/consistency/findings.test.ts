// Each consistency finding, with its witness checked by evaluating the rules' conditions
// directly at the witness patient: the witness must really show what the finding claims.
import * as assert from 'node:assert/strict';
import { analyzeFiles, analyzeText, diagnosticStrings } from '../helpers.js';
import { complete, findingsOf, fires, scopeOf, statement, witnessOfFinding } from './support.js';

const vocabulary = `
enum Stage { I, II, III }
attribute stage: Stage
attribute age: years
attribute resectable: boolean
attribute flr: percent
attribute weeks_since_tace: weeks
intervention surgery
intervention chemo
intervention tace
`;

const only = (...codes: string[]) => (c: string) => codes.includes(c);

describe('consistency findings', () => {
  it('reports a rule that can never fire, naming the conditions that contradict each other', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule dead when age < 30 years and resectable and age > 40 years then recommend chemo
  rule alive when age < 30 years or age > 40 years then recommend chemo
  rule exclusive when stage = I and not (stage in { I, II }) then recommend chemo`));
    assert.deepEqual(diagnosticStrings(a, only('rule-never-fires')), [
      '[13:8..13:12] rule-never-fires Rule `dead` can never fire: `age < 30 years` and `age > 40 years` cannot both hold',
      '[15:8..15:17] rule-never-fires Rule `exclusive` can never fire: `stage = I` and `not (stage in { I, II })` cannot both hold',
    ]);
  });

  it('says a rule on an enum too large to model is left out, and says nothing more for an attribute of an unknown type', () => {
    const members = Array.from({ length: 40 }, (_, i) => `m${i}`).join(', ');
    const a = analyzeText(`enum Big { ${members} }\nattribute big: Big\nattribute odd: Nosuch\nintervention chemo\n` + statement('S1', `
  rule large when big = m3 then recommend chemo
  rule untyped when odd = m3 then recommend chemo`));
    assert.deepEqual(diagnosticStrings(a, only('attribute-not-analysed', 'unknown-type')), [
      '[3:16..3:22] unknown-type Unknown type `Nosuch`',
      '[7:19..7:22] attribute-not-analysed `big` has more values than the consistency checks model: rule `large` is left out of them and of the decision tree',
    ]);
  });

  it('reports an empty set and the rule it makes dead', () => {
    const a = analyzeText(vocabulary + statement('S1', '  rule empty when stage in { } then recommend chemo'));
    assert.deepEqual(diagnosticStrings(a, only('rule-never-fires', 'empty-set')), [
      '[12:8..12:13] rule-never-fires Rule `empty` can never fire: `stage in { }` holds for no patient',
      '[12:28..12:31] empty-set `stage in { }` lists no values, so it holds for no patient',
    ]);
  });

  it('reports two rules that recommend for and against the same intervention, at both, with a witness both fire for', () => {
    const a = analyzeText(vocabulary + statement('S1', '  rule pro when stage = III and age < 70 years then recommend surgery') +
      statement('S2', '  rule con when stage in { II, III } and age > 60 years then recommend against surgery'));
    assert.deepEqual(diagnosticStrings(a, only('rule-conflict')), [
      '[12:8..12:11] rule-conflict Rule `pro` says `recommend surgery` but rule `con` (S2) says `recommend against surgery` for the same patients, e.g. stage = III, age = 61 years; if one is an exception to the other, say so with `overrides`',
      '[15:8..15:11] rule-conflict Rule `con` says `recommend against surgery` but rule `pro` (S1) says `recommend surgery` for the same patients, e.g. stage = III, age = 61 years; if one is an exception to the other, say so with `overrides`',
    ]);
    const [first, second] = findingsOf(a, 'rule-conflict');
    // Related information links each range to the other.
    assert.equal(first.related?.[0].span.start, second.span.start);
    assert.equal(second.related?.[0].span.start, first.span.start);
    const w = witnessOfFinding(a, first);
    assert.equal(fires(a, 'pro', w), true);
    assert.equal(fires(a, 'con', w), true);
  });

  it('finds no conflict between rules whose populations only touch', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule wait when weeks_since_tace < 4 weeks then recommend against surgery
  rule go when weeks_since_tace >= 28 days then recommend surgery`));
    assert.deepEqual(diagnosticStrings(a, only('rule-conflict')), []);
  });

  it('reports a conflict across files, at the rule in this file, linking to the used file', () => {
    const a = analyzeFiles({
      'main.guideline': `use "lib.guideline"\n${statement('S1', '  rule pro when resectable then recommend surgery')}`,
      'lib.guideline': vocabulary + statement('S9', '  rule con when age > 80 years then recommend against surgery'),
    });
    const [f, ...rest] = findingsOf(a, 'rule-conflict');
    assert.equal(rest.length, 0);
    assert.match(f.message, /e\.g\. resectable = true, age = 81 years; if one is an exception/);
    assert.equal(f.related?.[0].uri, 'file:///mem/lib.guideline');
    const w = witnessOfFinding(a, f);
    assert.ok(fires(a, 'pro', w) && fires(a, 'con', w));
  });

  it('reports a rule that another rule with the same recommendation fully covers', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule broad when stage = III and age < 70 years then recommend surgery
  rule narrow when stage = III and age < 50 years and resectable then recommend surgery
  rule other when stage = III and age < 50 years then recommend surgery, chemo`));
    assert.deepEqual(diagnosticStrings(a, only('rule-redundant')), [
      '[14:8..14:14] rule-redundant Rule `narrow` adds nothing: rule `broad` (S1) already gives `recommend surgery` to every patient it covers (e.g. stage = III, age = 49 years, resectable = true)',
    ]);
    const f = findingsOf(a, 'rule-redundant')[0];
    const w = witnessOfFinding(a, f);
    assert.ok(fires(a, 'narrow', w) && fires(a, 'broad', w));
  });

  it('reports only the later of two equivalent rules, and a rule covered by the union of its own alternatives', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule first when stage in { I, II } then recommend chemo
  rule second when stage = I or stage = II then recommend chemo`));
    assert.deepEqual(diagnosticStrings(a, only('rule-redundant')).map((s) => s.split(' adds')[0]), ['[14:8..14:14] rule-redundant Rule `second`']);
  });

  it('reports a gap in a decision with a patient of its population whom no rule reaches', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule early when stage = I then recommend chemo
  rule operable when stage = II and resectable then recommend surgery
  rule late when stage = III and flr >= 30% then recommend tace`) + `
decision pathway { ask stage, resectable  where age >= 18 years }`);
    const gaps = findingsOf(a, 'decision-gap');
    assert.deepEqual(gaps.map((f) => f.message), [
      'No rule of decision `pathway` recommends anything for stage = II, resectable = false, age = 18 years',
      'No rule of decision `pathway` recommends anything for stage = III, age = 18 years, flr = 29%',
    ]);
    for (const g of gaps) {
      const w = witnessOfFinding(a, g);
      assert.ok(w.get('age')! >= 18, 'the witness is in the population');
      for (const rule of ['early', 'operable', 'late']) assert.equal(fires(a, rule, w), false, `${rule} at ${g.message}`);
    }
  });

  it('counts only adopted statements: draft and rejected rules neither conflict nor fill gaps', () => {
    const a = analyzeText(vocabulary +
      statement('S1', '  rule pro when resectable then recommend surgery') +
      statement('S2', '  rule con when resectable then recommend against surgery', 'status draft') +
      statement('S3', '  rule filler when not resectable then recommend chemo', 'status rejected') +
      'decision d { ask resectable }');
    assert.deepEqual(diagnosticStrings(a, only('rule-conflict', 'rule-never-fires')), []);
    assert.deepEqual(findingsOf(a, 'decision-gap').map((f) => f.message), ['No rule of decision `d` recommends anything for resectable = false']);
  });

  it('gives every reported witness values inside each attribute\'s range', () => {
    const a = analyzeText(vocabulary + statement('S1', '  rule pro when flr < 0.5% then recommend surgery') +
      statement('S2', '  rule con when flr <= 0.25% or weeks_since_tace > 1000 weeks then recommend against surgery'));
    const f = findingsOf(a, 'rule-conflict')[0];
    const w = witnessOfFinding(a, f);
    assert.ok(w.get('flr')! >= 0 && w.get('flr')! <= 0.25);
    assert.ok(fires(a, 'pro', complete(w, scopeOf(a))) && fires(a, 'con', w));
  });
});
