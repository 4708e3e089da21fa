// A folded box's detail is built when the reader unfolds it, not with the view: expanding
// it on demand gives what building everything at once gives, box for box.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { ViewNode } from '../../server/src/protocol.js';
import { buildView, expandDetail } from '../../server/src/render/view-build/build.js';
import { viewLines } from '../../server/src/render/view-text.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { fileUrl, samplesDir } from '../helpers.js';
import { bigTree } from '../render/big-tree.js';

function count(v: ViewNode | undefined, pick: (v: ViewNode) => boolean): number {
  if (!v) return 0;
  return (pick(v) ? 1 : 0) + v.children.reduce((s, c) => s + count(c, pick), 0) + (v.detail ? count(v.detail, pick) : 0);
}

/** The boxes of the folded view by id. */
function boxes(root: ViewNode): Map<string, ViewNode> {
  const out = new Map<string, ViewNode>();
  const walk = (v: ViewNode): void => {
    out.set(v.id, v);
    v.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Every rule a box and what it unfolds into mention, in recommendations or additions. */
function rulesUnder(v: ViewNode, out = new Set<string>()): string[] {
  for (const r of [...v.recommendations, ...v.additions.flatMap((a) => a.recommendations)]) for (const x of r.rules ?? [r.rule]) out.add(x);
  for (const c of (v.detail ?? v).children) rulesUnder(c, out);
  if (v.detail) rulesUnder({ ...v.detail, children: [] }, out);
  return [...out].sort();
}

describe('detail built on unfolding', () => {
  it('the roadmap: every box expanded on demand prints as the view built with all its detail', () => {
    const analysis = new Workspace().analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')))!;
    const lazy = decisionTreeView(analysis, 'roadmap');
    const eager = decisionTreeView(analysis, 'roadmap', undefined, true);
    // Only merged look-alike branches carry their detail from the start (it is their own boxes, regrouped).
    assert.ok(count(lazy.view?.root, (v) => v.unfolds === true && v.detail === undefined) > 0, 'some boxes wait to be unfolded');
    assert.ok(JSON.stringify(lazy.view).length < JSON.stringify(eager.view).length / 2, 'the view sent is less than half the size');
    expandDetail(lazy.tree, lazy.outside, lazy.view?.root, 'all');
    expandDetail(lazy.tree, lazy.outside, lazy.view?.population?.outside, 'all');
    // Box by box, the unfolded detail gives the same rules, and the folded view is unchanged.
    const lazyBoxes = boxes(lazy.view!.root!);
    const eagerBoxes = boxes(eager.view!.root!);
    assert.deepEqual(viewLines(lazy.view!.root!, false), viewLines(eager.view!.root!, false));
    let compared = 0;
    for (const [id, v] of eagerBoxes) {
      const l = lazyBoxes.get(id);
      if (!v.detail || !l?.detail) continue;
      compared++;
      assert.deepEqual(rulesUnder(l.detail), rulesUnder(v.detail), id);
    }
    assert.ok(compared > 3, `${compared} boxes compared`);
    assert.deepEqual(rulesUnder(lazy.view!.population!.outside!), rulesUnder(eager.view!.population!.outside!));
  });

  it('a 500-leaf tree: one box unfolded is that box\'s detail, the others stay folded and unbuilt', () => {
    const tree = bigTree(500).tree;
    const ask = ['attribute_0', 'attribute_1', 'attribute_2', 'attribute_3'];
    const lazy = buildView(tree, undefined, { ask, title: 't' });
    const eager = buildView(tree, undefined, { ask, title: 't', detail: true });
    const folded: ViewNode[] = [];
    const walk = (v: ViewNode): void => {
      if (v.unfolds && !v.detail) folded.push(v);
      v.children.forEach(walk);
    };
    walk(lazy.root!);
    assert.ok(folded.length > 2);
    const target = folded[1];
    expandDetail(tree, undefined, lazy.root, new Set([target.id]));
    assert.ok(target.detail);
    assert.equal(folded.filter((v) => v.detail !== undefined).length, 1);
    const find = (v: ViewNode): ViewNode | undefined => (v.id === target.id ? v : v.children.map(find).find((x) => x));
    assert.deepEqual(viewLines(target.detail, false), viewLines(find(eager.root!)!.detail!, false));
  });
});
