// Regions of the finished tree: the path to each leaf, as a box of patients, for
// witnesses and examples.
import { meet, type Box, type Constraint } from '../box.js';
import type { PLeaf, PNode } from './nodes.js';

/** A region of patients of the population who reach this leaf: its path within a population box. */
export function leafRegion(leaf: PLeaf, population: readonly Box[]): Box {
  for (const p of population) {
    const m = meet(leaf.region, p);
    if (m) return m;
  }
  return leaf.region;
}

/**
 * The regions (root-to-leaf paths, each within a population box) that end at a leaf
 * matching `wanted`: the first `limit` of them in tree order, and how many there are.
 */
export function pathsTo(root: PNode | undefined, population: readonly Box[], wanted: (leaf: PLeaf) => boolean, limit: number): { regions: Box[]; total: number } {
  const regions: Box[] = [];
  if (!root) return { regions, total: 0 };
  const counts = new Map<number, number>();
  const count = (node: PNode): number => {
    let n = counts.get(node.id);
    if (n === undefined) {
      n = node.kind === 'leaf' ? (wanted(node) ? 1 : 0) : node.branches.reduce((sum, b) => sum + count(b.node), 0);
      counts.set(node.id, n);
    }
    return n;
  };
  const walk = (node: PNode, path: Constraint[]): void => {
    if (regions.length >= limit || count(node) === 0) return;
    if (node.kind === 'leaf') {
      regions.push(leafRegion({ ...node, region: [...path].sort((a, b) => a.attr - b.attr) }, population));
      return;
    }
    for (const b of node.branches) walk(b.node, [...path, { attr: node.attr, dom: b.dom }]);
  };
  walk(root, []);
  return { regions, total: count(root) };
}

/** Each leaf's region: the constraints on the first path that reaches it. Returns the leaves in tree order. */
export function recordRegions(root: PNode): PLeaf[] {
  const leaves: PLeaf[] = [];
  const seen = new Set<number>();
  // The path as a linked list: copied into a box only at a leaf.
  interface Step { readonly c: Constraint; readonly up?: Step }
  const walk = (node: PNode, path: Step | undefined): void => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    if (node.kind === 'leaf') {
      const box: Constraint[] = [];
      for (let s = path; s; s = s.up) box.push(s.c);
      // Sorted, then copied to its exact size: the tree keeps it.
      node.region = box.sort((a, b) => a.attr - b.attr).slice();
      leaves.push(node);
      return;
    }
    for (const b of node.branches) walk(b.node, { c: { attr: node.attr, dom: b.dom }, up: path });
  };
  walk(root, undefined);
  return leaves;
}
