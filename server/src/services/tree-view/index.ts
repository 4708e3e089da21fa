// The decision tree with its reviewer's view: what the preview draws, `guideline tree`
// prints, and the `guideline/decisionTree` request returns.
import type * as A from '../../../../grammar/src/index.js';
import type { Analysis } from '../../pipeline/analysis.js';
import type { DecisionTreeResult } from '../../protocol.js';
import { decisionTree } from '../tree/compile.js';
import { buildView } from '../../render/view-build/build.js';
import { whereText } from './population.js';

/** `detail` builds every box's unfolded detail at once (`--detail`); the preview builds it as boxes unfold. */
export function decisionTreeView(analysis: Analysis, decisionName?: string, maxBoxes?: number, detail = false): DecisionTreeResult {
  const result = decisionTree(analysis, decisionName);
  if (result.error) return result;
  const decl = analysis.source.parse.ast.declarations.find(
    (d): d is A.DecisionDecl => d.kind === 'Decision' && d.name?.text === result.decision?.name,
  );
  const title = result.decision ? (result.decision.title ?? result.decision.name) : 'All rules (the file has no decision)';
  // A tree that is one empty leaf has no rules to show: the view says so in words, not as a gap.
  const ruleless = (t: typeof result.tree): boolean => t === undefined || (t.kind === 'leaf' && t.recommendations.length === 0);
  const built = buildView(ruleless(result.tree) ? undefined : result.tree, ruleless(result.outside) ? undefined : result.outside, { ask: result.ask ?? [], title, maxBoxes, detail });
  const { outside, ...view } = built;
  const population = decl?.where ? { text: whereText(decl.where, analysis), outside } : undefined;
  return { ...result, view: { ...view, population } };
}
