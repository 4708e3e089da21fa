// The grading half of the grammar: scheme blocks, the header's selection, statement kinds,
// a statement's voters, remarks, history, and a rule's own grading.
import * as assert from 'node:assert/strict';
import { parse, type StatementDecl } from '../../grammar/src/index.js';

function statement(text: string): StatementDecl {
  const r = parse(text);
  assert.deepEqual(r.errors, [], 'no syntax errors');
  const d = r.ast.declarations[0];
  assert.equal(d?.kind, 'Statement');
  return d as StatementDecl;
}

describe('parser: grading schemes and the new statement fields', () => {
  it('reads a grading block with named and numbered levels, each with its GRADE word', () => {
    const r = parse(`grading kdigo "KDIGO" {
      strength 1 strong, 2 weak
      certainty A high, B moderate, C low, D very_low
    }`);
    assert.deepEqual(r.errors, []);
    assert.equal(r.ast.declarations.length, 0, 'a scheme is not a named declaration');
    const g = r.ast.gradings[0];
    assert.equal(g.name?.text, 'kdigo');
    assert.equal(g.title?.value, 'KDIGO');
    assert.deepEqual(g.strength[0].value.map((l) => [l.level.text, l.grade?.text]), [['1', 'strong'], ['2', 'weak']]);
    assert.deepEqual(g.certainty[0].value.map((l) => [l.level.text, l.grade?.text]), [['A', 'high'], ['B', 'moderate'], ['C', 'low'], ['D', 'very_low']]);
  });

  it('keeps an empty list and a level without its GRADE word for the checker', () => {
    const r = parse('grading g { strength certainty I, II low }');
    assert.deepEqual(r.errors, []);
    const g = r.ast.gradings[0];
    assert.deepEqual(g.strength[0].value, []);
    assert.deepEqual(g.certainty[0].value.map((l) => [l.level.text, l.grade?.text]), [['I', undefined], ['II', 'low']]);
  });

  it('reads the header\'s scheme selection beside its panel', () => {
    const r = parse('guideline x { grading acc_aha panel { voters 12 } }');
    assert.deepEqual(r.errors, []);
    assert.equal(r.ast.header?.grading?.value.text, 'acc_aha');
    assert.equal(r.ast.header?.panel?.voters?.value.value, 12);
  });

  it('reads kind, voters, repeated remarks and history with its note', () => {
    const s = statement(`statement R1 {
      kind best_practice
      voters 48
      remark "first"
      remark "second"
      history revised "Downgraded from strong to weak"
    }`);
    assert.equal(s.statementKind?.value.text, 'best_practice');
    assert.equal(s.voters?.value.value, 48);
    assert.deepEqual(s.remarks.map((r) => r.value.value), ['first', 'second']);
    assert.equal(s.history?.value.word.text, 'revised');
    assert.equal(s.history?.value.note?.value, 'Downgraded from strong to weak');
  });

  it('keeps a negative voters count (for its diagnostic) and a history without a note', () => {
    const s = statement('statement R { voters -3 history new }');
    assert.equal(s.voters?.value.value, -3);
    assert.equal(s.voters?.value.text, '-3');
    assert.equal(s.history?.value.word.text, 'new');
    assert.equal(s.history?.value.note, undefined);
  });

  it('reads numbered strength values (`strength 1`)', () => {
    const s = statement('statement R { strength 1 certainty B }');
    assert.equal(s.strength?.value.text, '1');
    assert.equal(s.certainty?.value.text, 'B');
  });

  it('reads a rule\'s own grading, in either order, before its condition', () => {
    const s = statement(`statement R {
      strength strong
      rule a strength conditional certainty very_low when x then suggest p
      rule b certainty low when x then recommend p
      rule c when x then recommend p
    }`);
    assert.deepEqual(s.rules.map((r) => [r.name?.text, r.strength?.value.text, r.certainty?.value.text]), [
      ['a', 'conditional', 'very_low'],
      ['b', undefined, 'low'],
      ['c', undefined, undefined],
    ]);
    assert.equal(s.strength?.value.text, 'strong', 'the statement keeps its own strength');
  });

  it('recovers from a broken grading block and still reads the statement after it', () => {
    const r = parse('grading g { strength I strong IIa conditional }\nstatement S { kind informational }');
    assert.ok(r.errors.length > 0);
    const s = r.ast.declarations.find((d) => d.kind === 'Statement') as StatementDecl | undefined;
    assert.equal(s?.statementKind?.value.text, 'informational');
  });
});
