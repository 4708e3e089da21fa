// The checks that run after name resolution, each a plain function over the analysis that
// reports findings. A check that throws is a bug: it is reported as one finding and the
// other checks still run, so one faulty check never hides the rest or kills the server.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { checkFields } from './fields.js';
import { checkRepeatedFields } from './repeated-fields.js';
import { checkGradingSchemes } from './grading.js';
import { checkTypes } from './types.js';
import { checkMethodology } from './methodology.js';
import { checkAgreement } from './agreement.js';
import { checkUnused } from './unused.js';
import { checkRuleConsistency } from './rule-consistency.js';
import { checkDecisionGaps } from './decision-gaps.js';
import { checkCases } from './cases.js';
import { checkEmptySets } from './empty-sets.js';
import { checkIdentifiers } from './identifiers.js';
import { checkOverrides } from './overrides.js';
import { checkTiming } from './timing.js';
import { checkAssumptions } from './assumptions.js';

export type Check = (analysis: ResolvedDocument, report: (finding: Finding) => void) => void;

/**
 * `checked`: the quick checks, which read the names and types alone and run on every
 * keystroke; `analysed`: the deep ones, which reason over every rule (consistency, gaps,
 * cases), run after them and may be abandoned when the document moves on.
 */
export type CheckStage = 'checked' | 'analysed';

export interface NamedCheck {
  readonly name: string;
  readonly stage: CheckStage;
  readonly run: Check;
}

export const checks: readonly NamedCheck[] = [
  { name: 'fields', stage: 'checked', run: checkFields },
  { name: 'repeated fields', stage: 'checked', run: checkRepeatedFields },
  { name: 'grading schemes', stage: 'checked', run: checkGradingSchemes },
  { name: 'types', stage: 'checked', run: checkTypes },
  { name: 'methodology', stage: 'checked', run: checkMethodology },
  { name: 'agreement', stage: 'checked', run: checkAgreement },
  { name: 'unused', stage: 'checked', run: checkUnused },
  { name: 'identifiers', stage: 'checked', run: checkIdentifiers },
  { name: 'empty sets', stage: 'checked', run: checkEmptySets },
  { name: 'overrides', stage: 'analysed', run: checkOverrides },
  { name: 'timing', stage: 'analysed', run: checkTiming },
  { name: 'assumptions', stage: 'analysed', run: checkAssumptions },
  { name: 'rule consistency', stage: 'analysed', run: checkRuleConsistency },
  { name: 'decision gaps', stage: 'analysed', run: checkDecisionGaps },
  { name: 'cases', stage: 'analysed', run: checkCases },
];

export function checksOf(stage: CheckStage): NamedCheck[] {
  return checks.filter((c) => c.stage === stage);
}

export function runCheck(check: NamedCheck, analysis: ResolvedDocument, report: (finding: Finding) => void): void {
  try {
    check.run(analysis, report);
  } catch (err) {
    report({
      severity: 'error',
      code: 'internal-error',
      message: `The ${check.name} check failed on this file (please report it): ${err instanceof Error ? err.message : String(err)}`,
      uri: analysis.uri,
      span: { start: 0, end: 0 },
    });
  }
}
