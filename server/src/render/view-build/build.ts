// The reviewer's view of a decision tree, built from the partition's tree (the one the gap
// and conflict checks use, so the two never disagree):
// - hoist: a recommendation every leaf of a subtree gives is shown once, at its root;
// - fold: splits on attributes the decision does not ask about become conditional
//   additions of one box ("if Child-Pugh class A, age < 65 years: + suggest ALPPS"); the
//   unfolded splits are built only when asked for (`unfolds`, then `expandDetail`), since
//   a reader opens a few boxes and building them all was most of the view's cost;
// - a tree, not a DAG: shared subtrees are copied under each parent, and a large one that
//   recurs in the same context is drawn once and referred to by a lettered marker.
// When even the asked questions make too many boxes (thousands of leaves), the deepest
// asked levels are folded too, and the view says how much.
import type { LeafNode, LeafRecommendation, SplitNode, TreeNode, TreeView, ViewAddition, ViewNode } from '../../protocol.js';
import { recKey } from './keys.js';
import { compactAdditions } from './compact.js';
import { simplify } from './merge.js';
import { branchText, conditionText, dependingText, nameText, questionText } from '../words.js';

export interface ViewOptions {
  /** The decision's `ask`: splits on other attributes are folded. */
  ask: readonly string[];
  title: string;
  /** Most boxes the default view draws before it folds asked levels as well. */
  maxBoxes?: number;
  /** Most boxes an outcome's unfolded detail may have. */
  maxDetail?: number;
  /** Build every box's unfolded detail now (`--detail`), rather than on unfolding. */
  detail?: boolean;
}

export const defaultMaxBoxes = 120;
const defaultMaxDetail = 400;
const outsideMaxBoxes = 8;
/** A shared subtree with at least this many boxes is drawn once, then referred to. */
const markerMinBoxes = 5;
const maxTraced = 12;
/** A recommendation that holds on more paths than this is summarised by the attributes deciding it. */
const maxPaths = 2;


type Recs = Map<string, LeafRecommendation>;

function mergeRec(into: Recs, r: LeafRecommendation): void {
  const known = into.get(recKey(r));
  if (!known) {
    into.set(recKey(r), { ...r, rules: [...(r.rules ?? [r.rule])] });
    return;
  }
  const rules = new Set([...(known.rules ?? [known.rule]), ...(r.rules ?? [r.rule])]);
  known.rules = [...rules];
}

export function buildView(tree: TreeNode | undefined, outside: TreeNode | undefined, options: ViewOptions): Omit<TreeView, 'population'> & { outside?: ViewNode } {
  return viewBuilder(tree, outside, options).view();
}

/**
 * Gives the boxes of `root` whose ids are in `ids` (or every box, for `'all'`) their unfolded
 * detail, in place, as `buildView` with `detail` would have: what the preview does when the
 * reader unfolds a box. `tree` and `outside` are the partition's trees the view was built from.
 */
export function expandDetail(tree: TreeNode | undefined, outside: TreeNode | undefined, root: ViewNode | undefined, ids: ReadonlySet<string> | 'all', options: Pick<ViewOptions, 'maxDetail'> = {}): void {
  if (!root) return;
  let builder: ReturnType<typeof viewBuilder> | undefined;
  const wanted = (id: string): boolean => ids === 'all' || ids.has(id);
  // What is hoisted above a box is what its ancestors show: the set its detail leaves out.
  const stack: { v: ViewNode; above: ReadonlySet<string> }[] = [{ v: root, above: new Set() }];
  while (stack.length > 0) {
    const { v, above } = stack.pop()!;
    if (v.unfolds && !v.detail && wanted(v.id)) {
      builder ??= viewBuilder(tree, outside, { ask: [], title: '', ...options });
      v.detail = builder.detailOf(v, above);
    }
    const shown = v.detail && wanted(v.id) ? v.detail : v;
    const below = new Set([...above, ...shown.recommendations.map(recKey)]);
    for (const c of shown.children) stack.push({ v: c, above: below });
  }
}

function viewBuilder(tree: TreeNode | undefined, outside: TreeNode | undefined, options: ViewOptions) {
  const full = new Map<string, TreeNode>();
  const register = (root: TreeNode): void => {
    const stack = [root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (!n.ref && !full.has(n.id)) full.set(n.id, n);
      if (n.kind === 'split') for (const b of n.branches) stack.push(b.node);
    }
  };
  if (tree) register(tree);
  if (outside) register(outside);
  const real = (n: TreeNode): TreeNode => (n.ref ? full.get(n.id) ?? n : n);
  const asked = new Set(options.ask);
  const maxBoxes = options.maxBoxes ?? defaultMaxBoxes;
  const maxDetail = options.maxDetail ?? defaultMaxDetail;

  // ---- What every leaf below a node gives, and how many leaves there are (memoised by id).
  const commons = new Map<string, Recs>();
  const common = (n0: TreeNode): Recs => {
    const n = real(n0);
    let c = commons.get(n.id);
    if (c) return c;
    c = new Map();
    if (n.kind === 'leaf') for (const r of n.recommendations) mergeRec(c, r);
    else {
      const subs = n.branches.map((b) => common(b.node));
      if (subs.length > 0) {
        for (const [key, r] of subs[0]) {
          if (subs.every((s) => s.has(key))) {
            mergeRec(c, r);
            for (const s of subs) mergeRec(c, s.get(key)!);
          }
        }
      }
    }
    commons.set(n.id, c);
    return c;
  };
  const leafCounts = new Map<string, number>();
  const leafCount = (n0: TreeNode): number => {
    const n = real(n0);
    let k = leafCounts.get(n.id);
    if (k === undefined) leafCounts.set(n.id, (k = n.kind === 'leaf' ? 1 : n.branches.reduce((s, b) => s + leafCount(b.node), 0)));
    return k;
  };
  const flags = new Map<string, { gap: boolean; conflict: boolean; truncated: boolean }>();
  const flagsOf = (n0: TreeNode): { gap: boolean; conflict: boolean; truncated: boolean } => {
    const n = real(n0);
    let f = flags.get(n.id);
    if (f) return f;
    if (n.kind === 'leaf') f = { gap: n.gap, conflict: n.conflict, truncated: n.truncated === true };
    else {
      const subs = n.branches.map((b) => flagsOf(b.node));
      f = { gap: subs.some((s) => s.gap), conflict: subs.some((s) => s.conflict), truncated: subs.some((s) => s.truncated) };
    }
    flags.set(n.id, f);
    return f;
  };

  // ---- How many asked levels fit: boxes of the view cut after `levels` asked splits.
  const boxesAt = new Map<string, number>();
  const boxesWithin = (n0: TreeNode, levels: number): number => {
    const n = real(n0);
    if (n.kind === 'leaf' || !asked.has(n.attribute) || levels === 0) return 1;
    const key = `${n.id}@${levels}`;
    let k = boxesAt.get(key);
    if (k === undefined) boxesAt.set(key, (k = 1 + n.branches.reduce((s, b) => s + boxesWithin(b.node, levels - 1), 0)));
    return k;
  };
  const askedDepths = new Map<string, number>();
  const askedDepth = (n0: TreeNode): number => {
    const n = real(n0);
    if (n.kind === 'leaf' || !asked.has(n.attribute)) return 0;
    let d = askedDepths.get(n.id);
    if (d === undefined) askedDepths.set(n.id, (d = 1 + Math.max(0, ...n.branches.map((b) => askedDepth(b.node)))));
    return d;
  };
  const depthAll = Math.max(tree ? askedDepth(tree) : 0, outside ? askedDepth(outside) : 0);
  let levels = depthAll;
  while (levels > 1 && tree && boxesWithin(tree, levels) > maxBoxes) levels--;
  // Those outside the population are a side note: a few boxes, the rest folded.
  let outsideLevels = depthAll;
  while (outsideLevels > 1 && outside && boxesWithin(outside, outsideLevels) > outsideMaxBoxes) outsideLevels--;

  // ---- Conditional additions: for each recommendation beyond the base, the paths where it holds.
  const attrWords = (s: SplitNode) => ({ name: s.attribute, description: s.attributeLabel, type: s.attributeType });
  // Labels are the branch's words where its members have descriptions (`described`), else its values.
  type Reduced = { key: string; holds?: boolean; split?: SplitNode; branches?: { labels: string[]; described: boolean; sub: Reduced }[] };
  const additionsOf = (root: TreeNode, base: Recs): ViewAddition[] => {
    const extra: Recs = new Map();
    const collect = (n0: TreeNode, seen: Set<string>): void => {
      const n = real(n0);
      if (seen.has(n.id)) return;
      seen.add(n.id);
      if (n.kind === 'leaf') {
        for (const r of n.recommendations) if (!base.has(recKey(r))) mergeRec(extra, r);
      } else n.branches.forEach((b) => collect(b.node, seen));
    };
    collect(root, new Set());
    const groups = new Map<string, ViewAddition>();
    // Past a dozen, the rest are listed together rather than traced one by one (huge trees).
    const traced = [...extra].slice(0, maxTraced);
    const rest = [...extra.values()].slice(maxTraced);
    if (rest.length > 0) groups.set('', { conditions: ['in some cases'], subjects: [''], recommendations: rest });
    for (const [key, rec] of traced) {
      const memo = new Map<string, Reduced>();
      const reduce = (n0: TreeNode): Reduced => {
        const n = real(n0);
        const known = memo.get(n.id);
        if (known) return known;
        let out: Reduced;
        if (n.kind === 'leaf') {
          const holds = n.recommendations.some((r) => recKey(r) === key);
          out = { key: holds ? 'T' : 'F', holds };
        } else {
          const merged: { labels: string[]; described: boolean; sub: Reduced }[] = [];
          for (const b of n.branches) {
            const sub = reduce(b.node);
            const same = merged.find((m) => m.sub.key === sub.key);
            if (same) {
              same.labels.push(b.words ?? b.label);
              same.described ||= b.words !== undefined;
            } else merged.push({ labels: [b.words ?? b.label], described: b.words !== undefined, sub });
          }
          out = merged.length === 1 ? merged[0].sub : { key: `${n.attribute}(${merged.map((m) => `${m.labels.join('|')}>${m.sub.key}`).join(',')})`, split: n, branches: merged };
        }
        memo.set(n.id, out);
        return out;
      };
      const reduced = reduce(root);
      const paths: { text: string; subject: string }[][] = [];
      const tested = new Map<string, SplitNode>();
      const walk = (r: Reduced, path: { text: string; subject: string }[]): void => {
        if (r.holds) paths.push(path);
        if (!r.split || !r.branches) return;
        tested.set(r.split.attribute, r.split);
        const words = attrWords(r.split);
        for (const b of r.branches) walk(b.sub, [...path, { text: conditionText(words, b.labels.join(' or '), b.described), subject: nameText(words) }]);
      };
      walk(reduced, []);
      let conditionSets = paths;
      if (paths.length > maxPaths) {
        // Too many combinations to list: what they share, and which attributes decide the rest.
        const shared = paths[0].filter((c) => paths.every((p) => p.some((x) => x.text === c.text)));
        const names = [...tested.values()].map((t) => nameText(attrWords(t)));
        conditionSets = [[...shared, { text: dependingText(names, paths.length), subject: names.join(', ') }]];
      }
      for (const p of conditionSets) {
        const id = p.map((c) => c.text).join('\u0000');
        const g = groups.get(id);
        if (g) g.recommendations.push(rec);
        else groups.set(id, { conditions: p.map((c) => c.text), subjects: p.map((c) => c.subject), recommendations: [rec] });
      }
    }
    return [...groups.values()].sort((a, b) => a.conditions.length - b.conditions.length);
  };

  // ---- The view itself.
  let boxes = 0;
  let foldedLeaves = 0;
  const without = (recs: Recs, above: ReadonlySet<string>): LeafRecommendation[] => [...recs.values()].filter((r) => !above.has(recKey(r)));
  const sourcesOf = (n: TreeNode): LeafNode['sources'] => n.sources;

  const outcome = (n: TreeNode, id: string, branch: string | undefined, above: ReadonlySet<string>, withDetail: boolean): ViewNode => {
    const base = common(n);
    const f = flagsOf(n);
    const leaf = n.kind === 'leaf' ? n : undefined;
    const node: ViewNode = {
      id,
      node: n.id,
      kind: 'outcome',
      branch,
      recommendations: without(base, above),
      children: [],
      additions: leaf ? [] : additionsOf(n, base),
      leaves: leafCount(n),
      gap: f.gap && base.size === 0,
      conflict: f.conflict,
      truncated: f.truncated,
      example: leaf?.example,
      sources: leaf ? leaf.sources : sourcesOf(n),
    };
    if (!leaf && withDetail && detailBoxes(n) <= maxDetail) {
      if (options.detail) node.detail = question(n as SplitNode, id, branch, above, Infinity, false);
      else node.unfolds = true;
    }
    return node;
  };
  const detailSizes = new Map<string, number>();
  const detailBoxes = (n0: TreeNode): number => {
    const n = real(n0);
    let k = detailSizes.get(n.id);
    if (k === undefined) detailSizes.set(n.id, (k = n.kind === 'leaf' ? 1 : Math.min(1e9, 1 + n.branches.reduce((s, b) => s + detailBoxes(b.node), 0))));
    return k;
  };

  const question = (n: SplitNode, id: string, branch: string | undefined, above: ReadonlySet<string>, left: number, fold: boolean): ViewNode => {
    const here = common(n);
    const below = new Set([...above, ...here.keys()]);
    return simplify({
      id,
      node: n.id,
      kind: 'question',
      branch,
      attribute: n.attribute,
      attributeType: n.attributeType,
      question: questionText(attrWords(n)),
      description: n.attributeLabel,
      recommendations: without(here, above),
      children: n.branches.map((b, i) => convert(b.node, `${id}.${i}`, branchText(b.words ?? b.label), below, left - 1, fold)),
      additions: [],
      leaves: leafCount(n),
      gap: false,
      conflict: false,
      truncated: false,
      sources: n.sources,
    }, fold);
  };

  const convert = (n0: TreeNode, id: string, branch: string | undefined, above: ReadonlySet<string>, left: number, fold: boolean): ViewNode => {
    const n = real(n0);
    if (n.kind === 'leaf') return outcome(n, id, branch, above, false);
    if (fold && (!asked.has(n.attribute) || left <= 0)) return outcome(n, id, branch, above, true);
    return question(n, id, branch, above, left, fold);
  };

  /** Large repeats in the same context become markers; counts boxes and folded leaves. */
  const finish = (root: ViewNode): void => {
    const seen = new Map<string, ViewNode>();
    let letter = 0;
    const size = (v: ViewNode): number => 1 + v.children.reduce((s, c) => s + size(c), 0);
    const visit = (v: ViewNode, context: string): ViewNode => {
      if (v.kind === 'question') {
        const key = `${v.node}#${context}`;
        const first = seen.get(key);
        if (first && size(v) >= markerMinBoxes) {
          first.marker ??= String.fromCharCode(65 + (letter++ % 26)) + (letter > 26 ? String(Math.floor((letter - 1) / 26)) : '');
          boxes++;
          return { ...v, kind: 'marker', children: [], recommendations: [], marker: first.marker, refersTo: first.id };
        }
        if (!first) seen.set(key, v);
      }
      boxes++;
      if (v.kind === 'outcome' && v.additions.length + (v.detail || v.unfolds ? 1 : 0) > 0) foldedLeaves += v.leaves - 1;
      v.additions = compactAdditions(v.additions);
      const inner = `${context}+${v.recommendations.map(recKey).join(',')}`;
      v.children = v.children.map((c) => visit(c, inner));
      return v;
    };
    visit(root, '');
  };

  /** The unfolded detail of a folded box, given what is hoisted above it. */
  const detailOf = (v: ViewNode, above: ReadonlySet<string>): ViewNode | undefined => {
    const n = full.get(v.node);
    return n && n.kind === 'split' ? question(n, v.id, v.branch, above, Infinity, false) : undefined;
  };

  const view = (): Omit<TreeView, 'population'> & { outside?: ViewNode } => {
  const root = tree ? convert(tree, 'v', undefined, new Set(), levels, true) : undefined;
  if (root) finish(root);
  const counted = boxes;
  const foldedInside = foldedLeaves;
  const outsideView = outside ? convert(outside, 'o', undefined, new Set(), outsideLevels, true) : undefined;
  if (outsideView) finish(outsideView);
  const foldedLevels = depthAll - levels;
  const note =
    foldedLevels > 0
      ? `The tree is large: the last ${foldedLevels} of ${depthAll} asked levels are folded into their boxes (${foldedInside} leaves folded). Unfold a box to see its part.`
      : undefined;
  return { title: options.title, root, outside: outsideView, boxes: counted, folded: { leaves: foldedInside, levels: foldedLevels, note } };
  };
  return { view, detailOf };
}
