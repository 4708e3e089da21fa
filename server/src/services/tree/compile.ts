// The decision tree as the typed protocol shapes it (server/src/protocol.ts): what the
// preview draws, `guideline tree` prints, and the `guideline/decisionTree` request returns.
// Built from the same partition as the gap check. Shared subtrees keep one id and one
// object, so a renderer can draw them once.
import type * as A from '../../../../grammar/src/index.js';
import type { Analysis } from '../../pipeline/analysis.js';
import type { ResolvedDocument } from '../../model/document.js';
import type { Span } from '../../../../grammar/src/index.js';
import { pickPoint } from '../../logic/box.js';
import { consistencyOf, type Consistency } from '../../logic/engine.js';
import { recKey, type RuleInfo } from '../../logic/rules.js';
import { witnessOf, witnessText } from '../../logic/witness.js';
import { exprText } from '../../model/expr-text.js';
import type { DecisionSummary, DecisionTreeResult, LeafNode, LeafRecommendation, RuleLocation, SourceRange, SplitNode, TreeNode } from '../../protocol.js';
import { decisionsOf, outsidePartitionOf, partitionOf, type DecisionPartition } from '../../logic/partition/decision.js';
import { branchLabel, branchWords } from './labels.js';
import { rulesGiving, type OutcomeEntry, type PNode } from '../../logic/partition/partition.js';
import { leafRegion } from '../../logic/partition/paths.js';
import type { Grading } from '../../model/grading.js';

/** Errors that leave rules or names out of the tree: syntax, names, types, files. */
const incompleteCodes = new Set([
  'unresolved-name', 'unresolved-member', 'unknown-type', 'duplicate-name', 'missing-file', 'use-cycle',
  'type-mismatch', 'unit-mismatch', 'unknown-unit', 'quantity-out-of-range', 'not-a-condition', 'invalid-operator',
]);

export function decisionTree(analysis: Analysis, decisionName?: string): DecisionTreeResult {
  const consistency = consistencyOf(analysis);
  const decisions = decisionsOf(consistency);
  const summaries: DecisionSummary[] = decisions.filter((d) => d.name).map(summary);
  const hasErrors =
    analysis.program.files.some((f) => f.parse.errors.some((e) => e.code !== 'symbolic-operator')) ||
    analysis.findings.some((f) => f.severity === 'error' && incompleteCodes.has(f.code)) ||
    consistency.ruleSet.skipped.length > 0;
  const base = { uri: analysis.uri, decisions: summaries, hasErrors };
  let decision: A.DecisionDecl | undefined;
  if (decisionName !== undefined) {
    decision = decisions.find((d) => d.name?.text === decisionName);
    if (!decision) {
      const names = summaries.map((s) => `\`${s.name}\``).join(', ');
      return { ...base, error: `No decision \`${decisionName}\` in this file${names ? ` (its decisions: ${names})` : ''}` };
    }
  } else decision = decisions[0];
  const p = partitionOf(consistency, decision, undefined, true);
  const outsidePartition = p.root ? outsidePartitionOf(consistency, decision) : undefined;
  const tree = p.root ? toProtocol(p, consistency) : undefined;
  const outside = outsidePartition?.root ? toProtocol(outsidePartition, consistency, 'o') : undefined;
  return {
    ...base,
    decision: decision ? summary(decision) : undefined,
    hasErrors: hasErrors || p.spec.populationProblem,
    tree: tree?.tree,
    ask: p.spec.order.map((a) => consistency.scope.attrs[a].name),
    where: decision?.where ? exprText(decision.where) : undefined,
    outside: outside?.tree,
    truncated: p.truncated || tree?.cut || outside?.cut || undefined,
    rules: ruleLocations(consistency),
  };
}

function ruleLocations(consistency: Consistency): RuleLocation[] {
  const { analysis, ruleSet } = consistency;
  return ruleSet.rules.flatMap((r) => {
    const source = sourceRange(analysis, r.uri, r.decl.span);
    if (!source) return [];
    const statementSource = sourceRange(analysis, r.uri, r.statement.span);
    return [{ rule: r.name, statement: r.statementName, source, ...(statementSource ? { statementSource } : {}) }];
  });
}

function summary(d: A.DecisionDecl): DecisionSummary {
  return { name: d.name?.text ?? '', title: d.title?.value };
}

export function sourceRange(analysis: ResolvedDocument, uri: string, span: Span): SourceRange | undefined {
  const lines = analysis.program.files.find((f) => f.uri === uri)?.lines;
  return lines ? { uri, range: lines.range(span) } : undefined;
}

/** Of nested windows for the same recommendation, only the tightest shows (`within 1 hour` inside `within 3 hours`). */
function tightest(outcome: readonly OutcomeEntry[]): OutcomeEntry[] {
  return outcome.filter((o) => {
    const w = o.rec.timing;
    return !w || !outcome.some((p) => {
      const v = p.rec.timing;
      return p !== o && v && recKey(p.rec) === recKey(o.rec) && v.low >= w.low && v.high <= w.high && (v.low > w.low || v.high < w.high);
    });
  });
}

/**
 * Most nodes a tree shows. Past what a reader can follow (the samples' trees have 140
 * to 290), it keeps a pathological rule set's tree, its transfer and its drawing small: the
 * nodes nearest the root are shown, and the rest are cut-short leaves.
 */
export const MAX_SHOWN_NODES = 500;

/** The distinct nodes within the first `limit` of a breadth-first walk from the root, or undefined when all fit. */
function nearestNodes(root: PNode, limit: number): Set<PNode> | undefined {
  const seen = new Set<PNode>([root]);
  const queue: PNode[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (node.kind !== 'split') continue;
    for (const b of node.branches) {
      if (seen.has(b.node)) continue;
      if (seen.size >= limit) return seen;
      seen.add(b.node);
      queue.push(b.node);
    }
  }
  return undefined;
}

function toProtocol(p: DecisionPartition, consistency: Consistency, prefix = 'n'): { tree: TreeNode; cut: boolean } {
  const { analysis, scope, ruleSet } = consistency;
  const made = new Map<number, TreeNode>();
  const shown = nearestNodes(p.root!, MAX_SHOWN_NODES);
  const ruleSource = (r: RuleInfo): SourceRange | undefined => sourceRange(analysis, r.uri, r.decl.span);
  const sources = (rules: Iterable<number>): SourceRange[] =>
    [...rules].sort((a, b) => a - b).map((i) => ruleSource(ruleSet.rules[i])).filter((s): s is SourceRange => s !== undefined);

  const convert = (node: PNode): TreeNode => {
    const done = made.get(node.id);
    if (done) return done;
    let out: TreeNode;
    if (shown && !shown.has(node)) {
      out = { kind: 'leaf', id: `${prefix}${node.id}`, recommendations: [], gap: false, conflict: false, sources: [], truncated: true };
    } else if (node.kind === 'leaf') {
      const recommendations = tightest(node.outcome).map((o): LeafRecommendation => {
        const rules = rulesGiving(node, o);
        const first = rules[0];
        const g = first.grading;
        const interventionLabel = analysis.symbols.lookup(o.rec.intervention, 'intervention')?.decl.description?.value;
        return {
          rule: first.name,
          statement: first.statementName,
          statementTitle: first.statement.title?.value,
          verb: o.rec.verb,
          against: o.rec.against,
          intervention: o.rec.intervention,
          ...(interventionLabel !== undefined ? { interventionLabel } : {}),
          ...(o.rec.timing ? { timing: o.rec.timing.text } : {}),
          ...(o.rec.over ? { over: [...o.rec.over] } : {}),
          strength: g.strength,
          certainty: g.certainty,
          ...schemeLevels(g),
          agreement: g.agreement,
          source: ruleSource(first),
          rules: rules.map((r) => r.name),
        };
      });
      const leaf: LeafNode = {
        kind: 'leaf',
        id: `${prefix}${node.id}`,
        recommendations,
        gap: node.gap,
        conflict: node.conflict,
        sources: sources(node.outcome.flatMap((o) => rulesGiving(node, o).map((r) => r.index))),
        example: witnessText(witnessOf(pickPoint(leafRegion(node, p.spec.population), scope), scope, p.spec.order)),
      };
      if (node.truncated) leaf.truncated = true;
      out = leaf;
    } else {
      const attr = scope.attrs[node.attr];
      const split: SplitNode = {
        kind: 'split',
        id: `${prefix}${node.id}`,
        attribute: attr.name,
        attributeLabel: attr.description,
        attributeType: attr.type.kind === 'boolean' ? 'boolean' : attr.type.kind === 'enum' ? 'enum' : 'number',
        branches: node.branches.map((b) => {
          const words = branchWords(attr, b.dom);
          return { label: branchLabel(attr, b.dom), ...(words !== undefined ? { words } : {}), node: convert(b.node) };
        }),
        sources: sources(node.rules),
      };
      const where = p.spec.decision?.where;
      if (node.population && where) {
        const s = sourceRange(analysis, analysis.uri, where.span);
        if (s) split.sources.push(s);
      }
      out = split;
    }
    made.set(node.id, out);
    return out;
  };
  // Recursion is safe: a path splits on each attribute at most once.
  return { tree: sendOnce(convert(p.root!)), cut: shown !== undefined };
}

/** The tree with each shared subtree in full at its first occurrence in pre-order and a `ref` copy after. */
export function sendOnce(root: TreeNode): TreeNode {
  const sent = new Set<string>();
  const emit = (node: TreeNode): TreeNode => {
    if (sent.has(node.id)) {
      return node.kind === 'split'
        ? { kind: 'split', id: node.id, attribute: node.attribute, attributeLabel: node.attributeLabel, branches: [], sources: [], ref: true }
        : { kind: 'leaf', id: node.id, recommendations: [], gap: node.gap, conflict: node.conflict, sources: [], ref: true };
    }
    sent.add(node.id);
    return node.kind === 'split' ? { ...node, branches: node.branches.map((b) => ({ ...b, node: emit(b.node) })) } : node;
  };
  return emit(root);
}

/** The scheme's own words for a leaf, only where they are not GRADE's (so GRADE leaves stay as they were). */
function schemeLevels(g: Grading): Pick<LeafRecommendation, 'strengthLevel' | 'certaintyLevel' | 'bestPractice'> {
  return {
    ...(g.written.strength !== g.strength && g.written.strength ? { strengthLevel: g.written.strength } : {}),
    ...(g.written.certainty !== g.certainty && g.written.certainty ? { certaintyLevel: g.written.certainty } : {}),
    ...(g.kind === 'best_practice' ? { bestPractice: true } : {}),
  };
}
