// The checks that run after name resolution, each a plain function over the analysis that
// reports findings. A check that throws is a bug: it is reported as one finding and the
// other checks still run, so one faulty check never hides the rest or kills the server.
import type { Analysis } from '../analysis/analysis.js';
import type { Finding } from '../analysis/findings.js';
import { checkFields } from './fields.js';

export type Check = (analysis: Analysis, report: (finding: Finding) => void) => void;

export const checks: readonly { name: string; run: Check }[] = [
  { name: 'fields', run: checkFields },
];

export function runChecks(analysis: Analysis, report: (finding: Finding) => void): void {
  for (const check of checks) {
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
}
