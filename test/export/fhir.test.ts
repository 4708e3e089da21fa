// The FHIR export checked by tools no one here wrote: every resource of every sample's
// bundle through Medplum's validator against the R4 definitions, and the Library's ELM run
// by the reference CQL engine (cql-execution), which must fire exactly the rules our own
// evaluator fires, for every case and for 1,000 generated patients.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cql from 'cql-execution';
import type * as A from '../../grammar/src/index.js';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { casePatient } from '../../server/src/logic/consistency/cases.js';
import { assignedValue } from '../../server/src/logic/condition.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { evaluate } from '../../server/src/logic/evaluate.js';
import type { AttrInfo, Scope } from '../../server/src/logic/scope.js';
import { parameterKind } from '../../server/src/services/export/elm.js';
import { fhirExport, type FhirResource } from '../../server/src/services/export/fhir.js';
import { attributeUcum } from '../../server/src/services/export/ucum.js';
import { survivingRecs } from '../../server/src/logic/precedence.js';
import type { RuleInfo } from '../../server/src/logic/rules.js';
import { analyzeFiles, fileUrl, repoRoot, samplesDir } from '../helpers.js';
import { validator } from './fhir-validator.js';


// The samples, and a fixture with the constructs of quantities and rules: units that convert
// (through a molar mass too), an arbitrary unit, timings, a comparator, an override, assumptions.
const fixture = path.join(repoRoot, 'test', 'fixtures', 'export', 'sepsis-quantities.guideline');
const sampleFiles = [...fs.readdirSync(samplesDir).filter((f) => f.endsWith('.guideline')).sort(), path.basename(fixture)];

function sample(name: string): Analysis {
  return new Workspace().analysis(fileUrl(name === path.basename(fixture) ? fixture : path.join(samplesDir, name)))!;
}

type Patient = Map<string, number>;

/** The engine's value for one attribute: a boolean, a member's name, a UCUM quantity or a decimal. */
function engineValue(attr: AttrInfo, v: number): unknown {
  switch (parameterKind(attr)) {
    case 'boolean': return v === 1;
    case 'string': return attr.members[v];
    case 'Quantity': return new cql.Quantity(v, attributeUcum(attr.type)!);
    case 'decimal': return v;
  }
}

/** What the CQL engine gives at one patient: every expression's value. */
async function engineRun(elm: object, patient: Patient, scope: Scope): Promise<Record<string, unknown>> {
  const parameters: Record<string, unknown> = {};
  for (const [name, v] of patient) parameters[name] = engineValue(scope.byName.get(name)!, v);
  const library = new cql.Library(elm);
  const executor = new cql.Executor(library, undefined, parameters);
  const results = await executor.exec(new cql.PatientSource([{ id: 'p', recordType: 'Patient' }]));
  return results.patientResults.p as Record<string, unknown>;
}

/** The rules whose expressions are true. */
function engineFires(values: Record<string, unknown>, expressions: Map<A.RuleDecl, string>): Set<A.RuleDecl> {
  return new Set([...expressions].filter(([, name]) => values[name] === true).map(([rule]) => rule));
}

/** The recommendations that stand (rule: intervention) under the engine: their expressions, overrides included, are true. */
function engineStands(values: Record<string, unknown>, expressions: Map<A.RuleDecl, Map<string, string>>): string[] {
  return [...expressions].flatMap(([rule, on]) => [...on].filter(([, name]) => values[name] === true).map(([i]) => `${rule.name?.text}: ${i}`)).sort();
}

/** The rules our evaluator fires: a condition that evaluates to true (three-valued, like CQL). */
function oursFires(rules: readonly A.RuleDecl[], patient: Patient, scope: Scope): Set<A.RuleDecl> {
  return new Set(rules.filter((r) => r.when && evaluate(r.when, patient, scope) === true));
}

/** The recommendations that stand under our precedence: of the rules that fire, what no overrider replaces. */
function oursStands(infos: readonly RuleInfo[], fired: Set<A.RuleDecl>): string[] {
  const surviving = survivingRecs(infos.filter((r) => fired.has(r.decl)));
  return [...surviving].flatMap(([r, recs]) => [...new Set(recs.map((x) => x.intervention))].map((i) => `${r.name}: ${i}`)).sort();
}

/** A patient's values as CQL decimals (8 places), which is all a CQL engine can be given. */
function asCqlDecimals(patient: Patient): Patient {
  return new Map([...patient].map(([k, v]) => [k, Number(v.toFixed(8))]));
}

/** Values near every threshold the conditions name, so generated patients sit on both sides of each. */
function thresholds(rules: readonly A.RuleDecl[], scope: Scope): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const note = (attr: string, v: A.Value): void => {
    const info = scope.byName.get(attr);
    const n = info && info.kind === 'numeric' ? assignedValue(info, v) : undefined;
    if (n !== undefined) out.set(attr, [...(out.get(attr) ?? []), n]);
  };
  const walk = (e: A.Expr): void => {
    if (e.kind === 'And' || e.kind === 'Or' || e.kind === 'Implies') e.operands.forEach(walk);
    else if (e.kind === 'Not') walk(e.operand);
    else if (e.kind === 'Compare') note(e.attribute.text, e.value);
    else if (e.kind === 'In') e.values.forEach((v) => note(e.attribute.text, v));
    else if (e.kind === 'Between') { note(e.attribute.text, e.low); note(e.attribute.text, e.high); }
  };
  rules.forEach((r) => r.when && walk(r.when));
  return out;
}

/** A small seeded generator: the same 1,000 patients every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedPatients(count: number, scope: Scope, near: Map<string, number[]>, rnd: () => number): Patient[] {
  const patients: Patient[] = [];
  for (let i = 0; i < count; i++) {
    const p: Patient = new Map();
    for (const attr of scope.attrs) {
      if (rnd() < 0.1) continue; // Some attributes missing: the three-valued logic is tested too.
      if (attr.kind === 'finite') p.set(attr.name, Math.floor(rnd() * attr.members.length));
      else {
        const cuts = near.get(attr.name) ?? [0];
        const cut = cuts[Math.floor(rnd() * cuts.length)];
        const offset = [0, 0, -1, 1, -0.5, 0.5, -10, 10][Math.floor(rnd() * 8)];
        // Thresholds converted from other units have many decimals: values sit on both sides.
        let v = cut + offset + [0, 0, 0, 1e-8, -1e-8][Math.floor(rnd() * 5)];
        if (attr.type.kind === 'percent') v = Math.min(100, Math.max(0, v));
        if (attr.type.kind === 'duration') v = Math.max(0, v);
        p.set(attr.name, v);
      }
    }
    patients.push(p);
  }
  return patients;
}

describe('FHIR export', function () {
  this.timeout(300_000);

  for (const file of sampleFiles) {
    it(`${file}: every resource passes the R4 validator with no errors`, () => {
      const { bundle } = fhirExport(sample(file));
      const validate = validator();
      const errors = [bundle, ...bundle.entry.map((e) => e.resource)].flatMap(validate);
      assert.deepEqual(errors, []);
    });
  }

  it('the validator does find errors: a broken copy fails', () => {
    const { bundle } = fhirExport(sample('hcc-conversion-2021.guideline'));
    const plan = bundle.entry.find((e) => e.resource.resourceType === 'PlanDefinition')!.resource;
    assert.ok(validator()({ ...plan, action: [{ title: 1, condition: [{ kind: 'applicability', expression: 'x' }] }] }).length > 0);
  });

  it('is shaped by CPG: recommendation definitions, applicability expressions, GRADE codes, citations', () => {
    const { bundle } = fhirExport(sample('hcc-conversion-2021.guideline'));
    const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
    const s8 = bundle.entry.map((e) => e.resource).find((r) => r.id === 'statement-S8') as FhirResource & {
      meta: { profile: string[] }; type: { coding: { code: string }[] }; library: string[];
      action: { extension: { url: string; valueCodeableConcept: { coding: { code: string }[]; text: string } }[]; condition: { kind: string; expression: { language: string; expression: string } }[]; definitionCanonical?: string; action?: { definitionCanonical: string }[] }[];
      extension: { url: string; valueDecimal?: number }[]; relatedArtifact: { type: string; url: string }[];
    };
    assert.deepEqual(s8.meta.profile, ['http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-recommendationdefinition']);
    assert.equal(s8.type.coding[0].code, 'eca-rule');
    const action = s8.action[0];
    const strength = action.extension.find((x) => x.url.endsWith('cqf-strengthOfRecommendation'))!.valueCodeableConcept;
    assert.deepEqual([strength.coding[0].code, strength.text], ['weak', 'conditional']);
    assert.equal(action.extension.find((x) => x.url.endsWith('cqf-qualityOfEvidence'))!.valueCodeableConcept.coding[0].code, 'low');
    assert.equal(s8.extension.find((x) => x.url.endsWith('/agreement'))!.valueDecimal, 90.4);
    assert.equal(action.condition[0].kind, 'applicability');
    assert.equal(action.condition[0].expression.language, 'text/cql-identifier');
    // Every canonical and citation the statement names is a resource of the bundle.
    const library = bundle.entry.find((e) => e.resource.resourceType === 'Library')!.resource as FhirResource & { url: string; content: { contentType: string; data: string }[] };
    assert.equal(s8.library[0], library.url);
    const elm = JSON.parse(Buffer.from(library.content[0].data, 'base64').toString('utf8')) as { library: { statements: { def: { name: string }[] } } };
    assert.equal(library.content[0].contentType, 'application/elm+json');
    assert.ok(elm.library.statements.def.some((d) => d.name === action.condition[0].expression.expression));
    const definitions = [action.definitionCanonical, ...(action.action ?? []).map((a) => a.definitionCanonical)].filter((d): d is string => d !== undefined);
    assert.ok(definitions.length > 0);
    for (const d of definitions) assert.equal(byUrl.get(d)?.resourceType, 'ActivityDefinition');
    assert.ok(s8.relatedArtifact.length > 0);
    for (const c of s8.relatedArtifact) assert.equal(byUrl.get(c.url)?.resourceType, 'DocumentReference');
    const decision = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'PlanDefinition' && (r.type as { coding: { code: string }[] }).coding[0].code === 'clinical-protocol');
    assert.ok(decision, 'the roadmap is a clinical protocol');
  });

  for (const file of sampleFiles) {
    it(`${file}: the ELM under cql-execution fires the rules our evaluator fires, keeps the recommendations our overrides keep and reads the assumptions as we do, for every case and 1,000 generated patients`, async () => {
      const analysis = sample(file);
      const { elm, expressionOf, recommendationExpressionOf, assumptionExpressions, notes } = fhirExport(analysis);
      const { scope, ruleSet } = consistencyOf(analysis);
      const rules = ruleSet.rules.map((r) => r.decl);
      assert.deepEqual(rules.filter((r) => !expressionOf.has(r)).map((r) => r.name?.text), [], `every analysed rule is exported (notes: ${notes.map((n) => n.message).join('; ')})`);
      const assumes = analysis.program.files.flatMap((f) => f.parse.ast.declarations).filter((d) => d.kind === 'Assume');
      assert.equal(assumptionExpressions.length, assumes.length, 'every assumption is an expression');
      const exported = new Map(rules.map((r) => [r, expressionOf.get(r)!]));
      const cases = analysis.source.parse.ast.declarations.filter((d): d is A.CaseDecl => d.kind === 'Case');
      const patients: { label: string; patient: Patient }[] = cases.map((c) => ({
        label: `case "${c.title?.value}"`,
        patient: new Map([...casePatient(c, scope)].map(([i, v]) => [scope.attrs[i].name, v])),
      }));
      const rnd = random(20211201);
      generatedPatients(1000, scope, thresholds(rules, scope), rnd).forEach((patient, i) => patients.push({ label: `generated patient ${i}`, patient }));
      let firings = 0;
      let overridden = 0;
      for (const { label, patient: raw } of patients) {
        const patient = asCqlDecimals(raw);
        const where = `${label}: ${JSON.stringify(Object.fromEntries(patient))}`;
        const values = await engineRun(elm, patient, scope);
        const ours = oursFires(rules, patient, scope);
        firings += ours.size;
        const names = (s: Set<A.RuleDecl>) => [...s].map((r) => r.name?.text).sort();
        assert.deepEqual(names(engineFires(values, exported)), names(ours), where);
        const stands = oursStands(ruleSet.rules, ours);
        overridden += [...ours].reduce((n, r) => n + (r.then?.interventions.length ?? 0), 0) - stands.length;
        assert.deepEqual(engineStands(values, recommendationExpressionOf), stands, `${where}: recommendations after overrides`);
        for (const { decl, name } of assumptionExpressions) {
          assert.equal(values[name] ?? undefined, evaluate(decl.condition!, patient, scope), `${where}: ${name}`);
        }
      }
      if (rules.length > 0) assert.ok(firings > patients.length / 10, `rules fire often enough to mean something (${firings} firings)`);
      if (ruleSet.rules.some((r) => r.overrides.length > 0)) assert.ok(overridden > 10, `overrides take effect often enough to mean something (${overridden})`);
    });
  }

  it('carries timings, comparators, overrides and assumptions into the bundle, and says what FHIR cannot hold', () => {
    const analysis = sample(path.basename(fixture));
    const { bundle, notes, elm } = fhirExport(analysis);
    const { ruleSet } = consistencyOf(analysis);
    type Action = { title: string; description: string; condition?: { expression: { expression: string } }[]; timingRange?: { low?: { value: number; code: string }; high?: { value: number; code: string } }; extension?: { url: string; valueCanonical?: string }[] };
    const actions = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'PlanDefinition').flatMap((p) => (p.action as Action[] | undefined) ?? []);
    const byTitle = new Map(actions.map((a) => [a.title, a]));
    const minutes: Record<string, number> = { min: 1, h: 60, d: 1440 };
    // Every timing is the action's range, in minutes the same window as the analysis's.
    for (const r of ruleSet.rules) {
      const window = r.recs[0]?.timing;
      const action = byTitle.get(r.name)!;
      if (!window) { assert.equal(action.timingRange, undefined, r.name); continue; }
      const toMinutes = (q?: { value: number; code: string }) => (q ? q.value * minutes[q.code] : undefined);
      assert.deepEqual([toMinutes(action.timingRange?.low) ?? 0, toMinutes(action.timingRange?.high) ?? Infinity], [window.low, window.high], r.name);
    }
    assert.deepEqual(['treat', 'fluids', 'pressors', 'xa'].map((n) => !!byTitle.get(n)?.timingRange), [true, true, true, true]);
    // The comparator: in the description and an extension pointing at the alternative's ActivityDefinition.
    const fluids = byTitle.get('fluids')!;
    assert.match(fluids.description, /suggest balanced_crystalloids over saline between 1 hour and 3 hours/);
    const over = fluids.extension!.find((x) => x.url.endsWith('/preferred-over'))!;
    assert.equal(bundle.entry.find((e) => e.fullUrl === over.valueCanonical)?.resource.name, 'Saline');
    // The overridden recommendation stands under its own expression; the overrider says what it replaces.
    assert.equal(byTitle.get('treat')!.condition![0].expression.expression, 'treat unless overridden on antimicrobials');
    assert.match(byTitle.get('spare')!.description, /in place of rule treat where both apply/);
    const names = (elm.library.statements as { def: { name: string }[] }).def.map((d) => d.name);
    assert.ok(['treat unless overridden on antimicrobials', 'Assumption 1', 'Assumption 2', 'Assumptions'].every((n) => names.includes(n)), names.join(', '));
    // The decision tree's leaves say the timing and the alternative too.
    const treeTitles: string[] = [];
    const walk = (a: { title?: string; action?: unknown[] }): void => { if (a.title) treeTitles.push(a.title); (a.action as typeof a[] | undefined)?.forEach(walk); };
    bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'PlanDefinition' && (r.type as { coding: { code: string }[] }).coding[0].code === 'clinical-protocol').forEach((p) => walk(p as { title?: string; action?: unknown[] }));
    assert.ok(treeTitles.includes('suggest balanced_crystalloids over saline between 1 hour and 3 hours'), treeTitles.join('; '));
    assert.deepEqual(notes.map((n) => n.kind).sort(), ['assumptions-not-tested', 'comparator-as-extension', 'molar-mass', 'timing-from-condition', 'tree-branches-as-text', 'unit-arbitrary']);
  });

  it('under the engine, values in other units convert where UCUM converts them, and are null where the notes say so', async () => {
    const { elm } = fhirExport(sample(path.basename(fixture)));
    const run = async (parameters: Record<string, unknown>): Promise<Record<string, unknown>> => {
      const executor = new cql.Executor(new cql.Library(elm), undefined, { sepsis: true, septic_shock: true, ...parameters });
      return (await executor.exec(new cql.PatientSource([{ id: 'p', recordType: 'Patient' }]))).patientResults.p as Record<string, unknown>;
    };
    // 8 kPa is 60.0 mm[Hg], 9 kPa is 67.5: under and over the 65 mmHg of `pressors`.
    assert.equal((await run({ map: new cql.Quantity(8, 'kPa') })).pressors, true);
    assert.equal((await run({ map: new cql.Quantity(9, 'kPa') })).pressors, false);
    // 100 minutes is past the 90 minutes of `imaging`; 80 is not.
    assert.equal((await run({ onset: new cql.Quantity(100, 'min'), ward: 'general' })).imaging, true);
    assert.equal((await run({ onset: new cql.Quantity(80, 'min'), ward: 'general' })).imaging, false);
    // [IU]: compared in the attribute's unit only (note unit-arbitrary); mass for a molar attribute: null (note molar-mass).
    assert.equal((await run({ anti_xa: new cql.Quantity(1.5, '[IU]/mL') })).xa, true);
    assert.equal((await run({ anti_xa: new cql.Quantity(1500, '[IU]/L') })).xa, null);
    assert.equal((await run({ lactate: new cql.Quantity(40, 'mmol/L') })).fluids, true);
    assert.equal((await run({ lactate: new cql.Quantity(40, 'mg/dL'), map: new cql.Quantity(80, 'mm[Hg]') })).fluids, null);
  });

  it('refuses nothing it can say: hostile text stays valid FHIR, and the notes name what is not exported faithfully', () => {
    const hostile = '<script>alert(1)</script> & \u0001 "x" \u0007';
    const analysis = analyzeFiles({
      'main.guideline': `guideline g { title "${hostile}" }
intervention x "${hostile}"
attribute level: number unit "furlongs"
reference 1 "${hostile}" doi "10.1000/a<b>"
statement S1 "${hostile}" {
  text "${hostile}"
  basis evidence strength strong certainty high agreement 90%
  cites 1
  rule r when level > 3 then recommend x
}
`,
    });
    const result = fhirExport(analysis);
    const validate = validator();
    assert.deepEqual([result.bundle, ...result.bundle.entry.map((e) => e.resource)].flatMap(validate), []);
    assert.ok(!JSON.stringify(result.bundle).includes('\u0001'));
    assert.ok(result.notes.some((n) => n.kind === 'unit-not-ucum' && n.message.includes('furlongs')));
  });
});
