import * as assert from 'node:assert/strict';
import { completions } from '../../server/src/services/completion.js';
import { analyzeText, cursor } from '../helpers.js';

const vocab = `guideline g { panel { voters 52 } }
enum CnlcStage "CNLC stage" { Ia, Ib, IIa, IIb, IIIa, IIIb }
enum ChildPugh { A, B, C }
attribute stage: CnlcStage "CNLC stage"
attribute resectable: boolean
attribute flr: percent
attribute age: years
attribute hbv_dna: number unit "IU/mL"
intervention resection "Surgical resection"
intervention haic
reference 7 "Zhou J. Guidelines for HCC."
reference 8 "Other"
`;

/** Completion labels at the `|` in `source` (after the vocabulary). */
function labels(source: string): string[] {
  const { text, offset } = cursor(vocab + source);
  return completions(analyzeText(text), offset).items.map((i) => i.label);
}

function item(source: string, label: string) {
  const { text, offset } = cursor(vocab + source);
  return completions(analyzeText(text), offset).items.find((i) => i.label === label);
}

const attributes = ['stage', 'resectable', 'flr', 'age', 'hbv_dna'];

describe('completion', () => {
  it('offers the declarations that may start here at the top level', () => {
    for (const kw of ['statement', 'attribute', 'enum', 'case', 'decision', 'use']) assert.ok(labels('|').includes(kw), kw);
    assert.ok(!labels('|').includes('basis'));
  });

  it('offers only the statement fields not yet given', () => {
    const got = labels('statement S1 {\n  basis evidence\n  certainty low\n  |\n}');
    for (const kw of ['text', 'strength', 'agreement', 'votes', 'cites', 'rationale', 'rule']) assert.ok(got.includes(kw), kw);
    assert.ok(!got.includes('basis') && !got.includes('certainty'), JSON.stringify(got));
  });

  it('offers the words a field allows, certainty in GRADE notation', () => {
    assert.deepEqual(labels('statement S1 { basis |'), ['evidence', 'expert_opinion']);
    assert.deepEqual(labels('statement S1 { strength str| }'), ['strong', 'conditional', 'weak']);
    assert.equal(item('statement S1 { certainty |', 'low')?.detail, '⊕⊕◯◯ low');
  });

  it('offers attribute names at the start of a condition, with their types', () => {
    assert.deepEqual(labels('statement S1 { rule r when |').filter((l) => l !== 'not'), attributes);
    assert.deepEqual(labels('statement S1 { rule r when stage = Ia and (|').filter((l) => l !== 'not'), attributes);
    const age = item('statement S1 { rule r when |', 'age');
    assert.equal(age?.detail, 'years');
    assert.equal(item('statement S1 { rule r when |', 'hbv_dna')?.detail, 'number (IU/mL)');
    assert.match(item('statement S1 { rule r when |', 'stage')?.documentation ?? '', /CNLC stage/);
  });

  it('offers operators as keywords after an attribute', () => {
    assert.deepEqual(labels('statement S1 { rule r when stage |'), ['in', 'between', 'and', 'or', 'implies', 'then']);
  });

  it('after =, != or in {, offers only the members of that attribute\'s enum', () => {
    const stages = ['Ia', 'Ib', 'IIa', 'IIb', 'IIIa', 'IIIb'];
    assert.deepEqual(labels('statement S1 { rule r when stage = |'), stages);
    assert.deepEqual(labels('statement S1 { rule r when stage != I|'), stages);
    assert.deepEqual(labels('statement S1 { rule r when stage in {|'), stages);
    assert.deepEqual(labels('statement S1 { rule r when stage in { Ia, IIIa, |'), ['Ib', 'IIa', 'IIb', 'IIIb']);
    assert.deepEqual(labels('case "c" { given stage = |'), stages);
    assert.equal(item('statement S1 { rule r when stage = |', 'IIa')?.detail, 'CnlcStage');
    assert.deepEqual(labels('statement S1 { rule r when resectable = |'), ['true', 'false']);
  });

  it('completes a half-typed condition before the rest of the file', () => {
    const rest = '\n}\nstatement S2 { basis evidence rule r2 when age < 5 then suggest haic }';
    assert.deepEqual(labels(`statement S1 { rule r when stage in { |${rest}`), ['Ia', 'Ib', 'IIa', 'IIb', 'IIIa', 'IIIb']);
    assert.deepEqual(labels(`statement S1 {\n  rule r when age < 65 |${rest}`), ['years', 'minutes', 'hours', 'days', 'weeks', 'months', 'and', 'or', 'implies', 'then']);
  });

  it('offers units that convert to the attribute\'s after a number', () => {
    assert.deepEqual(labels('statement S1 { rule r when age < 65 |').slice(0, 6), ['years', 'minutes', 'hours', 'days', 'weeks', 'months']);
    assert.equal(item('statement S1 { rule r when age < 65 |', 'years')?.detail, 'unit of `age` (its own)');
    assert.deepEqual(labels('statement S1 { rule r when flr < 30 |'), ['%', 'and', 'or', 'implies', 'then']);
    assert.deepEqual(labels('statement S1 { rule r when hbv_dna > 2000 |').slice(0, 2), ['"IU/mL"', '"[IU]/L"']);
    // While a number is being typed nothing is offered.
    assert.deepEqual(labels('statement S1 { rule r when age < 6|'), []);
  });

  it('offers interventions after a verb, and `against`', () => {
    assert.deepEqual(labels('statement S1 { rule r when resectable then suggest |'), ['against', 'resection', 'haic']);
    assert.deepEqual(labels('statement S1 { rule r when resectable then recommend against |'), ['resection', 'haic']);
    assert.equal(item('statement S1 { rule r when resectable then suggest |', 'resection')?.detail, 'intervention');
    assert.ok(labels('case "c" { expect suggest |').includes('haic'));
  });

  it('offers reference labels after cites, with their citations', () => {
    assert.deepEqual(labels('statement S1 { cites |'), ['7', '8']);
    assert.deepEqual(labels('statement S1 { cites 7, |'), ['7', '8']);
    assert.equal(item('statement S1 { cites |', '7')?.detail, 'Zhou J. Guidelines for HCC.');
  });

  it('offers types after an attribute\'s colon and attributes after ask', () => {
    assert.deepEqual(labels('attribute x: |'), ['boolean', 'number', 'percent', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'CnlcStage', 'ChildPugh']);
    assert.deepEqual(labels('decision d { ask |'), attributes);
    assert.deepEqual(labels('decision d { ask stage, |'), attributes);
  });

  it('offers nothing inside strings and comments, or where a new name goes', () => {
    assert.deepEqual(labels('statement S1 { text "abc|'), []);
    assert.deepEqual(labels('// a comment |'), []);
    assert.deepEqual(labels('statement |'), []);
    assert.deepEqual(labels('intervention |'), []);
  });

  it('replaces the word being typed', () => {
    const { text, offset } = cursor(`${vocab}statement S1 { rule r when sta|`);
    const r = completions(analyzeText(text), offset);
    assert.deepEqual(r.replace, { start: offset - 3, end: offset });
  });

  it('falls back to the rule when an earlier part of the statement is broken', () => {
    assert.deepEqual(labels('statement S1 { basis evidence strength ( \n  rule r when stage = |'), ['Ia', 'Ib', 'IIa', 'IIb', 'IIIa', 'IIIb']);
  });
});
