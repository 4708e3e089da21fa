// The tree's layout: shared subtrees drawn once, branches in the tree's order, no boxes
// overlapping, edges that join the boxes they connect, and large trees laid out quickly.
import * as assert from 'node:assert/strict';
import type { LeafNode, SplitNode, TreeNode } from '../../server/src/protocol.js';
import { countNodes, treeGraph } from '../../server/src/render/dag.js';
import { layoutTree, type Box, type Scene } from '../../server/src/render/layout.js';
import { bigTree } from './big-tree.js';
import { treeFixture } from './fixtures.js';

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function boxes(scene: Scene): Box[] {
  return [...scene.nodes, ...scene.edges.flatMap((e) => (e.labelBox ? [e.labelBox] : []))];
}

const leaf = (id: string): LeafNode => ({ kind: 'leaf', id, recommendations: [], gap: true, conflict: false, sources: [] });

describe('decision tree layout', () => {
  it('draws a shared subtree once, whether its full copy or a reference comes first', () => {
    const full: SplitNode = { kind: 'split', id: 'shared', attribute: 'age', branches: [{ label: '< 65 years', node: leaf('a') }, { label: '≥ 65 years', node: leaf('b') }], sources: [] };
    const ref: SplitNode = { kind: 'split', id: 'shared', attribute: 'age', branches: [], sources: [], ref: true };
    for (const [first, second] of [[full, ref], [ref, full]]) {
      const root: TreeNode = { kind: 'split', id: 'root', attribute: 'stage', branches: [{ label: 'I', node: first }, { label: 'II', node: second }], sources: [] };
      const graph = treeGraph(root);
      assert.deepEqual(graph.nodes.map((n) => n.id).sort(), ['a', 'b', 'root', 'shared']);
      assert.equal(graph.edges.length, 4);
      assert.equal((graph.nodes.find((n) => n.id === 'shared') as SplitNode).branches.length, 2);
    }
  });

  it('counts the roadmap fixture: 15 splits, 11 distinct leaves, 32 branches', () => {
    assert.deepEqual(countNodes(treeFixture('roadmap').tree), { splits: 15, leaves: 11, edges: 32 });
  });

  it('places every node and label without overlaps, branches left to right in order', async () => {
    const result = treeFixture('roadmap');
    const scene = await layoutTree(result.tree);
    assert.equal(scene.nodes.length, 26);
    assert.equal(scene.edges.length, 32);
    const all = boxes(scene);
    for (let i = 0; i < all.length; i++) {
      assert.ok(all[i].width > 0 && all[i].height > 0);
      assert.ok(all[i].x >= 0 && all[i].y >= 0 && all[i].x + all[i].width <= scene.width && all[i].y + all[i].height <= scene.height);
      for (let j = i + 1; j < all.length; j++) assert.ok(!overlaps(all[i], all[j]), `boxes ${i} and ${j} overlap`);
    }
    // Siblings that only their parent reaches keep the order the tree lists them in.
    const at = new Map(scene.nodes.map((n) => [n.node.id, n]));
    const parents = new Map<string, number>();
    for (const e of scene.edges) parents.set(e.target, (parents.get(e.target) ?? 0) + 1);
    let checked = 0;
    for (const n of scene.nodes) {
      if (n.node.kind !== 'split') continue;
      const own = n.node.branches.map((b) => b.node.id).filter((id) => parents.get(id) === 1);
      for (let i = 1; i < own.length; i++) {
        assert.ok(at.get(own[i - 1])!.x < at.get(own[i])!.x, `${own[i - 1]} should be left of ${own[i]}`);
        checked++;
      }
    }
    assert.equal(checked, 8);
  });

  it('joins each edge to its boxes: out of the parent at the bottom, into the child at the top', async () => {
    const scene = await layoutTree(treeFixture('roadmap').tree);
    const at = new Map(scene.nodes.map((n) => [n.node.id, n]));
    for (const edge of scene.edges) {
      const from = at.get(edge.source)!;
      const to = at.get(edge.target)!;
      const start = edge.paths[0][0];
      const last = edge.paths[edge.paths.length - 1];
      const end = last[last.length - 1];
      assert.ok(Math.abs(start.y - (from.y + from.height)) < 1 && start.x >= from.x && start.x <= from.x + from.width, `edge ${edge.id} leaves its parent`);
      assert.ok(Math.abs(end.y - to.y) < 1 && end.x >= to.x && end.x <= to.x + to.width, `edge ${edge.id} reaches its child`);
      assert.ok(edge.labelBox, `edge ${edge.id} has its label`);
    }
  });

  it('lays out nothing for no tree', async () => {
    assert.deepEqual(await layoutTree(undefined), { width: 0, height: 0, nodes: [], edges: [] });
  });

  it('lays out a tree of 500 leaves, every leaf placed once (its time is in npm run bench)', async function () {
    this.timeout(120_000);
    const tree = bigTree(500).tree;
    assert.equal(countNodes(tree).leaves, 500);
    const scene = await layoutTree(tree);
    const leaves = scene.nodes.filter((n) => n.node.kind === 'leaf');
    assert.ok(leaves.length >= 500, `${leaves.length} leaves drawn`);
    assert.ok(scene.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)) && scene.width > 0 && scene.height > 0);
  });
});
