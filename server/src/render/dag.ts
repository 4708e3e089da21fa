// The tree as a graph: merged subtrees share an id, so each id becomes one node and every
// branch one edge (a DAG), and each shared subtree is drawn once.
import type { LeafNode, SplitNode, TreeNode } from '../protocol.js';

export interface TreeEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface TreeGraph {
  /** Unique nodes in first-visit (pre-order) order, which keeps branch order left to right. */
  nodes: TreeNode[];
  edges: TreeEdge[];
}

export function treeGraph(root: TreeNode | undefined): TreeGraph {
  const nodes: TreeNode[] = [];
  const edges: TreeEdge[] = [];
  if (!root) return { nodes, edges };
  const index = new Map<string, number>();
  // An explicit stack rather than recursion: deep trees must not overflow.
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const at = index.get(node.id);
    if (at !== undefined) {
      // A shared subtree may come as a bare reference (`ref`) first; its full copy wins.
      if (node.ref || !nodes[at].ref) continue;
      nodes[at] = node;
    } else {
      index.set(node.id, nodes.length);
      nodes.push(node);
    }
    if (node.kind !== 'split') continue;
    node.branches.forEach((branch, i) => {
      edges.push({ id: `${node.id}/${i}`, source: node.id, target: branch.node.id, label: branch.label });
    });
    for (let i = node.branches.length - 1; i >= 0; i--) stack.push(node.branches[i].node);
  }
  return { nodes, edges };
}

export function isLeaf(node: TreeNode): node is LeafNode {
  return node.kind === 'leaf';
}

export function isSplit(node: TreeNode): node is SplitNode {
  return node.kind === 'split';
}

/** Distinct nodes by kind: what the picture must show. */
export function countNodes(root: TreeNode | undefined): { splits: number; leaves: number; edges: number } {
  const graph = treeGraph(root);
  return {
    splits: graph.nodes.filter(isSplit).length,
    leaves: graph.nodes.filter(isLeaf).length,
    edges: graph.edges.length,
  };
}
