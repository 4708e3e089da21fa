// Property tests over random rule sets: the tree, the gaps and the conflicts agree with
// evaluating the rules' conditions directly (from their syntax, no boxes) at patients.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { pickPoint } from '../../server/src/logic/box.js';
import { conflicts } from '../../server/src/logic/consistency/conflicts.js';
import { contains } from '../../server/src/logic/domain.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { evaluate } from '../../server/src/logic/evaluate.js';
import { decisionGaps } from '../../server/src/logic/consistency/gaps.js';
import { redundancies } from '../../server/src/logic/consistency/redundancy.js';
import { recKey, type RuleInfo } from '../../server/src/logic/rules.js';
import { witnessPatient } from '../../server/src/logic/witness.js';
import { decisionsOf, partitionOf } from '../../server/src/logic/partition/decision.js';
import { rulesGiving, type PNode } from '../../server/src/logic/partition/partition.js';
import { pathsTo } from '../../server/src/logic/partition/paths.js';
import { analyzeText } from '../helpers.js';
import { conditionsOver } from './support.js';

const vocabulary = `
enum Kind { a, b, c, d }
attribute e: Kind
attribute f: boolean
attribute g: boolean
attribute p: percent
attribute n: number
attribute w: weeks
intervention x
intervention y
intervention z
`;

const atoms = [
  'e = a', 'e != b', 'e in { a, c }', 'e in { b, c, d }', 'f', 'not g', 'g = true', 'f != true',
  'p < 30%', 'p >= 30%', 'p between 10% and 40%', 'p > 40%', 'p = 10%',
  'n > 5', 'n = 7', 'n != 3', 'n <= 5', 'w <= 4 weeks', 'w > 14 days', 'w < 2 weeks',
];

const condition = conditionsOver(atoms);

const rule = fc.record({
  when: condition,
  verb: fc.constantFrom('recommend', 'suggest', 'recommend against', 'suggest against'),
  interventions: fc.subarray(['x', 'y', 'z'], { minLength: 1 }),
});

const ruleSet = fc.record({
  rules: fc.array(rule, { minLength: 1, maxLength: 8 }),
  statements: fc.integer({ min: 1, max: 3 }),
  ask: fc.shuffledSubarray(['e', 'f', 'g', 'p', 'n', 'w']),
  where: fc.option(condition, { nil: undefined }),
});

type RuleSetSpec = typeof ruleSet extends fc.Arbitrary<infer T> ? T : never;

function source(spec: RuleSetSpec): string {
  const blocks: string[][] = Array.from({ length: spec.statements }, () => []);
  spec.rules.forEach((r, i) => blocks[i % spec.statements].push(`  rule r${i} when ${r.when} then ${r.verb} ${r.interventions.join(', ')}`));
  const statements = blocks.map((rules, k) => `statement S${k} { basis evidence strength strong certainty high agreement 90%\n${rules.join('\n')}\n}`).join('\n');
  const decision = `decision d { ask ${spec.ask.join(', ')}${spec.where ? ` where ${spec.where}` : ''} }`;
  return `${vocabulary}${statements}\n${decision}\n`;
}

/** Patients: each attribute at one of the values the atoms use, or just beside it. */
const patient = fc.record({
  e: fc.integer({ min: 0, max: 3 }),
  f: fc.integer({ min: 0, max: 1 }),
  g: fc.integer({ min: 0, max: 1 }),
  p: fc.constantFrom(0, 5, 10, 20, 29.5, 30, 35, 40, 41, 100),
  n: fc.constantFrom(-1, 3, 4, 5, 6, 7, 8),
  w: fc.constantFrom(0, 1, 1.5, 2, 3, 4, 5),
});

const byName = (r: Record<string, number>): Map<string, number> => new Map(Object.entries(r));

function directOutcome(a: Analysis, rules: readonly RuleInfo[], p: Map<string, number>): Set<string> {
  const scope = consistencyOf(a).scope;
  const out = new Set<string>();
  for (const r of rules) {
    const v = evaluate(r.decl.when!, p, scope);
    assert.notEqual(v, undefined, 'complete patients give every rule a value');
    if (v) for (const rec of r.recs) out.add(`${r.statementName} ${recKey(rec)}`);
  }
  return out;
}

function leafOutcome(a: Analysis, node: PNode): Set<string> {
  assert.equal(node.kind, 'leaf');
  if (node.kind !== 'leaf') return new Set();
  return new Set(node.outcome.map((o) => `${rulesGiving(node, o)[0].statementName} ${recKey(o.rec)}`));
}

function route(root: PNode, point: ReadonlyMap<number, number>): PNode | undefined {
  let node: PNode = root;
  while (node.kind === 'split') {
    const v = point.get(node.attr)!;
    const branch = node.branches.find((b) => contains(b.dom, v));
    if (!branch) return undefined; // outside the population
    node = branch.node;
  }
  return node;
}

const runs = { numRuns: 150 };

describe('consistency properties (random rule sets)', () => {
  it('every leaf of the tree gives what the rules give at a patient inside it', () => {
    fc.assert(fc.property(ruleSet, (spec) => {
      const a = analyzeText(source(spec));
      const c = consistencyOf(a);
      const part = partitionOf(c, decisionsOf(c)[0]);
      const all = pathsTo(part.root, part.spec.population, () => true, 200);
      for (const region of all.regions) {
        const point = pickPoint(region, c.scope);
        const p = new Map<string, number>();
        for (const attr of c.scope.attrs) p.set(attr.name, point.get(attr.index) ?? (attr.kind === 'finite' ? 0 : attr.universe.kind === 'numeric' ? attr.universe.intervals[0].lo : 0));
        const leaf = route(part.root!, new Map([...p].map(([name, v]) => [c.scope.byName.get(name)!.index, v])));
        assert.ok(leaf, 'a point of a leaf region routes to a leaf');
        const direct = directOutcome(a, part.spec.rules, p);
        assert.deepEqual(leafOutcome(a, leaf!), direct);
        if (leaf!.kind === 'leaf') assert.equal(leaf.gap, direct.size === 0);
      }
    }), runs);
  });

  it('a random patient of the population reaches a leaf that gives what the rules give', () => {
    fc.assert(fc.property(ruleSet, fc.array(patient, { minLength: 1, maxLength: 10 }), (spec, patients) => {
      const a = analyzeText(source(spec));
      const c = consistencyOf(a);
      const decision = decisionsOf(c)[0];
      const part = partitionOf(c, decision);
      for (const raw of patients) {
        const p = byName(raw);
        const inPopulation = decision.where ? evaluate(decision.where, p, c.scope) : true;
        const point = new Map([...p].map(([name, v]) => [c.scope.byName.get(name)!.index, v]));
        const leaf = part.root && route(part.root, point);
        if (!inPopulation) continue;
        assert.ok(leaf, 'every patient of the population reaches a leaf');
        const direct = directOutcome(a, part.spec.rules, p);
        assert.deepEqual(leafOutcome(a, leaf!), direct);
        if (leaf!.kind === 'leaf') {
          const pro = new Set([...direct].filter((k) => !k.includes(' against ')).map((k) => k.split(' ').pop()));
          const conflict = [...direct].some((k) => k.includes(' against ') && pro.has(k.split(' ').pop()));
          assert.equal(leaf.conflict, conflict);
        }
      }
    }), runs);
  });

  it('each gap witness is in the population and fires no rule of the decision', () => {
    fc.assert(fc.property(ruleSet, (spec) => {
      const a = analyzeText(source(spec));
      const c = consistencyOf(a);
      const decision = decisionsOf(c)[0];
      const result = decisionGaps(c, decision, 20);
      const part = partitionOf(c, decision);
      for (const gap of result.gaps) {
        const p = witnessPatient(gap.witness, c.scope);
        for (const attr of c.scope.attrs) if (!p.has(attr.name)) p.set(attr.name, attr.kind === 'finite' ? 1 : 50);
        if (decision.where) assert.equal(evaluate(decision.where, p, c.scope), true);
        assert.deepEqual([...directOutcome(a, part.spec.rules, p)], []);
      }
    }), runs);
  });

  it('each conflict and redundancy witness fires both rules it names', () => {
    fc.assert(fc.property(ruleSet, (spec) => {
      const a = analyzeText(source(spec));
      const c = consistencyOf(a);
      const fill = (p: Map<string, number>): Map<string, number> => {
        for (const attr of c.scope.attrs) if (!p.has(attr.name)) p.set(attr.name, attr.kind === 'finite' ? 0 : 20);
        return p;
      };
      for (const x of conflicts(c.ruleSet.rules, c.scope).conflicts) {
        const p = fill(witnessPatient(x.witness, c.scope));
        assert.equal(evaluate(x.pro.decl.when!, p, c.scope), true);
        assert.equal(evaluate(x.con.decl.when!, p, c.scope), true);
      }
      for (const r of redundancies(c.ruleSet.rules, c.scope).redundancies) {
        const p = fill(witnessPatient(r.witness, c.scope));
        assert.equal(evaluate(r.rule.decl.when!, p, c.scope), true);
        assert.equal(evaluate(r.by.decl.when!, p, c.scope), true);
      }
    }), runs);
  });

  it('a rule reported as never firing fires for no patient', () => {
    fc.assert(fc.property(ruleSet, fc.array(patient, { minLength: 5, maxLength: 20 }), (spec, patients) => {
      const a = analyzeText(source(spec));
      const c = consistencyOf(a);
      const dead = c.ruleSet.rules.filter((r) => r.boxes.length === 0);
      for (const r of dead) for (const raw of patients) assert.equal(evaluate(r.decl.when!, byName(raw), c.scope), false);
      // And conversely: a rule some patient fires for is not dead.
      for (const r of c.ruleSet.rules) {
        if (patients.some((raw) => evaluate(r.decl.when!, byName(raw), c.scope))) assert.ok(r.boxes.length > 0, r.name);
      }
    }), runs);
  });
});
