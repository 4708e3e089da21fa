// The decision tree as indented text for a terminal: each split asks about an attribute,
// each branch shows its values, each leaf lists its recommendations with their GRADE
// grading. Shared subtrees are printed in full wherever they occur.
import { certaintyLabel } from '../../model/vocabulary.js';
import type { DecisionTreeResult, LeafNode, LeafRecommendation, TreeNode } from '../../protocol.js';

export function recommendationLine(rec: LeafRecommendation): string {
  const verb = `${rec.verb}${rec.against ? ' against' : ''}`;
  const strength = rec.strength ?? (rec.verb === 'recommend' ? 'strong' : 'conditional');
  const level = (written: string | undefined, meaning: string): string => (written ? `${written} (${meaning})` : meaning);
  const grading = [
    rec.bestPractice ? `best practice, ${rec.against ? 'against' : 'for'}` : `${level(rec.strengthLevel, strength)} ${rec.against ? 'against' : 'for'}`,
    rec.certainty && !rec.bestPractice ? level(rec.certaintyLevel, certaintyLabel(rec.certainty)) : undefined,
    rec.agreement !== undefined ? `agreement ${Math.round(rec.agreement * 10) / 10}%` : undefined,
  ].filter((s): s is string => s !== undefined);
  const rules = rec.rules && rec.rules.length > 0 ? rec.rules.join(', ') : rec.rule;
  return `${verb} ${rec.intervention}${qualifiers(rec)}  [${rec.statement}: ${grading.join(', ')}; rule ${rules}]`;
}

/** ` over saline within 1 hour`: the comparator and the timing, as written. */
export function qualifiers(rec: LeafRecommendation): string {
  return `${rec.over && rec.over.length > 0 ? ` over ${rec.over.join(', ')}` : ''}${rec.timing ? ` ${rec.timing}` : ''}`;
}

function leafLines(leaf: LeafNode): string[] {
  const out: string[] = [];
  if (leaf.conflict) out.push('⚠ conflict: an intervention is recommended both for and against');
  if (leaf.gap) out.push('⚠ gap: no recommendation');
  if (leaf.truncated) out.push('… tree too large: rules covering only part of this branch are not shown');
  for (const rec of leaf.recommendations) out.push(`• ${recommendationLine(rec)}`);
  return out;
}

/** Splits that occur more than once: their first occurrence is marked, later ones refer back to it. */
function sharedSplits(root: TreeNode): Set<string> {
  const refs = new Set<string>();
  const walk = (n: TreeNode): void => {
    if (n.ref && n.kind === 'split') refs.add(n.id);
    if (n.kind === 'split') n.branches.forEach((b) => walk(b.node));
  };
  walk(root);
  return refs;
}

function nodeLines(root: TreeNode): string[] {
  const out: string[] = [];
  const shared = sharedSplits(root);
  const leaves = new Map<string, LeafNode>();
  const walk = (node: TreeNode, indent: string): void => {
    if (node.kind === 'leaf') {
      // A repeated leaf is short: print it again rather than send the reader elsewhere.
      const full = node.ref ? leaves.get(node.id) ?? node : node;
      if (!node.ref) leaves.set(node.id, node);
      for (const line of leafLines(full)) out.push(`${indent}${line}`);
      return;
    }
    const mark = shared.has(node.id) ? `  [#${node.id}]` : '';
    if (node.ref) {
      out.push(`${indent}${node.attribute}?  → as at [#${node.id}] above`);
      return;
    }
    out.push(`${indent}${node.attribute}?${mark}`);
    node.branches.forEach((b, i) => {
      const last = i === node.branches.length - 1;
      out.push(`${indent}${last ? '└─ ' : '├─ '}${b.label}`);
      walk(b.node, `${indent}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  return out;
}

export function treeText(result: DecisionTreeResult): string {
  const out: string[] = [];
  if (result.error) return `${result.error}\n`;
  out.push(result.decision ? `Decision ${result.decision.name}${result.decision.title ? `: ${result.decision.title}` : ''}` : 'Default tree (the file has no decision)');
  if (result.ask && result.ask.length > 0) out.push(`  ask: ${result.ask.join(', ')}`);
  if (result.where) out.push(`  where: ${result.where}`);
  if (result.hasErrors) out.push('  (the file has errors: the tree shows what could be analysed)');
  if (result.truncated) out.push('  (the tree reached its size limit: some branches are cut short)');
  out.push('');
  if (result.tree) for (const line of nodeLines(result.tree)) out.push(line);
  else out.push('No patient is in this decision\'s population.');
  return out.join('\n') + '\n';
}
