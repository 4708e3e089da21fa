// What a decision's tree is made of. Its population is its `where` (everyone without
// one); its rules are those that test at least one attribute it asks about (all rules
// when it asks about none), so a rule that applies regardless of the decision's questions,
// such as antiviral treatment for every HBV carrier, does not split every leaf of the
// roadmap in two. `from S1, S2` limits it to those statements' rules. The population is
// narrowed to the patients the assumptions admit. A file with no decision gets a default
// tree of all its rules.
// A partition is kept with the analysis only for a decision a reader views (see `viewed`).
import type * as A from '../../../../grammar/src/index.js';
import { restrict } from '../assumptions.js';
import type { Box } from '../box.js';
import { conditionOf } from '../condition.js';
import { overlappingPairs, type Item } from '../overlap.js';
import type { Consistency } from '../engine.js';
import { PerObject } from '../../model/per-object.js';
import type { RuleInfo } from '../rules.js';
import { partition, type Partition } from './partition.js';

export interface TreeSpec {
  /** Undefined for the default tree. */
  readonly decision?: A.DecisionDecl;
  readonly rules: readonly RuleInfo[];
  readonly population: readonly Box[];
  readonly order: readonly number[];
  /** The `where` could not be analysed (name or type errors): the tree covers everyone. */
  readonly populationProblem: boolean;
}

export interface DecisionPartition extends Partition {
  readonly spec: TreeSpec;
}

/**
 * The root file's decisions, in order, each name once: a decision declared again under a
 * name already taken is an error (`duplicate-name`), and a tree, a gap check or an export
 * of it again would only repeat the first one's work. One without a name is a syntax error
 * whose body may be half read: it has no tree either.
 */
export function decisionsOf(consistency: Consistency): A.DecisionDecl[] {
  const names = new Set<string>();
  return consistency.analysis.source.parse.ast.declarations.filter((d): d is A.DecisionDecl => {
    if (d.kind !== 'Decision' || !d.name) return false;
    if (names.has(d.name.text)) return false;
    names.add(d.name.text);
    return true;
  });
}

export function specOf(consistency: Consistency, decision: A.DecisionDecl | undefined): TreeSpec {
  const { scope, ruleSet, known } = consistency;
  const order: number[] = [];
  for (const name of decision?.ask ?? []) {
    const info = scope.byName.get(name.text);
    if (info && !order.includes(info.index)) order.push(info.index);
  }
  let population: readonly Box[] = [[]];
  let populationProblem = false;
  if (decision?.where) {
    const c = conditionOf(decision.where, scope, known);
    if (c.ok) population = c.boxes;
    else populationProblem = true;
  }
  population = restrict(population, consistency.assumptions);
  const asked = new Set(order);
  // Rules that cannot fire for anyone in the population are left out up front.
  const reach = decision?.where && !populationProblem ? reachOf(consistency).get(decision) : undefined;
  const candidates = reach ? Array.from(reach, (i) => ruleSet.rules[i]) : ruleSet.rules;
  const from = decision?.from && new Set(decision.from.value.map((s) => s.text));
  const rules = candidates.filter((r) => (!from || from.has(r.statementName)) && (asked.size === 0 || r.attrs.some((a) => asked.has(a))));
  return { decision, rules, population, order, populationProblem };
}

const reaches = new PerObject<Consistency, Map<A.DecisionDecl, Uint32Array>>('reaches');
const maxReachPairs = 500_000;

/**
 * For each decision with a `where`, the rules that can fire for someone in its population:
 * one overlap join of every population against every rule, rather than each decision
 * scanning every rule. Kept with the analysis as sorted rule indices, 4 bytes a rule.
 */
function reachOf(consistency: Consistency): Map<A.DecisionDecl, Uint32Array> {
  const known = reaches.get(consistency);
  if (known) return known;
  const found = new Map<A.DecisionDecl, Set<number>>();
  const decisions = decisionsOf(consistency);
  const populations: Item[] = [];
  decisions.forEach((d, i) => {
    if (!d.where) return;
    found.set(d, new Set());
    const c = conditionOf(d.where, consistency.scope, consistency.known);
    if (c.ok) for (const box of c.boxes) populations.push({ id: i, box });
  });
  const rules: Item[] = consistency.ruleSet.rules.flatMap((r) => r.boxes.map((box) => ({ id: r.index, box })));
  // Past so many pairs (a thousand decisions over thousands of rules) the pruning is not
  // worth its sets: every decision then gets every rule, as when the join is cut short.
  let pairs = 0;
  const complete = overlappingPairs(populations, rules, consistency.scope, false, (d, r) => {
    found.get(decisions[d.id])?.add(r.id);
    return ++pairs < maxReachPairs;
  });
  const out = new Map<A.DecisionDecl, Uint32Array>();
  // Cut short: no rule may be left out, so every decision gets them all.
  const all = complete ? undefined : Uint32Array.from(consistency.ruleSet.rules, (r) => r.index);
  for (const [d, set] of found) out.set(d, all ?? Uint32Array.from(set).sort());
  reaches.set(consistency, out);
  return out;
}

const cache = new PerObject<Consistency, Map<A.DecisionDecl | null, DecisionPartition>>('decision partitions');

/**
 * The decisions a reader asked to see lately, by file and name. A tree is large (on a
 * rule-heavy file, more than the rest of the analysis together), so the gap check keeps
 * only the trees of these: the preview's next request, for the next version, finds its
 * tree built by the deep stage, and the other trees are dropped once their gaps are known.
 */
const viewed: string[] = [];
const viewedLimit = 8;
const viewKey = (consistency: Consistency, decision: A.DecisionDecl | undefined): string => `${consistency.analysis.uri}#${decision ? (decision.name?.text ?? '') : '*'}`;

/** Whether a reader asked to see this decision lately: the deep stage then keeps its tree. */
export function isViewed(consistency: Consistency, decision: A.DecisionDecl | undefined): boolean {
  return viewed.includes(viewKey(consistency, decision));
}

function markViewed(key: string): void {
  const at = viewed.indexOf(key);
  if (at >= 0) viewed.splice(at, 1);
  viewed.push(key);
  if (viewed.length > viewedLimit) viewed.shift();
}

/**
 * A decision's partition. `view`: for a reader (the tree request), kept with the analysis
 * and remembered as viewed; else (the checks) kept only where a reader asked for that
 * decision lately.
 */
export function partitionOf(consistency: Consistency, decision: A.DecisionDecl | undefined, budget?: number, view = false): DecisionPartition {
  let byDecision = cache.get(consistency);
  const cached = budget === undefined ? byDecision?.get(decision ?? null) : undefined;
  const key = viewKey(consistency, decision);
  if (view) markViewed(key);
  if (cached) return cached;
  const spec = specOf(consistency, decision);
  const result: DecisionPartition = { ...partition({ scope: consistency.scope, rules: spec.rules, population: spec.population, order: spec.order, budget }), spec };
  if (budget === undefined && (view || viewed.includes(key))) {
    if (!byDecision) cache.set(consistency, (byDecision = new Map()));
    byDecision.set(decision ?? null, result);
  }
  return result;
}

/** How many partitions the analysis keeps (for tests of what stays in memory). */
export function keptPartitions(consistency: Consistency): number {
  return cache.get(consistency)?.size ?? 0;
}

/**
 * The partition of the patients a decision's `where` leaves out, so a reader can see what
 * the rules recommend for them too. Undefined without a `where` (or when it cannot be
 * analysed, or nobody is outside it).
 */
export function outsidePartitionOf(consistency: Consistency, decision: A.DecisionDecl | undefined, budget?: number): DecisionPartition | undefined {
  if (!decision?.where) return undefined;
  const spec = specOf(consistency, decision);
  if (spec.populationProblem) return undefined;
  const negated: A.Expr = { kind: 'Not', span: decision.where.span, operand: decision.where };
  const c = conditionOf(negated, consistency.scope, consistency.known);
  if (!c.ok || c.boxes.length === 0) return undefined;
  const asked = new Set(spec.order);
  const rules = consistency.ruleSet.rules.filter((r) => asked.size === 0 || r.attrs.some((a) => asked.has(a)));
  const population = restrict(c.boxes, consistency.assumptions);
  if (population.length === 0) return undefined;
  const outside: TreeSpec = { ...spec, rules, population };
  return { ...partition({ scope: consistency.scope, rules, population, order: spec.order, budget }), spec: outside };
}
