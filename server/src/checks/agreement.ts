// Delphi arithmetic: votes add up to the panel, a stated percentage matches its votes, and
// a percentage is one that k of the panel's voters can give at the precision it is
// written with (96.2% is 50 of 52; 80.0% is no whole number of 52).
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { maxVoters, panelOf, validVoters, votesOf, type Panel } from '../model/grading.js';

/** Digits after the decimal point as written: "96.2" -> 1, "80" -> 0. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Half a unit of the last written digit, with room for floating-point error. */
function tolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** True when k/voters, rounded to `decimals` places, can read `percent` for some whole k. */
export function isAttainable(percent: number, decimals: number, voters: number): boolean {
  if (!(voters > 0)) return true;
  const k = Math.round((percent * voters) / 100);
  return [k - 1, k, k + 1].some((c) => c >= 0 && c <= voters && Math.abs((100 * c) / voters - percent) <= tolerance(decimals));
}

export interface AttainableValue {
  readonly k: number;
  /** The percentage at the written precision, e.g. "78.8". */
  readonly text: string;
}

/**
 * The attainable percentages just below and just above an unattainable one, in closed form
 * (a panel may have any number of voters): the k nearest percent/100 * voters, nudged past
 * floating-point error.
 */
export function nearestAttainable(percent: number, decimals: number, voters: number): { below?: AttainableValue; above?: AttainableValue } {
  const at = (k: number): AttainableValue => ({ k, text: fixed((100 * k) / voters, decimals) });
  const p = (k: number): number => (100 * k) / voters;
  const tol = tolerance(decimals);
  // Largest k below the tolerance band, smallest k above it.
  let below = Math.ceil(((percent - tol) * voters) / 100) - 1;
  for (let i = 0; i < 3 && below + 1 <= voters && p(below + 1) < percent - tol; i++) below++;
  for (let i = 0; i < 3 && below >= 0 && p(below) >= percent - tol; i++) below--;
  let above = Math.floor(((percent + tol) * voters) / 100) + 1;
  for (let i = 0; i < 3 && above - 1 >= 0 && p(above - 1) > percent + tol; i++) above--;
  for (let i = 0; i < 3 && above <= voters && p(above) <= percent + tol; i++) above++;
  below = Math.min(below, Math.floor(voters));
  return { below: below >= 0 ? at(below) : undefined, above: above >= 0 && above <= voters ? at(above) : undefined };
}

/** `x` with `decimals` digits after the point. `toFixed` throws past 100 digits, and a double has no more than 17 that mean anything. */
export function fixed(x: number, decimals: number): string {
  return x.toFixed(Math.min(decimals, 20));
}

function describeNearest(n: { below?: AttainableValue; above?: AttainableValue }, voters: number): string {
  const parts = [n.below, n.above].filter((x): x is AttainableValue => x !== undefined).map((x) => `${x.text}% (${x.k}/${voters})`);
  return parts.length === 2 ? `the nearest are ${parts[0]} and ${parts[1]}` : `the nearest is ${parts[0]}`;
}

export function checkAgreement(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  const panel = panelOf(analysis);
  checkVoters(analysis, analysis.source.parse.ast.header?.panel?.voters, report);
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Statement') continue;
    checkVoters(analysis, d.voters, report);
    checkStatement(analysis, d, panel, report);
  }
}

/** A voters count is a whole number from 1 to what can be counted exactly. */
function checkVoters(analysis: ResolvedDocument, field: A.Field<A.NumberLit> | undefined, report: (f: Finding) => void): void {
  if (!field || validVoters(field.value) !== undefined) return;
  const n = field.value.value;
  const written = field.value.text.length > 24 ? `${field.value.text.slice(0, 20)}…` : field.value.text;
  const why = n < 0 ? 'is negative'
    : n === 0 ? 'is zero: a vote needs at least one voter'
      : !Number.isInteger(n) && Number.isFinite(n) ? 'is not a whole number of voters'
        : `is more voters than can be counted exactly (at most ${maxVoters})`;
  report({
    severity: 'error',
    code: 'invalid-voters',
    message: `\`voters ${written}\` ${why}; the vote arithmetic leaves it out`,
    uri: analysis.uri,
    span: field.value,
  });
}

function checkStatement(analysis: ResolvedDocument, d: A.StatementDecl, panel: Panel, report: (f: Finding) => void): void {
  const uri = analysis.uri;
  const votes = votesOf(d);
  const total = votes ? Object.values(votes).reduce((a, b) => a + b, 0) : 0;
  const who = d.name ? `\`${d.name.text}\`` : 'This statement';
  // The statement's own voters, where it gives them, count instead of the panel's.
  const own = validVoters(d.voters?.value);
  const voters = own ?? panel.voters;
  const whose = own !== undefined ? 'the statement' : 'the panel';
  // All-zero votes are the placeholder a quick fix inserts: a warning until the counts are entered.
  if (votes && d.votes && total === 0) {
    report({ severity: 'warning', code: 'placeholder', message: `The votes of ${who} are all 0, a placeholder: enter the panel's votes`, uri, span: d.votes.span });
  } else if (votes && d.votes && voters !== undefined && total !== voters) {
    report({
      severity: 'error',
      code: 'votes-total',
      message: `The votes of ${who} add up to ${total}, but ${whose} has ${voters} voters`,
      uri,
      span: d.votes.span,
      data: { total, voters },
    });
  }
  const stated = d.agreement?.value;
  if (stated && votes && total > 0) {
    const agreeing = panel.agree.reduce((sum, g) => sum + (votes[g] ?? 0), 0);
    const fromVotes = (100 * agreeing) / total;
    const decimals = decimalsOf(stated.text);
    if (Math.abs(fromVotes - stated.value) > tolerance(decimals)) {
      report({
        severity: 'error',
        code: 'agreement-votes-mismatch',
        message: `${who} states agreement ${stated.text}%, but its votes give ${agreeing} of ${total} agreeing (${panel.agree.join(', ')}), which is ${fixed(fromVotes, decimals)}%`,
        uri,
        span: stated,
        data: { fromVotes: fixed(fromVotes, decimals) },
      });
    }
  }
  if (voters === undefined) return;
  const attainable = (what: string, value: A.NumberLit | undefined): void => {
    if (!value || value.value < 0 || value.value > 100) return;
    const decimals = decimalsOf(value.text);
    if (isAttainable(value.value, decimals, voters)) return;
    // A warning: a faithfully transcribed source can itself be inconsistent.
    report({
      severity: 'warning',
      code: 'unattainable-percentage',
      message: `${what} ${value.text}% cannot come from ${own !== undefined ? 'its' : "the panel's"} ${voters} voters: no whole number of them gives ${value.text}% at this precision; ${describeNearest(nearestAttainable(value.value, decimals, voters), voters)}`,
      uri,
      span: value,
    });
  };
  // With votes, a wrong percentage is already reported as disagreeing with them.
  if (!votes) attainable('Agreement', stated);
  attainable('Strong endorsement', d.endorsedStrong?.value);
}
