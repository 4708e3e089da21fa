// The rules the analysis reasons about: every rule of an adopted statement in the file and
// the files it uses (statements with `status draft` or `status rejected` do not count),
// each with its condition as boxes, its recommendations and its statement's grading.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import { gradingContext, gradingOf, ruleGradingOf, type Grading } from '../model/grading.js';
import { attrsOf, type Box } from './box.js';
import { conditionOf, type Problem } from './condition.js';
import type { Scope } from './scope.js';

export interface Recommendation {
  readonly verb: A.Verb;
  readonly against: boolean;
  readonly intervention: string;
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
  /** The condition as boxes; empty when the rule can never fire. */
  readonly boxes: readonly Box[];
  /** The attributes the condition tests. */
  readonly attrs: readonly number[];
  /** The attributes as they appear in the written condition: the order witnesses print in. */
  readonly order: readonly number[];
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

export function collectRules(analysis: ResolvedDocument, scope: Scope): RuleSet {
  const ctx = gradingContext(analysis);
  const known = new Set(analysis.symbols.ofKind('attribute').map((s) => s.name));
  const rules: RuleInfo[] = [];
  const skipped: SkippedRule[] = [];
  let notAdopted = 0;
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
        rules.push({
          index: rules.length,
          name,
          decl: rule,
          statement: decl,
          statementName: decl.name?.text ?? '(unnamed statement)',
          uri: file.uri,
          grading: ruleGradingOf(grading, rule, ctx.scheme),
          recs: act.interventions.map((i) => ({ verb: act.verb, against: act.against, intervention: i.text })),
          boxes: condition.boxes,
          attrs: attrsOf(condition.boxes),
          order: attributeOrder(rule.when, scope),
        });
      }
    }
  }
  return { rules, skipped, notAdopted };
}

/** The attributes a condition names, in the order they are written. */
export function attributeOrder(e: A.Expr | undefined, scope: Scope): number[] {
  const out: number[] = [];
  const walk = (x: A.Expr): void => {
    if (x.kind === 'And' || x.kind === 'Or') x.operands.forEach(walk);
    else if (x.kind === 'Not') walk(x.operand);
    else {
      const info = scope.byName.get(x.attribute.text);
      if (info && !out.includes(info.index)) out.push(info.index);
    }
  };
  if (e) walk(e);
  return out;
}
