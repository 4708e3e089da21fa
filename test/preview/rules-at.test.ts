// Editor and preview in sync: the cursor in any rule lights up every box where that rule
// gives something (its leaves, a hoisted band, a conditional addition), and the cursor
// elsewhere in a statement lights up the boxes of all its rules.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { rulesAt } from '../../client/src/preview/rules-at.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { DecisionTreeResult } from '../../server/src/protocol.js';
import { highlightedBoxes } from '../../server/src/render/view-highlight.js';
import { drawnBoxes } from '../../server/src/render/view-layout.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { fileUrl, samplesDir } from '../helpers.js';

const file = path.join(samplesDir, 'hcc-conversion-2021.guideline');

describe('the cursor in a rule or statement highlights its boxes', () => {
  const uri = fileUrl(file);
  const result = decisionTreeView(new Workspace().analysis(uri)!, 'roadmap');
  const drawn = drawnBoxes(result.view!.root, new Set(), false);
  const inTree = new Set<string>();
  const collect = (n: DecisionTreeResult['tree']): void => {
    if (!n) return;
    if (n.kind === 'leaf') for (const r of n.recommendations) for (const x of r.rules ?? [r.rule]) inTree.add(x);
    else n.branches.forEach((b) => collect(b.node));
  };
  collect(result.tree);

  it('finds every rule of the tree from a cursor inside it, not only the first rule of each recommendation', () => {
    const rules = result.rules!.filter((r) => inTree.has(r.rule));
    assert.ok(rules.length > 10, `${rules.length} rules`);
    for (const r of rules) {
      const { line, character } = r.source.range.start;
      assert.deepEqual(rulesAt(result, r.source.uri, line, character + 1), [r.rule], r.rule);
    }
    // Without the locations, a rule that is never the first to give its recommendation is lost.
    const bare = { ...result, rules: undefined };
    const missed = rules.filter((r) => rulesAt(bare, r.source.uri, r.source.range.start.line, r.source.range.start.character + 1).length === 0);
    assert.ok(missed.length > 0, 'the sample has rules the first-rule lookup misses');
  });

  it('lights up at least one drawn box for every rule of the tree, hoisted bands and additions included', () => {
    const dark = [...inTree].filter((rule) => highlightedBoxes(drawn, [rule]).length === 0);
    assert.deepEqual(dark, []);
    const bands = drawn.filter((d) => d.view.kind === 'question' && d.view.recommendations.length > 0);
    assert.ok(bands.length > 0, 'the roadmap has a hoisted band');
    const bandRule = bands[0].view.recommendations[0].rules?.[0] ?? bands[0].view.recommendations[0].rule;
    assert.ok(highlightedBoxes(drawn, [bandRule]).includes(bands[0].view.id));
  });

  it('takes a cursor in a statement outside its rules as all its rules, and one outside any statement as none', () => {
    const r = result.rules!.find((x) => x.statementSource && result.rules!.filter((y) => y.statement === x.statement).length >= 2)!;
    const s = r.statementSource!.range.start;
    const all = result.rules!.filter((x) => x.statement === r.statement).map((x) => x.rule).sort();
    assert.deepEqual(rulesAt(result, r.source.uri, s.line, s.character + 1).sort(), all);
    const lit = new Set(all.flatMap((rule) => highlightedBoxes(drawn, [rule])));
    assert.deepEqual(highlightedBoxes(drawn, all).sort(), [...lit].sort());
    assert.deepEqual(rulesAt(result, r.source.uri, 0, 0), []);
    assert.deepEqual(rulesAt(result, 'file:///elsewhere.guideline', s.line, s.character + 1), []);
  });
});
