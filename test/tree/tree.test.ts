// The decision tree: split order, numeric cuts at the rules' thresholds, splits only where
// the outcome depends on the attribute, shared subtrees, gap and conflict leaves, sources,
// and what `guideline tree` prints.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LeafNode, SplitNode, TreeNode } from '../../server/src/protocol.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { treeText } from '../../server/src/services/tree/text.js';
import { analyzeText, repoRoot } from '../helpers.js';
import { statement } from '../consistency/support.js';

const vocabulary = `
enum Stage { I, II, III, IV }
attribute stage: Stage "Tumour stage"
attribute resectable: boolean
attribute flr: percent
attribute age: years
intervention surgery
intervention chemo
intervention pve
`;

const rules = statement('S1', `
  rule operate when resectable and stage in { I, II } and flr >= 30% then recommend surgery
  rule grow_liver when resectable and stage in { I, II } and flr < 30% then recommend pve
  rule systemic when stage in { III, IV } then recommend chemo`, 'section "Treatment"');

function split(node: TreeNode | undefined): SplitNode {
  assert.equal(node?.kind, 'split');
  return node as SplitNode;
}
function leaf(node: TreeNode | undefined): LeafNode {
  assert.equal(node?.kind, 'leaf');
  return node as LeafNode;
}
/** The tree as nested [attribute, [label, subtree]...] / leaf summaries, for whole-shape assertions. */
function shape(node: TreeNode): unknown {
  if (node.kind === 'leaf') return [node.gap ? 'GAP' : node.conflict ? 'CONFLICT' : 'LEAF', ...node.recommendations.map((r) => `${r.verb}${r.against ? ' against' : ''} ${r.intervention}`)];
  return [node.attribute, ...node.branches.map((b) => [b.label, shape(b.node)])];
}

describe('decision tree', () => {
  it('splits on the ask attributes in order, then the rest, and only where the outcome depends on them', () => {
    const a = analyzeText(vocabulary + rules + 'decision d "Path" { ask stage, age, resectable }');
    const result = decisionTree(a);
    assert.deepEqual(result.decision, { name: 'd', title: 'Path' });
    assert.deepEqual(result.ask, ['stage', 'age', 'resectable']);
    // `age` is asked but no rule depends on it: no split on it.
    assert.deepEqual(shape(result.tree!), ['stage',
      ['I, II', ['resectable',
        ['no', ['GAP']],
        ['yes', ['flr', ['< 30%', ['LEAF', 'recommend pve']], ['≥ 30%', ['LEAF', 'recommend surgery']]]]]],
      ['III, IV', ['LEAF', 'recommend chemo']],
    ]);
  });

  it('follows a different ask order', () => {
    const a = analyzeText(vocabulary + rules + 'decision d { ask resectable, stage }');
    const tree = split(decisionTree(a).tree);
    assert.equal(tree.attribute, 'resectable');
    assert.deepEqual(tree.branches.map((b) => [b.label, (b.node as SplitNode).attribute]), [['no', 'stage'], ['yes', 'stage']]);
  });

  it('leaves out the patients outside `where` and marks gaps and conflicts', () => {
    const old = (when: string) => analyzeText(vocabulary + rules + statement('S2', `  rule never_old when ${when} then recommend against surgery`) +
      'decision d { ask stage, resectable  where stage != IV }');
    // A rule that tests none of the decision's attributes is not part of its tree.
    assert.doesNotMatch(treeText(decisionTree(old('age >= 80 years'))), /conflict/);
    const a = old('resectable and age >= 80 years');
    const result = decisionTree(a);
    assert.equal(result.where, 'stage != IV');
    const tree = split(result.tree);
    assert.deepEqual(tree.branches.map((b) => b.label), ['I, II', 'III']);
    const text = treeText(result);
    assert.match(text, /⚠ conflict: an intervention is recommended both for and against/);
    assert.match(text, /⚠ gap: no recommendation/);
  });

  it('gives each leaf its recommendations with statement, verb, strength, certainty, agreement, rules and source', () => {
    const a = analyzeText(vocabulary + rules + 'decision d { ask stage }');
    const tree = split(decisionTree(a).tree);
    const late = leaf(tree.branches[1].node);
    assert.deepEqual({ ...late.recommendations[0], source: undefined }, {
      rule: 'systemic', statement: 'S1', statementTitle: undefined, verb: 'recommend', against: false, intervention: 'chemo',
      strength: 'strong', certainty: 'high', agreement: 90, source: undefined, rules: ['systemic'],
    });
    assert.deepEqual(late.recommendations[0].source?.range, { start: { line: 13, character: 2 }, end: { line: 13, character: 62 } });
    assert.equal(late.gap, false);
    assert.equal(late.example, 'stage = III');
    // The split keeps the rules that test its attribute here.
    assert.deepEqual(tree.sources.map((s) => s.range.start.line), [11, 12, 13]);
  });

  it('cuts numeric attributes at the rules\' thresholds, with open and closed ends', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule young when age < 18 years then recommend chemo
  rule adult when age between 18 years and 65 years then recommend surgery
  rule old when age > 65 years then recommend pve`));
    const tree = split(decisionTree(a).tree);
    assert.equal(decisionTree(a).decision, undefined, 'a file with no decision gets the default tree');
    assert.deepEqual(tree.branches.map((b) => b.label), ['< 18 years', '≥ 18 years and ≤ 65 years', '> 65 years']);
  });

  it('merges identical subtrees: one id, later copies sent as references', () => {
    const a = analyzeText(vocabulary + statement('S1', `
  rule a1 when stage = I and resectable then recommend surgery
  rule a2 when stage = III and resectable then recommend surgery
  rule b when stage = II and flr < 30% then recommend pve
  rule c when stage = IV and flr < 30% then recommend pve`) + 'decision d { ask stage }');
    const tree = split(decisionTree(a).tree);
    // I and III lead to the same subtree, so do II and IV: two branches, not four.
    assert.deepEqual(tree.branches.map((b) => b.label), ['I, III', 'II, IV']);
    const b = analyzeText(vocabulary + statement('S1', `
  rule a when stage = I and resectable then recommend surgery
  rule b when stage = II and resectable and flr < 30% then recommend pve
  rule c when stage = II and not resectable and flr < 30% then recommend pve`) + 'decision d { ask stage, resectable }');
    const t = split(decisionTree(b).tree);
    const ii = split(t.branches.find((x) => x.label === 'II')!.node);
    // Under II both resectable branches would be the same flr split: merged away.
    assert.equal(ii.attribute, 'flr');
    // A shared subtree is sent once in full, then as a reference with the same id.
    const c = analyzeText(vocabulary + statement('S1', `
  rule x when stage = I and resectable and flr < 30% then recommend pve
  rule y when stage = II and flr < 30% then recommend pve
  rule z when stage = I and not resectable then recommend chemo`) + 'decision d { ask stage, resectable }');
    const ct = split(decisionTree(c).tree);
    const ids: string[] = [];
    const refs: string[] = [];
    const walk = (n: TreeNode): void => {
      (n.ref ? refs : ids).push(n.id);
      if (n.kind === 'split') n.branches.forEach((x) => walk(x.node));
    };
    walk(ct);
    assert.ok(refs.length > 0, JSON.stringify(shape(ct)));
    for (const r of refs) assert.ok(ids.includes(r), 'a reference follows its full node');
    assert.equal(new Set(ids).size, ids.length, 'each node is sent in full once');
  });

  it('reports an unknown decision and lists the decisions', () => {
    const a = analyzeText(vocabulary + rules + 'decision first { ask stage }\ndecision second { ask resectable }');
    const result = decisionTree(a, 'thrid');
    assert.equal(result.error, 'No decision `thrid` in this file (its decisions: `first`, `second`)');
    assert.deepEqual(result.decisions.map((d) => d.name), ['first', 'second']);
    assert.equal(split(decisionTree(a, 'second').tree).attribute, 'resectable');
  });

  it('guideline tree prints the tree as text or JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-tree-'));
    try {
      fs.writeFileSync(path.join(dir, 'g.guideline'), vocabulary + rules + 'decision d "Path" { ask stage, resectable }\ndecision other { ask resectable }\n');
      const cli = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const text = cli(['tree', 'g.guideline', '--format', 'text']);
      assert.equal(text.status, 0, text.stderr);
      // The reviewer's view: flr is not asked, so its split is folded into the box.
      assert.equal(text.stdout, [
        'Path',
        '',
        'Tumour stage?',
        '├─ I, II: Resectable?',
        '│  ├─ no: ⚠ no recommendation',
        '│  └─ yes: in some cases:',
        '│        + Recommend pve (S1 ↑↑ ⊕⊕⊕⊕) if flr < 30%; Recommend surgery (S1 ↑↑ ⊕⊕⊕⊕) if flr ≥ 30%',
        '└─ III, IV: Recommend chemo (S1 ↑↑ ⊕⊕⊕⊕)',
        '',
        'Strength: ↑↑ strong for · ↑ conditional for · ↓ conditional against · ↓↓ strong against',
        'Certainty of evidence: ⊕⊕⊕⊕ high · ⊕⊕⊕◯ moderate · ⊕⊕◯◯ low · ⊕◯◯◯ very low',
        '',
      ].join('\n'));
      const detail = cli(['tree', 'g.guideline', '--detail']);
      assert.equal(detail.stdout.split('\n').slice(5, 8).join('\n'), [
        '│  └─ yes: Flr?',
        '│     ├─ < 30%: Recommend pve (S1 ↑↑ ⊕⊕⊕⊕)',
        '│     └─ ≥ 30%: Recommend surgery (S1 ↑↑ ⊕⊕⊕⊕)',
      ].join('\n'));
      const json = JSON.parse(cli(['tree', 'g.guideline', '--decision', 'other', '--format', 'json']).stdout) as { decision: { name: string }; tree: SplitNode };
      assert.equal(json.decision.name, 'other');
      assert.equal(json.tree.attribute, 'resectable');
      const missing = cli(['tree', 'g.guideline', '--decision', 'nope']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /No decision nope in this file \(its decisions: d, other\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
