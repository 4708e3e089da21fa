// Helpers for the consistency tests: evaluate rules straight from their syntax at a
// patient (the reference the engine is checked against) and read witnesses from findings.
import fc from 'fast-check';
import type * as A from '../../grammar/src/index.js';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import type { Finding } from '../../server/src/model/findings.js';
import { pick } from '../../server/src/logic/domain.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { evaluate, type Patient } from '../../server/src/logic/evaluate.js';
import type { Scope } from '../../server/src/logic/scope.js';
import { witnessPatient, type WitnessValue } from '../../server/src/logic/witness.js';

export function scopeOf(a: Analysis): Scope {
  return consistencyOf(a).scope;
}

/** Every rule declaration in the program by name. */
export function rulesByName(a: Analysis): Map<string, A.RuleDecl> {
  const out = new Map<string, A.RuleDecl>();
  for (const f of a.program.files) {
    for (const d of f.parse.ast.declarations) if (d.kind === 'Statement') for (const r of d.rules) if (r.name) out.set(r.name.text, r);
  }
  return out;
}

/** The patient with every attribute the witness leaves open set to some value of its range. */
export function complete(patient: Patient, scope: Scope): Map<string, number> {
  const out = new Map(patient);
  for (const attr of scope.attrs) if (!out.has(attr.name)) out.set(attr.name, pick(attr.universe, attr.universe)!);
  return out;
}

/** Does the rule fire for this (complete) patient, by direct evaluation of its `when`? */
export function fires(a: Analysis, rule: string, patient: Patient): boolean {
  const decl = rulesByName(a).get(rule);
  if (!decl?.when) throw new Error(`no rule ${rule}`);
  const v = evaluate(decl.when, patient, scopeOf(a));
  if (v === undefined) throw new Error(`rule ${rule} is undetermined at the patient`);
  return v;
}

export function witnessOfFinding(a: Analysis, f: Finding): Map<string, number> {
  const w = f.data?.witness as WitnessValue[] | undefined;
  if (!w) throw new Error(`finding ${f.code} has no witness`);
  return complete(witnessPatient(w, scopeOf(a)), scopeOf(a));
}

export function findingsOf(a: Analysis, code: string): Finding[] {
  return a.findings.filter((f) => f.uri === a.uri && f.code === code);
}

/** A statement block with the grading the consistency tests do not care about. */
export function statement(name: string, body: string, extra = ''): string {
  return `statement ${name} { basis evidence strength strong certainty high agreement 90% ${extra}\n${body}\n}\n`;
}

/** Random conditions over the given atoms, joined by `and`, `or` and the other operators given (`not`, `implies`). */
export function conditionsOver(atoms: readonly string[], extra: readonly ('not' | 'implies')[] = ['not']): fc.Arbitrary<string> {
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...atoms),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `(${l} and ${r})`),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `(${l} or ${r})`),
      ...(extra.includes('not') ? [tie('expr').map((x) => `not (${x})`)] : []),
      ...(extra.includes('implies') ? [fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `(${l} implies ${r})`)] : []),
    ),
  })).expr;
}
