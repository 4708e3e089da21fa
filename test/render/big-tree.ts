// A generated decision tree of a chosen number of leaves, shaped like a real guideline's:
// splits of two to four branches, leaves of one to three graded recommendations, every
// tenth leaf a gap and every seventeenth a conflict.
import type { DecisionTreeResult, LeafNode, LeafRecommendation, SplitNode, TreeNode } from '../../server/src/protocol.js';

const uri = 'file:///generated/big.guideline';
const certainties = ['high', 'moderate', 'low', 'very_low'] as const;
const interventions = ['conversion_therapy', 'resection', 'haic', 'tki_ici', 'mdt_discussion', 'second_line_systemic'];

function recommendation(i: number, j: number): LeafRecommendation {
  const strong = (i + j) % 3 !== 0;
  return {
    rule: `rule_${i}_${j}`,
    statement: `S${(i % 16) + 1}`,
    statementTitle: `Statement ${(i % 16) + 1}`,
    verb: strong ? 'recommend' : 'suggest',
    against: (i + j) % 5 === 0,
    intervention: interventions[(i + j) % interventions.length],
    strength: strong ? 'strong' : 'conditional',
    certainty: certainties[(i + j) % certainties.length],
    agreement: 80 + ((i * 7 + j) % 20),
    source: { uri, range: { start: { line: i, character: 2 }, end: { line: i, character: 20 } } },
  };
}

export function bigTree(leafCount: number): DecisionTreeResult {
  let leaves = 0;
  let splits = 0;
  const makeLeaf = (): LeafNode => {
    const i = leaves++;
    const gap = i % 10 === 9;
    const recommendations = gap ? [] : Array.from({ length: 1 + (i % 3) }, (_, j) => recommendation(i, j));
    return { kind: 'leaf', id: `leaf${i}`, recommendations, gap, conflict: !gap && i % 17 === 16, sources: [] };
  };
  // Splits a budget of leaves among two to four children, depth first.
  const build = (budget: number, depth: number): TreeNode => {
    if (budget <= 1) return makeLeaf();
    const fanOut = Math.min(budget, 2 + (depth % 3));
    const shares = Array.from({ length: fanOut }, (_, k) => Math.floor(budget / fanOut) + (k < budget % fanOut ? 1 : 0));
    const split: SplitNode = {
      kind: 'split',
      id: `split${splits++}`,
      attribute: `attribute_${depth}`,
      attributeLabel: `Attribute at depth ${depth}`,
      branches: shares.map((share, k) => ({ label: depth % 2 === 0 ? `value_${k}` : `< ${10 * (k + 1)}%`, node: build(share, depth + 1) })),
      sources: [],
    };
    return split;
  };
  return { uri, decisions: [{ name: 'big' }], decision: { name: 'big' }, hasErrors: false, tree: build(leafCount, 0) };
}
