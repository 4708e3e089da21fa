// Gaps in each decision of this file: patients in its population (`where`) for whom no rule
// of the decision recommends anything. The witnesses are the gap leaves of the decision's
// tree; the first few are reported, each with its patient.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { consistencyOf, type Consistency } from '../logic/engine.js';
import { decisionGaps, type DecisionGaps } from '../logic/consistency/gaps.js';
import { witnessText } from '../logic/witness.js';
import { contradiction, unsatisfiableCore } from '../logic/consistency/dead.js';
import { decisionsOf, isViewed, specOf, type TreeSpec } from '../logic/partition/decision.js';
import { specFingerprint } from '../logic/partition/fingerprint.js';
import { defaultBudget } from '../logic/partition/partition.js';
import { conditionOf } from '../logic/condition.js';

const shown = 5;

/**
 * The work all of a file's gap checks may do in one analysis: two decisions' trees at
 * their own limit, about half a second. Each decision costs its regions and its
 * rules (sorting them into the tree's first state is work even when the tree is small), so
 * many decisions over many rules stop here instead of running for seconds. (The bench's
 * 2,000 rules in 79 decisions take about 12,000 units in all.)
 */
export const totalGapBudget = 2 * defaultBudget;

/**
 * The last gap results of a document's decisions, by name, with the fingerprint of what
 * they were found from, carried from version to version: an edit that leaves a decision's
 * rules and population as they were (a rule of another decision, a case, prose) finds them
 * here instead of building the tree again. Not for a decision on view, whose tree the deep
 * stage builds for the preview anyway.
 */
type Remembered = Map<string, { readonly fingerprint: string; readonly result: DecisionGaps }>;
const rememberedLimit = 256;

function rememberedOf(analysis: ResolvedDocument): Remembered | undefined {
  const carried = analysis.carried;
  if (!carried) return undefined;
  let found = carried.get('decision gaps') as Remembered | undefined;
  if (!found) carried.set('decision gaps', (found = new Map()));
  return found;
}

/** How often a decision's gaps were found anew and taken from the version before (for tests). */
export const gapStats = { built: 0, reused: 0 };

function gapsOf(c: Consistency, decision: A.DecisionDecl, spec: TreeSpec, key: string): DecisionGaps {
  const remembered = rememberedOf(c.analysis);
  // A decision on view is built anyway (the preview wants its tree): no fingerprint to spell.
  if (!remembered || isViewed(c, decision)) return decisionGaps(c, decision, shown);
  const fingerprint = specFingerprint(c.scope, spec);
  const known = remembered.get(key);
  if (known && known.fingerprint === fingerprint) {
    gapStats.reused++;
    return { ...known.result, decision };
  }
  gapStats.built++;
  const result = decisionGaps(c, decision, shown);
  remembered.delete(key);
  remembered.set(key, { fingerprint, result });
  if (remembered.size > rememberedLimit) remembered.delete(remembered.keys().next().value!);
  return result;
}

export function checkDecisionGaps(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  const c = consistencyOf(analysis);
  const decisions = decisionsOf(c);
  let spent = 0;
  for (const [i, decision] of decisions.entries()) {
    const span = decision.name ?? decision.span;
    const name = decision.name?.text ?? 'this decision';
    if (spent >= totalGapBudget) {
      const rest = decisions.length - i;
      report({
        severity: 'information',
        code: 'decisions-not-checked',
        uri: analysis.uri,
        span,
        message: `${rest === 1 ? `Decision \`${name}\` is` : `This decision and the ${rest - 1} after it are`} not checked for gaps: the file's decisions passed the limit of the work gap checks may do (${totalGapBudget} units); view ${rest === 1 ? 'its tree' : 'their trees'} one at a time, or narrow them with \`where\``,
      });
      return;
    }
    const spec = specOf(c, decision);
    spent += spec.rules.length;
    if (decision.where && !spec.populationProblem && spec.population.length === 0) {
      const text = analysis.source.text;
      const written = (e: { span: { start: number; end: number } }): string => text.slice(e.span.start, e.span.end).replace(/\s+/g, ' ');
      const alone = conditionOf(decision.where, c.scope, c.known);
      const why = alone.ok && alone.boxes.length > 0
        ? `\`${written(decision.where)}\` holds for no patient the assumptions admit`
        : contradiction(unsatisfiableCore(decision.where, c.scope, c.known).map(written));
      report({
        severity: 'warning',
        code: 'decision-empty',
        uri: analysis.uri,
        span: decision.where.span,
        message: `No patient meets the \`where\` of decision \`${name}\`: ${why}`,
      });
      continue;
    }
    const result = gapsOf(c, decision, spec, decision.name?.text ?? `#${i}`);
    spent += result.regions;
    result.gaps.forEach((gap, i) => {
      const more = i === shown - 1 && result.total > shown ? ` (and ${result.total - shown} more branches of the tree with no recommendation)` : '';
      report({
        severity: 'warning',
        code: 'decision-gap',
        uri: analysis.uri,
        span,
        message: `No rule of decision \`${name}\` recommends anything for ${witnessText(gap.witness)}${more}`,
        data: { witness: gap.witness },
      });
    });
    if (result.truncated) {
      report({
        severity: 'information',
        code: 'decision-too-large',
        uri: analysis.uri,
        span,
        message: `The tree of decision \`${name}\` passed its size limit (${result.regions} regions): branches past it are cut short and not checked for gaps; narrow it with \`where\` or split it into several decisions`,
      });
    }
  }
}
