// Assumptions: `assume EXPR` (with `implies`, loosest and right-associative) narrows every
// finding, gap, tree and witness to the patients it admits; cases that violate one and
// assumptions that admit no one are errors.
import * as assert from 'node:assert/strict';
import { parse } from '../../grammar/src/index.js';
import { evaluateCases } from '../../server/src/logic/consistency/cases.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { evaluate } from '../../server/src/logic/evaluate.js';
import type { TreeNode } from '../../server/src/protocol.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { analyzeText, codes, diagnosticStrings } from '../helpers.js';
import { scopeOf, statement } from './support.js';

const vocab = `attribute sepsis: boolean
attribute septic_shock: boolean
attribute age: years
intervention abx
`;
const assume = 'assume septic_shock implies sepsis\n';
const conditional = (body: string): string => statement('S1', body).replace('strength strong', 'strength conditional');

function leaves(node: TreeNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'leaf') return [node.recommendations.map((r) => `${r.verb}${r.against ? ' against' : ''} ${r.intervention}`).join(', ') || 'GAP'];
  return node.branches.flatMap((b) => leaves(b.node).map((l) => `${node.attribute}=${b.label}: ${l}`));
}

describe('assumptions', () => {
  it('parses `implies` as the loosest operator, right-associative', () => {
    const when = (e: string) => {
      const d = parse(`statement S { rule r when ${e} then suggest x }`).ast.declarations[0];
      return d.kind === 'Statement' ? d.rules[0].when : undefined;
    };
    const e = when('a or b implies c and d implies e');
    assert.equal(e?.kind, 'Implies');
    assert.deepEqual(e?.kind === 'Implies' ? e.operands.map((o) => o.kind) : [], ['Or', 'And', 'Flag']);
    // a -> (b -> c): false only when a and b hold and c does not.
    const a = analyzeText('attribute a: boolean\nattribute b: boolean\nattribute c: boolean');
    const scope = scopeOf(a);
    const chain = when('a implies b implies c')!;
    for (const [x, y, z] of [[0, 0, 0], [1, 0, 0], [1, 1, 0], [1, 1, 1], [0, 1, 0]]) {
      const p = new Map([['a', x], ['b', y], ['c', z]]);
      assert.equal(evaluate(chain, p, scope), !x || !y || z === 1, `${x}${y}${z}`);
    }
  });

  it('a conflict only impossible patients would have is no conflict', () => {
    const rules = conditional(`
  rule shock when septic_shock then suggest abx
  rule no_sepsis when not sepsis then suggest against abx`);
    assert.deepEqual(codes(analyzeText(vocab + rules)).filter((c) => c === 'rule-conflict'), ['rule-conflict', 'rule-conflict']);
    assert.deepEqual(codes(analyzeText(vocab + assume + rules)).filter((c) => c === 'rule-conflict'), []);
  });

  it('a rule only impossible patients meet never fires, naming the assumption', () => {
    const a = analyzeText(vocab + assume + conditional('  rule odd when septic_shock and not sepsis then suggest abx'));
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'rule-never-fires'), [
      '[7:8..7:11] rule-never-fires Rule `odd` can never fire: `septic_shock and not sepsis` holds for no patient the assumptions admit (`assume septic_shock implies sepsis`)',
    ]);
  });

  it('witnesses satisfy the assumptions', () => {
    const a = analyzeText(vocab + assume + conditional(`
  rule shock when septic_shock or age > 80 years then suggest abx
  rule no_sepsis when not sepsis then suggest against abx`));
    const conflict = a.findings.find((f) => f.code === 'rule-conflict');
    assert.ok(conflict, 'the old patient without sepsis is a real conflict');
    assert.doesNotMatch(conflict.message, /septic_shock = true/);
  });

  it('trees and gaps leave out impossible patients', () => {
    const text = vocab + assume + conditional(`
  rule shock when septic_shock then suggest against abx
  rule treat when sepsis then suggest abx`) + 'decision d { ask septic_shock, sepsis }';
    const without = leaves(decisionTree(analyzeText(text.replace(assume, ''))).tree);
    assert.ok(without.includes('septic_shock=yes: sepsis=no: suggest against abx'), without.join('\n'));
    assert.deepEqual(leaves(decisionTree(analyzeText(text)).tree), [
      'septic_shock=no: sepsis=no: GAP',
      'septic_shock=no: sepsis=yes: suggest abx',
      'septic_shock=yes: suggest abx, suggest against abx',
    ]);
  });

  it('a case that violates an assumption is an error; an assumption settles what a case leaves out', () => {
    const a = analyzeText(vocab + assume + conditional('  rule treat when sepsis then suggest abx') + `
case "impossible" { given septic_shock = true, sepsis = false expect nothing }
case "shock" { given septic_shock = true expect suggest abx }`);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'case-violates-assumption'), [
      '[10:27..10:62] case-violates-assumption This patient violates `assume septic_shock implies sepsis`: no such patient exists, so the case tests nothing real',
    ]);
    const shock = evaluateCases(consistencyOf(a)).find((r) => r.title === 'shock');
    assert.deepEqual([shock?.passed, shock?.undetermined.length], [true, 0]);
  });

  it('assumptions that admit no patient are an error; one over unknown attributes is a name error only', () => {
    const a = analyzeText(vocab + assume + 'assume septic_shock and not sepsis\n');
    assert.deepEqual(codes(a).filter((c) => c === 'assumptions-unsatisfiable'), ['assumptions-unsatisfiable', 'assumptions-unsatisfiable']);
    const b = analyzeText(vocab + 'assume nope implies septic_shock\n' + conditional('  rule r when sepsis then suggest abx'));
    assert.deepEqual(codes(b).filter((c) => c !== 'unused-declaration' && c !== 'verb-strength-mismatch'), ['unresolved-name']);
  });
  it('an assumption too complex to analyse, alone or with the others, is a warning, not dropped silently', () => {
    const flags = Array.from({ length: 20 }, (_, i) => `attribute f${i}: boolean`).join('\n') + '\n';
    // Ten independent choices: 1,024 alternatives once `and` is spread over `or`.
    const huge = Array.from({ length: 10 }, (_, i) => `(f${2 * i} or f${2 * i + 1})`).join(' and ');
    const rules = conditional('  rule r when sepsis then suggest abx');
    const alone = analyzeText(vocab + flags + `assume ${huge}\n` + rules);
    assert.deepEqual(diagnosticStrings(alone, (c) => c === 'assumption-not-analysed').map((d) => d.replace(/^\[[^\]]*\] /, '')), [
      'assumption-not-analysed This assumption has too many alternatives to analyse: the consistency checks, trees and witnesses do without it',
    ]);
    // Five assumptions of four alternatives each are fine alone; together they are 1,024.
    const parts = Array.from({ length: 5 }, (_, i) => `assume (f${4 * i} or f${4 * i + 1}) and (f${4 * i + 2} or f${4 * i + 3})\n`).join('');
    const together = analyzeText(vocab + flags + parts + rules);
    const found = diagnosticStrings(together, (c) => c === 'assumption-not-analysed');
    assert.equal(found.length, 5);
    assert.match(found[0], /The 5 assumptions together have too many alternatives/);
    assert.deepEqual(codes(analyzeText(vocab + flags + parts.split('\n').slice(0, 2).join('\n') + '\n' + rules)).filter((c) => c === 'assumption-not-analysed'), []);
  });
});
