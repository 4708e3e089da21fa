// Property tests over random rule sets with units, `overrides` and an `assume`: every tree
// leaf gives what direct evaluation of the written rules gives (overridden recommendations
// removed where their overrider applies); patients the assumption excludes are outside
// every tree's population;
// no conflict or gap witness violates the assumption.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type * as A from '../../grammar/src/index.js';
import { contains } from '../../server/src/logic/domain.js';
import { conflicts } from '../../server/src/logic/consistency/conflicts.js';
import { decisionGaps } from '../../server/src/logic/consistency/gaps.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { evaluate } from '../../server/src/logic/evaluate.js';
import { decisionsOf, partitionOf } from '../../server/src/logic/partition/decision.js';
import type { PNode } from '../../server/src/logic/partition/partition.js';
import { recKey, type RuleInfo } from '../../server/src/logic/rules.js';
import type { Scope } from '../../server/src/logic/scope.js';
import { witnessPatient } from '../../server/src/logic/witness.js';
import { casePatient, evaluateCases, ruleStatus } from '../../server/src/logic/consistency/cases.js';
import { analyzeText } from '../helpers.js';
import { conditionsOver } from './support.js';

const vocabulary = `
attribute f: boolean
attribute g: boolean
attribute m: number unit "mg/dL"
attribute h: hours
intervention x
intervention y
`;

// The same thresholds written in several units: 1 g/L is 100 mg/dL, 90 minutes is 1.5 hours.
const atoms = [
  'f', 'not g', 'g', 'm > 100 "mg/dL"', 'm < 1 "g/L"', 'm >= 0.5 "g/dL"', 'm ≤ 1000 "mg/L"',
  'h < 90 minutes', 'h >= 1 day', 'h between 2 and 3 hours', 'h ≥ 1.5 hours',
];

const condition = conditionsOver(atoms, ['not', 'implies']);

const rule = fc.record({
  when: condition,
  against: fc.boolean(),
  interventions: fc.subarray(['x', 'y'], { minLength: 1 }),
  /** Index offsets back to earlier rules this one overrides. */
  overrides: fc.subarray([1, 2, 3]),
});

const spec = fc.record({
  rules: fc.array(rule, { minLength: 1, maxLength: 7 }),
  assume: fc.option(condition, { nil: undefined }),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function source(s: Spec): string {
  const rules = s.rules.map((r, i) => {
    const over = r.overrides.map((k) => i - k).filter((j) => j >= 0).map((j) => `r${j}`);
    return `  rule r${i}${over.length ? ` overrides ${over.join(', ')}` : ''} when ${r.when} then suggest ${r.against ? 'against ' : ''}${r.interventions.join(', ')}`;
  });
  return `${vocabulary}${s.assume ? `assume ${s.assume}\n` : ''}statement S { basis evidence strength conditional certainty high agreement 90%\n${rules.join('\n')}\n}\ndecision d { ask f, g, m, h }\n`;
}

const patient = fc.record({
  f: fc.integer({ min: 0, max: 1 }),
  g: fc.integer({ min: 0, max: 1 }),
  m: fc.constantFrom(0, 50, 99.5, 100, 100.5, 499, 500, 1000, 1000.5),
  h: fc.constantFrom(0, 1, 1.5, 1.75, 2, 2.5, 3, 4, 24, 30),
});

/** What the rules give at a patient, read from their syntax, with the written overrides applied. */
function direct(rules: readonly RuleInfo[], p: Map<string, number>, scope: Scope): Set<string> {
  const firing = rules.filter((r) => evaluate(r.decl.when!, p, scope) === true);
  const names = new Set(firing.map((r) => r.name));
  const out = new Set<string>();
  for (const a of firing) {
    for (const rec of a.recs) {
      const replaced = firing.some((b) => (b.decl.overrides?.value ?? []).some((n: A.Name) => n.text === a.name && names.has(b.name)) && b.recs.some((x) => x.intervention === rec.intervention));
      if (!replaced) out.add(recKey(rec));
    }
  }
  return out;
}

function route(root: PNode | undefined, point: ReadonlyMap<number, number>): PNode | undefined {
  let node = root;
  while (node && node.kind === 'split') {
    const v = point.get(node.attr)!;
    node = node.branches.find((b) => contains(b.dom, v))?.node;
  }
  return node;
}

const runs = { numRuns: 80 };

describe('consistency properties with units, overrides and assumptions (random rule sets)', () => {
  it('each leaf gives what direct evaluation gives; excluded patients are outside the population', () => {
    fc.assert(fc.property(spec, fc.array(patient, { minLength: 1, maxLength: 8 }), (s, patients) => {
      const a = analyzeText(source(s));
      const c = consistencyOf(a);
      const part = partitionOf(c, decisionsOf(c)[0]);
      const assumption = a.source.parse.ast.declarations.find((d): d is A.AssumeDecl => d.kind === 'Assume')?.condition;
      for (const raw of patients) {
        const p = new Map(Object.entries(raw));
        const point = new Map([...p].map(([n, v]) => [c.scope.byName.get(n)!.index, v]));
        const leaf = route(part.root, point);
        if (assumption && evaluate(assumption, p, c.scope) === false) {
          const inPopulation = part.spec.population.some((box) => box.every((k) => contains(k.dom, point.get(k.attr)!)));
          assert.equal(inPopulation, false, 'a patient the assumption excludes is outside the tree\'s population');
          continue;
        }
        assert.ok(leaf && leaf.kind === 'leaf', 'every admitted patient reaches a leaf');
        const given = new Set(leaf.outcome.map((o) => recKey(o.rec)));
        assert.deepEqual(given, direct(part.spec.rules, p, c.scope));
        // On every path to the leaf, the rules holding there give exactly its outcome once
        // overridden recommendations are dropped: an overridden rule never shows where its overrider applies.
        for (const holding of leaf.reachedBy) {
          const names = new Set(holding.map((r) => r.name));
          const kept = holding.flatMap((r) => r.recs.filter((rec) => !holding.some((b) => names.has(b.name) && b.overrides.includes(r.index) && b.recs.some((x) => x.intervention === rec.intervention))));
          assert.deepEqual(new Set(kept.map(recKey)), given);
        }
      }
    }), runs);
  });

  it('no conflict or gap witness violates the assumption, and each fires what it names', () => {
    fc.assert(fc.property(spec, (s) => {
      const a = analyzeText(source(s));
      const c = consistencyOf(a);
      const assumption = a.source.parse.ast.declarations.find((d): d is A.AssumeDecl => d.kind === 'Assume')?.condition;
      const fill = (p: Map<string, number>): Map<string, number> => {
        for (const attr of c.scope.attrs) if (!p.has(attr.name)) p.set(attr.name, 0);
        return p;
      };
      const admitted = (p: Map<string, number>): void => {
        // Attributes a witness leaves open may take any value: the assumption holds or is not decided.
        if (assumption) assert.notEqual(evaluate(assumption, p, c.scope), false, 'witness violates the assumption');
      };
      for (const x of conflicts(c.ruleSet.rules, c.scope).conflicts) {
        const p = witnessPatient(x.witness, c.scope);
        admitted(p);
        assert.equal(evaluate(x.pro.decl.when!, fill(new Map(p)), c.scope) !== false, true);
      }
      for (const gap of decisionGaps(c, decisionsOf(c)[0], 10).gaps) admitted(witnessPatient(gap.witness, c.scope));
    }), runs);
  });
  it('a case that gives some attributes gets what working out every rule at its patient gives', () => {
    // Cases are worked out only against the rules that test what they give, plus, when they
    // give an attribute an assumption constrains, the rules testing one of those: the rest
    // must be as they are for anyone.
    const partial = fc.record({
      f: fc.option(fc.boolean(), { nil: undefined }),
      g: fc.option(fc.boolean(), { nil: undefined }),
      m: fc.option(fc.constantFrom('0', '99.5', '100', '500', '1000.5'), { nil: undefined }),
      h: fc.option(fc.constantFrom('0 hours', '1.5 hours', '2 hours', '3 hours', '30 hours'), { nil: undefined }),
    });
    fc.assert(fc.property(spec, fc.array(partial, { minLength: 1, maxLength: 6 }), (s, cases) => {
      const text = source(s) + cases.map((k, i) => {
        const given = Object.entries(k).filter(([, v]) => v !== undefined).map(([n, v]) => `${n} = ${v}`);
        return `case "c${i}" {${given.length ? ` given ${given.join(', ')}` : ''} expect nothing }\n`;
      }).join('');
      const c = consistencyOf(analyzeText(text));
      for (const result of evaluateCases(c)) {
        const patient = casePatient(result.decl, c.scope);
        const status = c.ruleSet.rules.map((r) => ruleStatus(r, patient, c.scope, c.assumptions.boxes).kind);
        assert.deepEqual(result.fired.map((r) => r.name), c.ruleSet.rules.filter((_, i) => status[i] === 'fires').map((r) => r.name), result.title);
        for (const u of result.undetermined) assert.equal(status[u.rule.index], 'undetermined', `${result.title}: ${u.rule.name}`);
      }
    }), runs);
  });
});
