// Two simplifications of the view that keep every recommendation and its conditions:
// - siblings that differ only in their conditional additions become one branch ("IIb,
//   IIIa", as Figure 2 groups them), each addition that is not common to all of them
//   gaining the branch as a condition ("if CNLC stage IIIa, portal vein tumour thrombus");
// - a question whose answers all lead to the same recommendations for everyone is folded
//   into one box, its answers becoming conditions of the additions.
// What was merged or folded stays in `detail`, so a click unfolds it.
import type { LeafRecommendation, ViewAddition, ViewNode } from '../../protocol.js';
import { recKey } from './keys.js';
import { conditionText, nameText } from '../words.js';

/** Structure and what everyone gets, additions left out. */
function skeleton(v: ViewNode): string {
  const recs = v.recommendations.map(recKey).join(',');
  const flags = `${v.gap ? 'g' : ''}${v.conflict ? 'c' : ''}${v.truncated ? 't' : ''}`;
  if (v.kind !== 'question') return `${v.kind}[${recs}]${flags}`;
  return `${v.attribute}[${recs}](${v.children.map((c) => `${c.branch}=${skeleton(c)}`).join(';')})`;
}

function additionKey(a: ViewAddition): string {
  return `${a.conditions.join('\u0000')}=>${a.recommendations.map(recKey).join(',')}`;
}

/** The additions of `lists` (one per branch), those not common to all conditioned on their branches. */
function combineAdditions(lists: ViewAddition[][], labels: string[], parent: ViewNode): ViewAddition[] {
  const byKey = new Map<string, { a: ViewAddition; at: number[] }>();
  lists.forEach((list, i) => {
    for (const a of list) {
      const k = additionKey(a);
      const known = byKey.get(k);
      if (known) known.at.push(i);
      else byKey.set(k, { a, at: [i] });
    }
  });
  const words = { name: parent.attribute ?? '', description: parent.description, type: parent.attributeType };
  return [...byKey.values()].map(({ a, at }) =>
    at.length === lists.length
      ? a
      : { conditions: [conditionText(words, at.map((i) => labels[i]).join(' or ')), ...a.conditions], subjects: [nameText(words), ...a.subjects], recommendations: a.recommendations },
  );
}

function mergeRecs(lists: LeafRecommendation[][]): LeafRecommendation[] {
  return lists[0].map((r, j) => {
    const rules = new Set(lists.flatMap((l) => l[j]?.rules ?? [l[j]?.rule ?? r.rule]));
    return { ...r, rules: [...rules] };
  });
}

/** Nodes of one skeleton, reached by branches `labels` of `parent`, as one node. */
function mergeNodes(nodes: ViewNode[], labels: string[], parent: ViewNode): ViewNode {
  const first = nodes[0];
  const merged: ViewNode = {
    ...first,
    branch: labels.join(', '),
    recommendations: mergeRecs(nodes.map((n) => n.recommendations)),
    leaves: nodes.reduce((s, n) => s + n.leaves, 0),
    sources: nodes.flatMap((n) => n.sources),
  };
  if (first.kind === 'question') {
    // Below a merge each box keeps its own branch; the parent's answers go into the additions.
    merged.children = first.children.map((c, j) => ({ ...mergeNodes(nodes.map((n) => n.children[j]), labels, parent), branch: c.branch }));
    return merged;
  }
  merged.additions = combineAdditions(
    nodes.map((n) => n.additions),
    labels,
    parent,
  );
  merged.detail = {
    ...merged,
    kind: 'question',
    attribute: parent.attribute,
    attributeType: parent.attributeType,
    question: parent.question,
    description: parent.description,
    additions: [],
    detail: undefined,
    children: nodes.map((n, i) => ({ ...(n.detail ?? n), id: `${first.id}~${i}`, branch: labels[i], recommendations: [] })),
    branch: first.branch,
  };
  return merged;
}

/** Merges look-alike siblings, then folds the question if its answers no longer matter to everyone. */
export function simplify(v: ViewNode, enabled: boolean): ViewNode {
  if (!enabled || v.kind !== 'question' || v.children.length < 2) return v;
  const groups = new Map<string, ViewNode[]>();
  for (const c of v.children) {
    const k = skeleton(c);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  if (groups.size < v.children.length) {
    v.children = [...groups.values()].map((g) => (g.length === 1 ? g[0] : mergeNodes(g, g.map((c) => c.branch ?? ''), v)));
  }
  const outcomes = v.children.every((c) => c.kind === 'outcome');
  if (outcomes && groups.size === 1 && v.children.length === 1) return foldInto(v, v.children[0]);
  return v;
}

/** A question all of whose answers merged into one outcome: the outcome, in the question's place. */
function foldInto(question: ViewNode, only: ViewNode): ViewNode {
  return {
    ...only,
    id: question.id,
    node: question.node,
    branch: question.branch,
    recommendations: [...question.recommendations, ...only.recommendations],
    sources: [...question.sources, ...only.sources],
    detail: { ...(only.detail ?? only), id: question.id, branch: question.branch, recommendations: [...question.recommendations, ...(only.detail ?? only).recommendations] },
  };
}
