// Which rules the editor's cursor is in, from the tree the preview already has: the result
// lists where each rule and its statement are written. In a rule, that rule; elsewhere in
// a statement (its text, grading, header), every rule of it. Plain data only, no vscode import.
import type { DecisionTreeResult, LeafRecommendation, SourceRange, TreeNode } from '../../../server/src/protocol.js';

function contains(s: SourceRange | undefined, uri: string, line: number, character: number): boolean {
  if (!s || s.uri !== uri) return false;
  const { start, end } = s.range;
  const after = line > start.line || (line === start.line && character >= start.character);
  const before = line < end.line || (line === end.line && character <= end.character);
  return after && before;
}

export function rulesAt(result: DecisionTreeResult, uri: string, line: number, character: number): string[] {
  if (result.rules) {
    const inRule = result.rules.filter((r) => contains(r.source, uri, line, character));
    if (inRule.length > 0) return [...new Set(inRule.map((r) => r.rule))];
    const statements = new Set(result.rules.filter((r) => contains(r.statementSource, uri, line, character)).map((r) => r.statement));
    return [...new Set(result.rules.filter((r) => statements.has(r.statement)).map((r) => r.rule))];
  }
  // A result without locations (an older server): the first rule of each recommendation.
  const found = new Set<string>();
  const inside = (r: LeafRecommendation): boolean => contains(r.source, uri, line, character);
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
