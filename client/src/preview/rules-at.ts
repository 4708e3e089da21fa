// Which rules the editor's cursor is in, from the tree the preview already has: every
// recommendation carries its rule's source range. Plain data only, no vscode import.
import type { DecisionTreeResult, LeafRecommendation, TreeNode } from '../../../server/src/protocol.js';

export function rulesAt(result: DecisionTreeResult, uri: string, line: number, character: number): string[] {
  const found = new Set<string>();
  const inside = (r: LeafRecommendation): boolean => {
    const s = r.source;
    if (!s || s.uri !== uri) return false;
    const { start, end } = s.range;
    const after = line > start.line || (line === start.line && character >= start.character);
    const before = line < end.line || (line === end.line && character <= end.character);
    return after && before;
  };
  const seen = new Set<string>();
  const walk = (n: TreeNode): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    if (n.kind === 'leaf') for (const r of n.recommendations) if (inside(r)) found.add(r.rule);
    if (n.kind === 'split') n.branches.forEach((b) => walk(b.node));
  };
  if (result.tree) walk(result.tree);
  if (result.outside) walk(result.outside);
  return [...found];
}
