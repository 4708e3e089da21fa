// Cases are the guideline's own tests: a patient (`given`) and what the rules must give
// (`expect`). Each rule is evaluated at the case's patient: it fires, stays silent, or is
// undetermined because it tests an attribute the case does not give (and the values the
// case gives do not settle it either way). Expectations are checked against the rules that
// fire:
//   expect recommend X      the rules give `recommend X` (verb, direction and intervention)
//   expect not recommend X  the rules do not give `recommend X`
//   expect only ...         the rules give what the case's expectations name, and nothing else
//   expect nothing          no rule gives anything
// An undetermined rule is reported when its firing could change the result: it would give
// an expected recommendation the case lacks, or the case says `only` or `nothing` and it
// would give something else.
import type * as A from '../../../../grammar/src/index.js';
import { attrsOf, boxesOverlap, conditionKey, type Box, type Constraint } from '../box.js';
import { assignedValue } from '../condition.js';
import { disjunctionWithin } from '../cover.js';
import { contains } from '../domain.js';
import type { Consistency } from '../engine.js';
import { PerObject } from '../../model/per-object.js';
import { recKey, shownKey, timeWindow, type Recommendation, type RuleInfo } from '../rules.js';
import { survivingRecs } from '../precedence.js';
import type { Scope } from '../scope.js';

export type RuleStatus = { kind: 'fires' } | { kind: 'silent' } | { kind: 'undetermined'; attrs: number[] };

export interface ExpectationResult {
  readonly expectation: A.Expectation;
  readonly ok: boolean;
  /** Why it failed: what was expected, what the rules gave, which rules fired. */
  readonly message?: string;
}

export interface CaseResult {
  readonly decl: A.CaseDecl;
  readonly title: string;
  /** Attribute index -> value, from `given`. */
  readonly patient: ReadonlyMap<number, number>;
  readonly fired: readonly RuleInfo[];
  /** Undetermined rules that could change whether the case passes, with the attributes to give. */
  readonly undetermined: readonly { rule: RuleInfo; attrs: string[] }[];
  readonly expectations: readonly ExpectationResult[];
  readonly passed: boolean;
}

/** Boxes at a patient who gives only some attributes: what is left of them to hold. */
function residualsAt(boxes: readonly Box[], patient: ReadonlyMap<number, number>): Box[] | 'holds' {
  const remaining: Box[] = [];
  for (const box of boxes) {
    const residual: Constraint[] = [];
    let inside = true;
    for (const c of box) {
      const v = patient.get(c.attr);
      if (v === undefined) residual.push(c);
      else if (!contains(c.dom, v)) {
        inside = false;
        break;
      }
    }
    if (!inside) continue;
    if (residual.length === 0) return 'holds';
    remaining.push(residual);
  }
  return remaining;
}

/**
 * A rule at a patient who gives only some attributes. The attributes not given range over
 * what the assumptions admit for this patient (everything, without assumptions).
 */
export function ruleStatus(rule: RuleInfo, patient: ReadonlyMap<number, number>, scope: Scope, assumptions: readonly Box[] = [[]]): RuleStatus {
  const remaining = residualsAt(rule.boxes, patient);
  if (remaining === 'holds') return { kind: 'fires' };
  if (remaining.length === 0) return { kind: 'silent' };
  const admitted = residualsAt(assumptions, patient);
  // A patient the assumptions exclude is reported as such; the rules are read without them.
  const open: readonly Box[] = admitted === 'holds' || admitted.length === 0 ? [[]] : admitted;
  // The leftover alternatives may still cover every value of the missing attributes.
  if (disjunctionWithin(open, remaining, scope) === true) return { kind: 'fires' };
  if (!open.some((o) => remaining.some((r) => boxesOverlap(o, r)))) return { kind: 'silent' };
  return { kind: 'undetermined', attrs: attrsOf(remaining) };
}

export function casePatient(decl: A.CaseDecl, scope: Scope): Map<number, number> {
  const patient = new Map<number, number>();
  for (const g of decl.given) {
    const attr = scope.byName.get(g.attribute.text);
    const v = attr && assignedValue(attr, g.value);
    if (attr && v !== undefined) patient.set(attr.index, v);
  }
  return patient;
}

export function expectedRecs(x: A.Expectation, text?: string): Recommendation[] {
  const act = x.action;
  if (x.nothing || !act) return [];
  const timing = timeWindow(act.timing, text);
  return act.interventions.map((i) => ({ verb: act.verb, against: act.against, intervention: i.text, ...(timing ? { timing } : {}) }));
}

const quote = (s: string): string => `\`${s}\``;

/** What the fired rules give, overridden recommendations left out. */
type Given = ReadonlyMap<RuleInfo, readonly Recommendation[]>;

function given(fired: Given, filter?: (r: Recommendation) => boolean): string[] {
  return [...fired].flatMap(([r, recs]) => recs.filter((x) => !filter || filter(x)).map((x) => `${quote(shownKey(x))} (${r.statementName} ${quote(r.name)})`));
}

/** Each item once (copies of a rule give the same line), the first ten, then how many more. */
function listing(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length === 0) return 'nothing';
  const rest = unique.length - 10;
  return rest > 0 ? `${unique.slice(0, 10).join(', ')} and ${rest} more` : unique.join(', ');
}

/**
 * The rules by the attributes they test, and each rule's status for a patient who gives
 * none of them: a case is evaluated exactly only against the rules testing something it
 * gives; every other rule is as it is for anyone.
 */
interface RuleIndex {
  readonly testing: ReadonlyMap<number, readonly number[]>;
  readonly unknown: readonly RuleStatus[];
  /** Rules with the same condition share a number: their status is the same at any patient. */
  readonly conditionOf: readonly number[];
  /** The attributes the assumptions constrain, and the rules testing one of them. */
  readonly assumed: ReadonlySet<number>;
  readonly linked: readonly number[];
}

const indexes = new PerObject<Consistency, RuleIndex>('rule index');

function ruleIndex(consistency: Consistency): RuleIndex {
  let index = indexes.get(consistency);
  if (!index) {
    const { rules } = consistency.ruleSet;
    const testing = new Map<number, number[]>();
    // The attributes of a rule's boxes, which the assumptions have narrowed, not only those
    // its `when` names.
    const tested = rules.map((r) => new Set([...r.attrs, ...attrsOf(r.boxes)]));
    for (const rule of rules) {
      for (const a of tested[rule.index]) {
        const list = testing.get(a);
        if (list) list.push(rule.index);
        else testing.set(a, [rule.index]);
      }
    }
    const nobody = new Map<number, number>();
    const conditions = new Map<string, number>();
    const conditionOf = rules.map((r) => {
      const key = conditionKey(r.boxes);
      let n = conditions.get(key);
      if (n === undefined) conditions.set(key, (n = conditions.size));
      return n;
    });
    const assumed = new Set(attrsOf(consistency.assumptions.boxes));
    const linked = rules.filter((r) => [...tested[r.index]].some((a) => assumed.has(a))).map((r) => r.index);
    index = { testing, unknown: rules.map((r) => ruleStatus(r, nobody, consistency.scope, consistency.assumptions.boxes)), conditionOf, assumed, linked };
    indexes.set(consistency, index);
  }
  return index;
}

export function evaluateCase(decl: A.CaseDecl, consistency: Consistency): CaseResult {
  const { scope, ruleSet } = consistency;
  const patient = casePatient(decl, scope);
  const index = ruleIndex(consistency);
  const touched = new Set<number>();
  for (const a of patient.keys()) for (const i of index.testing.get(a) ?? []) touched.add(i);
  // A given value the assumptions constrain can settle rules that never test it (`assume
  // shock implies sepsis` settles `when sepsis`), but only rules over an attribute the
  // assumptions constrain: for the others, whatever the assumptions leave open at this
  // patient, the rule covers or meets it exactly as it does for anyone.
  if ([...patient.keys()].some((a) => index.assumed.has(a))) for (const i of index.linked) touched.add(i);
  const fired: RuleInfo[] = [];
  const open: { rule: RuleInfo; attrs: number[] }[] = [];
  const byCondition = new Map<number, RuleStatus>();
  const statusOf = (rule: RuleInfo): RuleStatus => {
    const condition = index.conditionOf[rule.index];
    let s = byCondition.get(condition);
    if (!s) byCondition.set(condition, (s = ruleStatus(rule, patient, scope, consistency.assumptions.boxes)));
    return s;
  };
  for (const rule of ruleSet.rules) {
    const s = touched.has(rule.index) ? statusOf(rule) : index.unknown[rule.index];
    if (s.kind === 'fires') fired.push(rule);
    else if (s.kind === 'undetermined') open.push({ rule, attrs: s.attrs });
  }
  const gives = survivingRecs(fired);
  const outcome = new Set([...gives.values()].flat().map(recKey));
  const expected = decl.expects.filter((x) => !x.negated).flatMap((x) => expectedRecs(x));
  const forbiddenKeys = new Set(decl.expects.filter((x) => x.negated).flatMap((x) => expectedRecs(x)).map(recKey));
  const expectedKeys = new Set(expected.map(recKey));
  const exhaustive = decl.expects.some((x) => x.only || x.nothing);
  const firedText = fired.length === 0 ? 'no rule fires for this patient' : `rules that fired: ${listing(fired.map((r) => quote(r.name)))}`;

  // `only` and `nothing` also fail when a rule the case leaves undetermined could give
  // something they do not list: the case does not settle what the patient gets.
  const couldAdd = (allowed: (key: string) => boolean): string[] =>
    open.filter((o) => o.rule.recs.some((r) => !outcome.has(recKey(r)) && !allowed(recKey(r))))
      .map((o) => `rule ${quote(o.rule.name)} could also give ${listing(o.rule.recs.filter((r) => !allowed(recKey(r))).map((r) => quote(shownKey(r))))}, depending on ${o.attrs.map((a) => quote(scope.attrs[a].name)).join(', ')}`);

  const expectations = decl.expects.map((x): ExpectationResult => {
    if (x.nothing) {
      const maybe = couldAdd(() => false);
      if (outcome.size === 0 && maybe.length === 0) return { expectation: x, ok: true };
      if (outcome.size === 0) return { expectation: x, ok: false, message: `Expected nothing, but ${maybe.join('; ')}` };
      return { expectation: x, ok: false, message: `Expected nothing, but the rules give ${listing(given(gives))}` };
    }
    const wanted = expectedRecs(x, consistency.analysis.source.text);
    if (x.negated) {
      const keys = new Set(wanted.map(recKey));
      const present = given(gives, (r) => keys.has(recKey(r)));
      if (present.length === 0) return { expectation: x, ok: true };
      return { expectation: x, ok: false, message: `Expected no ${listing(wanted.map((r) => quote(recKey(r))))}, but the rules give ${listing(present)}` };
    }
    // An expected timing must be the one given (`within 1 hour` is not `within 3 hours`).
    const timedAsExpected = (r: Recommendation): boolean =>
      !r.timing || [...gives.values()].flat().some((g) => recKey(g) === recKey(r) && g.timing?.low === r.timing!.low && g.timing?.high === r.timing!.high);
    const missing = wanted.filter((r) => !outcome.has(recKey(r)) || !timedAsExpected(r));
    const problems: string[] = [];
    if (missing.length > 0) {
      const about = new Set(missing.map((r) => r.intervention));
      const instead = given(gives, (r) => about.has(r.intervention));
      const might = open.filter((o) => o.rule.recs.some((r) => missing.some((m) => recKey(m) === recKey(r))));
      const maybe = might.length > 0 ? `; ${might.map((o) => `rule ${quote(o.rule.name)} could, depending on ${o.attrs.map((a) => quote(scope.attrs[a].name)).join(', ')}`).join('; ')}` : '';
      problems.push(`Expected ${listing(missing.map((r) => quote(shownKey(r))))}, but the rules give ${instead.length > 0 ? listing(instead) : `nothing about ${listing([...about].map(quote))}`} (${firedText})${maybe}`);
    }
    if (x.only) {
      const extra = given(gives, (r) => !expectedKeys.has(recKey(r)));
      if (extra.length > 0) problems.push(`Expected only what this case names, but the rules also give ${listing(extra)}`);
      const maybe = couldAdd((k) => expectedKeys.has(k));
      if (maybe.length > 0) problems.push(`Expected only what this case names, but ${maybe.join('; ')}`);
    }
    return problems.length === 0 ? { expectation: x, ok: true } : { expectation: x, ok: false, message: problems.join('. ') };
  });

  // An undetermined rule matters when its firing could change the result: it would give an
  // expected recommendation the case lacks, or (with `only` or `nothing`) one it does not expect.
  const matters = (r: Recommendation): boolean => {
    const key = recKey(r);
    return !outcome.has(key) && (expectedKeys.has(key) || forbiddenKeys.has(key) || exhaustive);
  };
  const undetermined = open
    .filter((o) => o.rule.recs.some(matters))
    .map((o) => ({ rule: o.rule, attrs: o.attrs.map((a) => scope.attrs[a].name) }));
  return {
    decl,
    title: decl.title?.value ?? '(untitled case)',
    patient,
    fired,
    undetermined,
    expectations,
    passed: expectations.every((e) => e.ok),
  };
}

/** The root file's cases, evaluated. */
export function evaluateCases(consistency: Consistency): CaseResult[] {
  return consistency.analysis.source.parse.ast.declarations
    .filter((d): d is A.CaseDecl => d.kind === 'Case')
    .map((d) => evaluateCase(d, consistency));
}
