// The rules the analysis reasons about: every rule of an adopted statement in the file and
// the files it uses (statements with `status draft` or `status rejected` do not count),
// each with its condition as boxes, its recommendations and its statement's grading.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import { gradingContext, gradingOf, ruleGradingOf, type Grading } from '../model/grading.js';
import { scaleQuantity } from '../model/quantities.js';
import { timingBounds } from '../model/timing.js';
import type { AttrType } from '../model/types.js';
import { noAssumptions, restrict, type Assumptions } from './assumptions.js';
import { attrsOf, type Box } from './box.js';
import { conditionOf, type Problem } from './condition.js';
import { typedAttributes, type Scope } from './scope.js';
import { Shapes } from './shapes.js';

export interface Recommendation {
  readonly verb: A.Verb;
  readonly against: boolean;
  readonly intervention: string;
  /** `within`, `after`, `between`: when, in minutes from the time the condition holds. */
  readonly timing?: TimeWindow;
  /** `suggest X over Y`: what X is preferred to. */
  readonly over?: readonly string[];
}

export interface TimeWindow {
  /** Minutes; 0 for `within`. */
  readonly low: number;
  /** Minutes; Infinity for `after`. */
  readonly high: number;
  /** As written: `within 1 hour`. */
  readonly text: string;
}

const minutes: AttrType = { kind: 'duration', unit: 'minutes' };

/** A written timing as a window in minutes; undefined when it is malformed (reported by the timing check). */
export function timeWindow(t: A.Timing | undefined, text: string | undefined): TimeWindow | undefined {
  if (!t) return undefined;
  const at = (q: A.QuantityValue | undefined, missing: number): number | undefined => {
    if (!q) return missing;
    const s = scaleQuantity(q, minutes);
    return s.ok && s.value >= 0 ? s.value : undefined;
  };
  const bounds = timingBounds(t);
  const low = t.kind === 'within' ? 0 : at(bounds.low, NaN);
  const high = t.kind === 'after' ? Infinity : at(bounds.high, NaN);
  if (low === undefined || high === undefined || Number.isNaN(low) || Number.isNaN(high) || low > high) return undefined;
  return { low, high, text: text ? text.slice(t.span.start, t.span.end).replace(/\s+/g, ' ') : t.kind };
}

/** Every time both windows allow. */
export function windowsMeet(a: TimeWindow, b: TimeWindow): boolean {
  return Math.max(a.low, b.low) <= Math.min(a.high, b.high);
}

export interface RuleInfo {
  /** Position in source order across the program: the root file's rules first. */
  readonly index: number;
  readonly name: string;
  readonly decl: A.RuleDecl;
  readonly statement: A.StatementDecl;
  readonly statementName: string;
  readonly uri: string;
  /** The rule's own grading where it gives one, else its statement's. */
  readonly grading: Grading;
  readonly recs: readonly Recommendation[];
  /** The condition as boxes, within the assumptions; empty when the rule can never fire. */
  readonly boxes: readonly Box[];
  /**
   * The condition as written, before the assumptions narrow it: for the partition, whose
   * population is narrowed instead (once, rather than every rule's boxes multiplied).
   */
  readonly written: readonly Box[];
  /** The rule can fire for some patient, but for none the assumptions admit. */
  readonly deadByAssumptions: boolean;
  /** The attributes the written condition tests. */
  readonly attrs: readonly number[];
  /** The attributes as they appear in the written condition: the order witnesses print in. */
  readonly order: readonly number[];
  /** The rules this one `overrides` (indices; unknown names and itself left out). */
  readonly overrides: readonly number[];
}

export interface SkippedRule {
  readonly name: string;
  readonly decl: A.RuleDecl;
  readonly uri: string;
  readonly problem: Problem;
}

export interface RuleSet {
  readonly rules: readonly RuleInfo[];
  /** Adopted rules whose condition could not be analysed (name or type errors, too complex). */
  readonly skipped: readonly SkippedRule[];
  /** Rules of draft or rejected statements: left out, on purpose. */
  readonly notAdopted: number;
}

export function recKey(r: Recommendation): string {
  return `${r.verb}${r.against ? ' against' : ''} ${r.intervention}`;
}

/** What a tree leaf lists a recommendation as: with its timing and comparator. */
export function shownKey(r: Recommendation): string {
  return `${recKey(r)}${r.over ? ` over ${r.over.join(', ')}` : ''}${r.timing ? ` ${r.timing.text}` : ''}`;
}

export function collectRules(analysis: ResolvedDocument, scope: Scope, assumptions: Assumptions = noAssumptions): RuleSet {
  const ctx = gradingContext(analysis);
  const known = typedAttributes(analysis);
  const rules: RuleInfo[] = [];
  const skipped: SkippedRule[] = [];
  let notAdopted = 0;
  const shapes = new Shapes();
  for (const file of analysis.program.files) {
    for (const decl of file.parse.ast.declarations) {
      if (decl.kind !== 'Statement') continue;
      const grading = gradingOf(decl, ctx);
      // An informational statement recommends nothing: its rules are errors, not rules.
      if (grading.kind === 'informational') continue;
      if (grading.status !== 'adopted') {
        notAdopted += decl.rules.length;
        continue;
      }
      for (const rule of decl.rules) {
        const name = rule.name?.text ?? '(unnamed rule)';
        if (!rule.then || rule.then.interventions.length === 0) continue;
        const condition = conditionOf(rule.when, scope, known);
        if (!condition.ok) {
          skipped.push({ name, decl: rule, uri: file.uri, problem: condition.problem });
          continue;
        }
        const act = rule.then;
        const written = shapes.condition(condition.boxes);
        const narrowed = restrict(written, assumptions);
        const boxes = narrowed === written ? written : shapes.condition(narrowed);
        const timing = timeWindow(act.timing, file.text);
        const over = act.over?.map((n) => n.text);
        // Shown keys tell recommendations apart completely (verb, intervention, comparators, timing as written).
        const recs = act.interventions.map((i): Recommendation => {
          const rec: Recommendation = { verb: act.verb, against: act.against, intervention: i.text, ...(timing && !act.against ? { timing } : {}), ...(over ? { over } : {}) };
          return shapes.shared(`r${shownKey(rec)}`, rec);
        });
        rules.push({
          index: rules.length,
          name,
          decl: rule,
          statement: decl,
          statementName: decl.name?.text ?? '(unnamed statement)',
          uri: file.uri,
          grading: ruleGradingOf(grading, rule, ctx.scheme),
          recs: shapes.shared(`R${recs.map(shownKey).join('\n')}`, recs),
          boxes,
          written,
          deadByAssumptions: boxes.length === 0 && written.length > 0,
          attrs: shapes.numbers(attrsOf(written)),
          order: shapes.numbers(attributeOrder(rule.when, scope)),
          overrides: noOverrides,
        });
      }
    }
  }
  linkOverrides(rules);
  return { rules, skipped, notAdopted };
}

/** Shared by the rules that override nothing (most). */
const noOverrides: readonly number[] = Object.freeze([]);

/** Each rule's `overrides` names as rule indices; the first rule of a duplicated name is the one meant. */
function linkOverrides(rules: RuleInfo[]): void {
  const byName = new Map<string, number>();
  for (const r of rules) if (!byName.has(r.name)) byName.set(r.name, r.index);
  for (const r of rules) {
    const names = r.decl.overrides?.value ?? [];
    if (names.length === 0) continue;
    const indices = names.map((n) => byName.get(n.text)).filter((i): i is number => i !== undefined && i !== r.index);
    (r as { overrides: readonly number[] }).overrides = [...new Set(indices)];
  }
}

/** The attributes a condition names, in the order they are written. */
export function attributeOrder(e: A.Expr | undefined, scope: Scope): number[] {
  const out: number[] = [];
  const walk = (x: A.Expr): void => {
    if (x.kind === 'And' || x.kind === 'Or' || x.kind === 'Implies') x.operands.forEach(walk);
    else if (x.kind === 'Not') walk(x.operand);
    else {
      const info = scope.byName.get(x.attribute.text);
      if (info && !out.includes(info.index)) out.push(info.index);
    }
  };
  if (e) walk(e);
  return out;
}
