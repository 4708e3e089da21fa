// Where each node belongs left to right when the tree is read in its own order (branches
// as listed, enum order, low values first): leaves are numbered as a depth-first walk meets
// them and a split sits over the middle of its branches. The layout hands these hints to
// ELK, which then orders every layer by them instead of searching for an order.
import type { TreeNode } from '../protocol.js';
import type { TreeGraph } from './dag.js';

export function readingOrder(graph: TreeGraph): Map<string, number> {
  const order = new Map<string, number>();
  if (graph.nodes.length === 0) return order;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  let nextLeaf = 0;
  // When each node got its place, and when each split was entered: a split is placed over
  // the branches it reached first, not over shared subtrees placed elsewhere before it.
  const placedAt = new Map<string, number>();
  const enteredAt = new Map<string, number>();
  const place = (id: string, x: number): void => {
    order.set(id, x);
    placedAt.set(id, placedAt.size);
  };
  // Iterative post-order walk (deep trees must not overflow the stack).
  const stack: { id: string; expanded: boolean }[] = [{ id: graph.nodes[0].id, expanded: false }];
  while (stack.length > 0) {
    const { id, expanded } = stack.pop()!;
    const node = byId.get(id);
    if (!node || order.has(id)) continue;
    if (node.kind === 'leaf' || node.branches.length === 0) {
      place(id, nextLeaf++);
      continue;
    }
    if (!expanded) {
      if (enteredAt.has(id)) continue; // met again before it finished: only a cycle does that
      enteredAt.set(id, placedAt.size);
      stack.push({ id, expanded: true });
      for (let i = node.branches.length - 1; i >= 0; i--) stack.push({ id: node.branches[i].node.id, expanded: false });
      continue;
    }
    const since = enteredAt.get(id)!;
    const xs = node.branches.filter((b) => (placedAt.get(b.node.id) ?? -1) >= since).map((b) => order.get(b.node.id)!);
    // Splits over the same shared subtrees would tie; the later one goes a hair right.
    place(id, (xs.length > 0 ? (Math.min(...xs) + Math.max(...xs)) / 2 : nextLeaf++) + order.size * 1e-6);
  }
  return order;
}

/**
 * Each node's layer: one below its deepest parent (the longest path from the root), so
 * every branch points down. Given as y hints, they spare ELK the search for layers.
 */
export function depths(nodes: readonly TreeNode[]): Map<string, number> {
  // `nodes` is in pre-order (see treeGraph), which for a DAG is not yet a topological
  // order, so relax until nothing deepens; trees settle in one pass.
  const depth = new Map<string, number>();
  if (nodes.length > 0) depth.set(nodes[0].id, 0);
  for (let changed = true, rounds = 0; changed && rounds <= nodes.length; rounds++) {
    changed = false;
    for (const node of nodes) {
      const d = depth.get(node.id);
      if (d === undefined || node.kind !== 'split') continue;
      for (const b of node.branches) {
        if ((depth.get(b.node.id) ?? -1) < d + 1) {
          depth.set(b.node.id, d + 1);
          changed = true;
        }
      }
    }
  }
  return depth;
}
