// Rules that can never fire: their condition holds for no patient. There is no witness
// patient to show; the finding names the smallest set of the condition's parts that
// cannot hold together instead (found by dropping parts while the rest stays unsatisfiable).
import type * as A from '../../../../grammar/src/index.js';
import { exprText } from '../../model/expr-text.js';
import type { Assumptions } from '../assumptions.js';
import { conditionOf, conjoin } from '../condition.js';
import type { RuleInfo } from '../rules.js';
import type { Scope } from '../scope.js';

export interface DeadRule {
  rule: RuleInfo;
  /** The parts of the condition that cannot all hold, as written. */
  core: string[];
  /** When the condition alone can hold: the assumptions it contradicts, as written. */
  assumptions?: string[];
}

/** `textOf(uri)` gives a file's text, so the parts are quoted as written. */
export function deadRules(rules: readonly RuleInfo[], scope: Scope, known: ReadonlySet<string>, textOf: (uri: string) => string | undefined, assumptions?: Assumptions): DeadRule[] {
  const out: DeadRule[] = [];
  for (const rule of rules) {
    if (rule.boxes.length > 0 || !rule.decl.when) continue;
    const writtenIn = (uri: string) => (e: A.Expr): string => {
      const text = textOf(uri);
      return text ? text.slice(e.span.start, e.span.end).replace(/\s+/g, ' ') : exprText(e);
    };
    if (rule.deadByAssumptions && assumptions) {
      // The assumptions that exclude it on their own, or all of them together.
      const own = conditionOf(rule.decl.when, scope, known);
      const usable = assumptions.list.filter((a) => a.boxes && a.decl.condition);
      const alone = usable.filter((a) => own.ok && conjoin(own.boxes, a.boxes!)?.length === 0);
      const named = (alone.length > 0 ? alone.slice(0, 1) : usable).map((a) => writtenIn(a.uri)(a.decl.condition!));
      out.push({ rule, core: [writtenIn(rule.uri)(rule.decl.when)], assumptions: named });
      continue;
    }
    const core = unsatisfiableCore(rule.decl.when, scope, known);
    out.push({ rule, core: core.map(writtenIn(rule.uri)) });
  }
  return out;
}

/** The conjuncts of a condition: `a and (b and c)` has three. */
function conjuncts(e: A.Expr): A.Expr[] {
  return e.kind === 'And' ? e.operands.flatMap(conjuncts) : [e];
}

function unsatisfiable(parts: readonly A.Expr[], scope: Scope, known: ReadonlySet<string>): boolean {
  if (parts.length === 0) return false;
  const span = { start: parts[0].span.start, end: parts[parts.length - 1].span.end };
  const c = conditionOf(parts.length === 1 ? parts[0] : { kind: 'And', span, operands: [...parts] }, scope, known);
  return c.ok && c.boxes.length === 0;
}

/**
 * Satisfiability checks a core may cost. Each check reads the whole remaining condition, so
 * without a bound a condition of thousands of parts would cost millions of steps; past it the
 * core found so far is reported (still parts that cannot hold together, perhaps not fewest).
 */
const maxCoreChecks = 400;

/**
 * The parts of `e` that cannot hold together, found by dropping parts while the rest stays
 * unsatisfiable: first in halves, quarters and so on (a contradiction of two parts among
 * thousands is found in a few dozen checks), last one part at a time, so no part of the
 * result can be dropped when the budget allows the last pass.
 */
export function unsatisfiableCore(e: A.Expr, scope: Scope, known: ReadonlySet<string>): A.Expr[] {
  let core = conjuncts(e);
  let checks = 0;
  let chunk = 1;
  while (chunk * 2 <= core.length / 2) chunk *= 2;
  for (; chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let i = core.length - chunk; i >= 0 && core.length > 1; i -= chunk) {
      if (checks++ >= maxCoreChecks) return core;
      const without = [...core.slice(0, i), ...core.slice(i + chunk)];
      if (unsatisfiable(without, scope, known)) core = without;
    }
  }
  return core;
}

/** "`a < 3` holds for no patient", "`a < 3` and `a > 5` cannot both hold". */
export function contradiction(core: readonly string[]): string {
  const parts = core.map((t) => `\`${t}\``);
  if (parts.length === 1) return `${parts[0]} holds for no patient`;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} cannot ${parts.length === 2 ? 'both' : 'all'} hold`;
}

export function deadMessage(d: DeadRule): string {
  if (d.assumptions) {
    const which = d.assumptions.map((t) => `\`assume ${t}\``).join(', ');
    return `Rule \`${d.rule.name}\` can never fire: \`${d.core[0]}\` holds for no patient the assumptions admit (${which})`;
  }
  return `Rule \`${d.rule.name}\` can never fire: ${contradiction(d.core)}`;
}
