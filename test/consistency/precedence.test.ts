// Precedence: `rule b overrides a` replaces a's recommendations on b's interventions where
// both apply, in the cases, the tree and the conflict check alike; an unresolved for/against
// conflict is an error by default; bad overrides are diagnosed; long chains do not overflow.
import * as assert from 'node:assert/strict';
import { evaluateCases } from '../../server/src/logic/consistency/cases.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import type { TreeNode } from '../../server/src/protocol.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { analyzeText, codes, diagnosticStrings } from '../helpers.js';
import { statement } from './support.js';

const vocab = `attribute sepsis: boolean
attribute low_risk: boolean
attribute age: years
intervention abx
intervention fluids
`;

const conditional = (name: string, body: string): string => statement(name, body).replace('strength strong', 'strength conditional');

function leaves(node: TreeNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [`${node.conflict ? 'CONFLICT ' : ''}${node.recommendations.map((r) => `${r.verb}${r.against ? ' against' : ''} ${r.intervention}`).join(', ') || 'GAP'}`];
  return node.branches.flatMap((b) => leaves(b.node).map((l) => `${node.attribute}=${b.label}: ${l}`));
}

const general = `
  rule treat when sepsis then suggest abx, fluids
  rule spare overrides treat when sepsis and low_risk then suggest against abx`;

describe('precedence (overrides)', () => {
  it('an exception replaces the general rule on its interventions only: no conflict, in cases and in the tree', () => {
    const a = analyzeText(`${vocab}${conditional('S1', general)}
case "low risk" { given sepsis = true, low_risk = true expect suggest against abx expect not suggest abx expect suggest fluids }
case "high risk" { given sepsis = true, low_risk = false expect only suggest abx, fluids }
decision d { ask sepsis, low_risk }`);
    assert.deepEqual(codes(a).filter((c) => c.startsWith('rule-') || c.startsWith('case-') || c.startsWith('override')), []);
    assert.deepEqual(evaluateCases(consistencyOf(a)).map((r) => [r.title, r.passed]), [['low risk', true], ['high risk', true]]);
    assert.deepEqual(leaves(decisionTree(a).tree), [
      'sepsis=no: GAP',
      'sepsis=yes: low_risk=no: suggest abx, suggest fluids',
      'sepsis=yes: low_risk=yes: suggest against abx, suggest fluids',
    ]);
  });

  it('without the override the same rules conflict, and that is an error by default', () => {
    const a = analyzeText(`${vocab}${conditional('S1', general.replace('overrides treat ', ''))}`);
    const conflict = a.findings.filter((f) => f.code === 'rule-conflict');
    assert.equal(conflict.length, 2);
    assert.ok(conflict.every((f) => f.severity === 'error'));
    assert.match(conflict[0].message, /overrides/);
    const lowered = analyzeText(a.source.text, { conflictSeverity: 'warning' });
    assert.deepEqual(lowered.findings.filter((f) => f.code === 'rule-conflict').map((f) => f.severity), ['warning', 'warning']);
    assert.deepEqual(codes(analyzeText(a.source.text, { conflictSeverity: 'off' })).filter((c) => c === 'rule-conflict'), []);
  });

  it('only the part of a conflict no overrider covers is a conflict, and its witness lies there', () => {
    const a = analyzeText(`${vocab}${conditional('S1', `
  rule treat when sepsis then suggest abx
  rule old when age >= 80 years then suggest against abx
  rule frail overrides treat when sepsis and age >= 90 years then suggest against abx`)}`);
    const found = diagnosticStrings(a, (c) => c === 'rule-conflict');
    assert.equal(found.length, 2);
    // The witness is a patient of 80 to 90 years: the overrider covers 90 and over.
    const witnessAge = a.findings.find((f) => f.code === 'rule-conflict')?.message.match(/age = (\d+(?:\.\d+)?) years/)?.[1];
    assert.ok(witnessAge !== undefined && Number(witnessAge) >= 80 && Number(witnessAge) < 90, found[0]);
    const resolved = analyzeText(a.source.text.replace('age >= 90 years', 'age >= 80 years'));
    assert.deepEqual(codes(resolved).filter((c) => c === 'rule-conflict'), []);
  });

  it('diagnoses an override of an unknown rule, of itself, a cycle, and one that never applies', () => {
    const a = analyzeText(`${vocab}${conditional('S1', `
  rule a overrides nope when sepsis then suggest abx
  rule b overrides b when sepsis and low_risk then suggest against abx
  rule c overrides d when age < 50 years then suggest fluids
  rule d overrides c when age < 40 years then suggest against fluids
  rule e overrides a when not sepsis then suggest against abx`)}`);
    assert.deepEqual(diagnosticStrings(a, (x) => x.startsWith('override') || x === 'unresolved-name'), [
      '[8:20..8:24] unresolved-name Unknown rule `nope`',
      '[9:20..9:21] override-self Rule `b` cannot override itself',
      '[11:20..11:21] override-cycle These overrides form a cycle (`c` overrides `d` overrides `c`): no rule in it takes precedence; remove one `overrides`',
      '[12:20..12:21] override-never-applies Rule `e` overrides `a`, but no patient meets both conditions: the override never changes anything',
    ]);
  });

  it('follows a chain of 10,000 overrides, and a cycle as long, without overflowing the stack', function () {
    this.timeout(300_000);
    const n = 10_000;
    const chain = Array.from({ length: n }, (_, i) => `  rule r${i}${i > 0 ? ` overrides r${i - 1}` : ''} when age between ${i} and ${i + 1} years then suggest ${i % 2 ? 'against ' : ''}abx`).join('\n');
    const a = analyzeText(`${vocab}${conditional('S1', chain)}
case "edge" { given age = ${n - 1} years expect only suggest against abx expect not suggest abx }`);
    assert.deepEqual(codes(a).filter((c) => c !== 'rule-redundant' && c !== 'unused-declaration'), []);
    const cycle = chain.replace('rule r0 when', `rule r0 overrides r${n - 1} when`);
    assert.deepEqual(codes(analyzeText(`${vocab}${conditional('S1', cycle)}`)).filter((c) => c === 'override-cycle'), ['override-cycle']);
  });
});
