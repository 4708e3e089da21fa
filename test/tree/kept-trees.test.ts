// What an analysis keeps of its decision trees: a tree is the largest thing the deep stage
// builds, so once the gap check has read it, it is dropped, unless a reader asked to see
// that decision (the preview's next request then finds it built).
import * as assert from 'node:assert/strict';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { keptPartitions } from '../../server/src/logic/partition/decision.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { MemoryHost, memUri } from '../helpers.js';
import { statement } from '../consistency/support.js';

const text = `
enum Stage { I, II, III }
attribute stage: Stage
attribute age: years
intervention surgery
intervention chemo
${statement('S1', '  rule r1 when stage = I then recommend surgery\n  rule r2 when age >= 65 years then recommend chemo')}
decision keptFirst { ask stage }
decision keptSecond { ask age }
`;

describe('decision trees kept with an analysis', () => {
  const uri = memUri('kept-trees.guideline');

  it('keeps no tree after the deep stage, and only the viewed one afterwards', () => {
    const ws = new Workspace(new MemoryHost({ 'kept-trees.guideline': text }));
    const first = ws.analysis(uri)!;
    assert.equal(first.stage, 'analysed');
    // The gap check built both trees (a gap finding needs them) and kept neither.
    assert.ok(first.findings.some((f) => f.code === 'decision-gap'));
    assert.equal(keptPartitions(consistencyOf(first)), 0);

    const shown = decisionTree(first, 'keptSecond');
    assert.ok(shown.tree);
    assert.equal(keptPartitions(consistencyOf(first)), 1);

    // The next version (a threshold changed, so the deep checks run again): the deep stage
    // keeps the tree of the decision on view, and that one only.
    ws.update(uri, text.replace('age >= 65 years', 'age >= 70 years'), 1);
    const second = ws.analysis(uri)!;
    assert.equal(keptPartitions(consistencyOf(second)), 1);
    const again = decisionTree(second, 'keptSecond');
    assert.equal(keptPartitions(consistencyOf(second)), 1);
    assert.notDeepEqual(again.tree, shown.tree);
    assert.match(JSON.stringify(again.tree), /70/);
  });
});
