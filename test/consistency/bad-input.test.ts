// Bad input gets diagnostics, never exceptions: contradictory conditions, empty sets,
// cyclic uses, decisions asking for unknown attributes, conditions too complex to expand,
// rule sets whose tree would explode, and half-typed files.
import * as assert from 'node:assert/strict';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { treeText } from '../../server/src/services/tree/text.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { decisionsOf, partitionOf } from '../../server/src/logic/partition/decision.js';
import { defaultBudget } from '../../server/src/logic/partition/partition.js';
import { analyzeFiles, analyzeText, codes, diagnosticStrings } from '../helpers.js';
import { statement } from './support.js';

const vocabulary = `
enum Stage { I, II, III }
attribute stage: Stage
attribute age: years
attribute flag: boolean
intervention surgery
intervention chemo
`;

describe('consistency on bad input', () => {
  it('reports a decision whose `where` no patient meets, and gives it an empty tree', () => {
    const a = analyzeText(vocabulary + statement('S1', '  rule r when stage = I then recommend chemo') +
      'decision d { ask stage  where age < 18 years and stage = I and age > 65 years }');
    assert.deepEqual(diagnosticStrings(a, (c) => c.startsWith('decision-')), [
      '[11:31..11:78] decision-empty No patient meets the `where` of decision `d`: `age < 18 years` and `age > 65 years` cannot both hold',
    ]);
    const result = decisionTree(a);
    assert.equal(result.tree, undefined);
    assert.match(treeText(result), /No patient is in this decision's population/);
  });

  it('survives cyclic uses and still analyses the rules it can reach', () => {
    const a = analyzeFiles({
      'main.guideline': `use "a.guideline"\n${statement('S1', '  rule r when stage = I then recommend chemo\n  rule s when stage = I then recommend against chemo')}`,
      'a.guideline': `use "main.guideline"\n${vocabulary}`,
    });
    assert.ok(codes(a).includes('use-cycle'));
    assert.ok(codes(a).includes('rule-conflict'));
    assert.ok(decisionTree(a).tree);
  });

  it('ignores unknown attributes in `ask` (resolution reports them) and still draws the tree', () => {
    const a = analyzeText(vocabulary + statement('S1', '  rule r when stage = I then recommend chemo') + 'decision d { ask stagee, stage }');
    assert.ok(codes(a).includes('unresolved-name'));
    assert.ok(!codes(a).includes('internal-error'));
    const result = decisionTree(a);
    assert.deepEqual(result.ask, ['stage']);
    assert.equal(result.hasErrors, true);
  });

  it('leaves out rules with name or type errors, and says the tree is incomplete', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule typo when stagee = I then recommend chemo
  rule wrong when stage < 3 then recommend chemo
  rule unit when age < 3 cm then recommend chemo
  rule fine when stage = II then recommend surgery`));
    assert.ok(!codes(a).includes('internal-error'));
    assert.ok(!codes(a).includes('rule-never-fires'));
    const result = decisionTree(a);
    assert.equal(result.hasErrors, true);
    assert.match(treeText(result), /recommend surgery/);
    assert.doesNotMatch(treeText(result), /recommend chemo/);
  });

  it('reports a condition too complex to expand, and leaves its rule out', () => {
    const flags = Array.from({ length: 20 }, (_, i) => `attribute f${i}: boolean`).join('\n');
    // Ten independent choices: 1,024 alternatives once `and` is spread over `or`.
    const pairs = Array.from({ length: 10 }, (_, i) => `(f${2 * i} or f${2 * i + 1})`).join(' and ');
    const a = analyzeText(vocabulary + flags + '\n' + statement('S1', `  rule huge when ${pairs} and stage != I then recommend chemo`));
    assert.deepEqual(codes(a).filter((c) => c === 'condition-too-complex'), ['condition-too-complex']);
  });

  it('checks a decision declared again under a taken name once, and lists it once', () => {
    const a = analyzeText(vocabulary + statement('S1', '  rule r when stage = I then recommend chemo') +
      Array.from({ length: 3 }, () => 'decision d { ask stage }').join('\n'));
    assert.deepEqual(codes(a).filter((c) => c.startsWith('decision-') || c === 'duplicate-name'), ['decision-gap', 'duplicate-name', 'duplicate-name']);
    assert.deepEqual(decisionTree(a).decisions.map((d) => d.name), ['d']);
  });

  it('neither checks nor draws a decision without a name', () => {
    // A syntax error whose body may be half read: twenty of them over every rule took seconds.
    const a = analyzeText(vocabulary + statement('S1', '  rule r when stage = I then recommend chemo') +
      Array.from({ length: 20 }, () => 'decision "Everything" {\n}').join('\n'));
    assert.ok(codes(a).includes('syntax'));
    assert.deepEqual(codes(a).filter((c) => c.startsWith('decision')), []);
    assert.deepEqual(decisionTree(a).decisions, []);
  });

  it('stops the gap checks of many decisions at a total budget, and says where', () => {
    // 300 decisions over 3,000 rules: each costs its rules and its regions (about 3,000), so
    // the 40,000 units the file's gap checks may spend run out part way.
    const flags = Array.from({ length: 3 }, (_, i) => `attribute f${i}: boolean\nintervention x${i}`).join('\n');
    const rules = Array.from({ length: 3000 }, (_, i) => `  rule r${i} when f${i % 3} and stage != I then recommend x${i % 3}`).join('\n');
    const decisions = Array.from({ length: 300 }, (_, i) => `decision d${i} { where f${i % 3} }`).join('\n');
    const a = analyzeText(`${vocabulary}${flags}\n${statement('S1', rules)}${decisions}`);
    const stopped = a.findings.filter((f) => f.code === 'decisions-not-checked');
    assert.equal(stopped.length, 1);
    const at = Number(/d(\d+)/.exec(a.source.text.slice(stopped[0].span.start, stopped[0].span.end))![1]);
    assert.ok(at > 10 && at < 300, `stopped at d${at}`);
    assert.match(stopped[0].message, new RegExp(`the ${300 - at - 1} after it are not checked`));
    // The decisions before it were checked: each has its gap (stage = I is never covered).
    const gapped = new Set(a.findings.filter((f) => f.code === 'decision-gap').map((f) => a.source.text.slice(f.span.start, f.span.end)));
    assert.equal(gapped.size, at);
  });

  it('cuts a tree that would explode short, says so, and stays within its work budget', function () {
    // A second or two alone; far more on a loaded machine. What is asserted is the work done.
    this.timeout(120_000);
    const flags = Array.from({ length: 24 }, (_, i) => `attribute f${i}: boolean\nintervention x${i}`).join('\n');
    const rules = Array.from({ length: 24 }, (_, i) => `  rule r${i} when f${i} then recommend x${i}`).join('\n');
    // A decision with no `ask` takes every rule: 24 independent ones, 2^24 regions.
    const a = analyzeText(`${flags}\n${statement('S1', rules)}decision all { where f0 or not f0 }`);
    assert.deepEqual(codes(a).filter((c) => c.startsWith('decision-')), ['decision-gap', 'decision-too-large']);
    // The work counted, not the time taken: past the budget each open path ends at its next
    // step, so at most one unit more per attribute on the path (24 here) is spent.
    const consistency = consistencyOf(a);
    const p = partitionOf(consistency, decisionsOf(consistency)[0]);
    assert.equal(p.truncated, true);
    assert.ok(p.regions <= defaultBudget + 24 + 1, `${p.regions} units of work for a budget of ${defaultBudget}`);
    const result = decisionTree(a);
    assert.equal(result.truncated, true);
    assert.match(treeText(result), /tree too large/);
  });

  it('analyses half-typed rules without throwing', () => {
    const texts = [
      vocabulary + 'statement S1 { rule r when stage = then recommend chemo }',
      vocabulary + 'statement S1 { rule r when (stage = I and then recommend }',
      vocabulary + 'statement S1 { rule r when stage in { I, then recommend chemo }\ndecision d { ask stage where }',
      vocabulary + 'case "c" { given stage = , age = 3 expect }',
      'decision d { ask }\ncase { }',
    ];
    for (const t of texts) {
      const a = analyzeText(t);
      assert.ok(!codes(a).includes('internal-error'), `${t}\n${diagnosticStrings(a).join('\n')}`);
      decisionTree(a);
    }
  });
});
