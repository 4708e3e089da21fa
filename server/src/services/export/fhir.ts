// A guideline as a FHIR R4 collection Bundle shaped by the Clinical Practice Guidelines IG
// (CPG-on-FHIR): a recommendation PlanDefinition (eca-rule) per statement with rules, an
// action per rule whose applicability condition is the rule's named expression in the
// Library's ELM, an ActivityDefinition per intervention, a DocumentReference per reference
// (DOI and PMID as identifiers) that the statements' citations point at, and a
// clinical-protocol PlanDefinition per decision tree whose nested actions follow the tree.
import type * as A from '../../../../grammar/src/index.js';
import type { Analysis } from '../../pipeline/analysis.js';
import { gradingContext, gradingOf, ruleGradingOf, type Grading } from '../../model/grading.js';
import { citedLabels } from '../../model/resolve.js';
import type { Certainty, Strength } from '../../model/vocabulary.js';
import { consistencyOf } from '../../logic/engine.js';
import { decisionsOf } from '../../logic/partition/decision.js';
import { decisionTree } from '../tree/compile.js';
import type { TreeNode } from '../../protocol.js';
import { elmLibrary, type ElmAssumption, type ElmOverride, type ElmRule } from './elm.js';
import { ucumCode } from './ucum.js';
import { timingWords } from './rule-text.js';
import { signedValue } from '../../model/quantities.js';
import { timingBounds } from '../../model/timing.js';
import { doiUrl, pubmedUrl } from '../links.js';
import { computableName, fhirString, IdMaker } from './fhir-text.js';
import type { ExportNote } from './notes.js';

export type FhirResource = { resourceType: string; id: string; [key: string]: unknown };

export interface FhirExport {
  bundle: FhirResource & { entry: { fullUrl: string; resource: FhirResource }[] };
  /** The ELM JSON the Library carries, as data. */
  elm: { library: Record<string, unknown> };
  /** Rule -> the name of its expression in the ELM, for engines and tests. */
  expressionOf: Map<A.RuleDecl, string>;
  /** Rule -> intervention -> the expression under which that recommendation stands (its rule's, or the one that leaves out where an overrider applies). */
  recommendationExpressionOf: Map<A.RuleDecl, Map<string, string>>;
  /** Each `assume` with an expression, and its name in the ELM. */
  assumptionExpressions: { decl: A.AssumeDecl; name: string }[];
  notes: ExportNote[];
}

export interface FhirOptions {
  /** Canonical base of the exported resources; a placeholder under example.org by default. */
  base?: string;
  version?: string;
}

const cpg = 'http://hl7.org/fhir/uv/cpg/StructureDefinition';
const planType = 'http://terminology.hl7.org/CodeSystem/plan-definition-type';
const strengthSystem = 'http://terminology.hl7.org/CodeSystem/recommendation-strength';
const qualitySystem = 'http://terminology.hl7.org/CodeSystem/evidence-quality';
const doiSystem = 'https://doi.org';
const pmidSystem = 'https://pubmed.ncbi.nlm.nih.gov';

/** [code, display] in the HL7 code systems. */
const strengthCodes: Record<Strength, [string, string]> = {
  strong: ['strong', 'Strong'],
  conditional: ['weak', 'Weak'],
};
const qualityCodes: Record<Certainty, [string, string]> = {
  high: ['high', 'High quality'],
  moderate: ['moderate', 'Moderate quality'],
  low: ['low', 'Low quality'],
  very_low: ['very-low', 'Very low quality'],
};

function coding(system: string, [code, display]: [string, string]): { system: string; code: string; display: string } {
  return { system, code, display };
}
const planStatus = { adopted: 'active', draft: 'draft', rejected: 'retired' } as const;

/** Drops undefined fields so no empty element reaches the validator. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

export function fhirExport(analysis: Analysis, options: FhirOptions = {}): FhirExport {
  const notes: ExportNote[] = [];
  const ids = new IdMaker();
  const header = analysis.program.files.map((f) => f.parse.ast.header).find((h) => h?.name);
  const guidelineName = header?.name?.text ?? 'guideline';
  const base = (options.base ?? `http://example.org/fhir/guideline/${encodeURIComponent(guidelineName)}`).replace(/\/+$/, '');
  const version = options.version ?? '0.1.0';
  const grading = gradingContext(analysis);
  const table = analysis.symbols;
  const entries: { fullUrl: string; resource: FhirResource }[] = [];
  const add = (resource: FhirResource): string => {
    const fullUrl = `${base}/${resource.resourceType}/${resource.id}`;
    entries.push({ fullUrl, resource });
    return fullUrl;
  };
  const canonical = (type: string, id: string): string => `${base}/${type}/${id}`;

  // References: one DocumentReference each, found again by label from the citations.
  const documents = new Map<string, { url: string; citation?: string }>();
  for (const ref of table.references.values()) {
    const id = ids.make(`reference-${ref.name}`);
    const doi = fhirString(ref.decl.doi?.value.value);
    const pmid = fhirString(ref.decl.pmid?.value.text);
    const citation = fhirString(ref.decl.citation?.value);
    const link = doi ? doiUrl(doi) : pmid ? pubmedUrl(pmid) : undefined;
    const url = add(compact({
      resourceType: 'DocumentReference',
      id,
      identifier: [
        ...(doi ? [{ system: doiSystem, value: doi }] : []),
        ...(pmid ? [{ system: pmidSystem, value: pmid }] : []),
      ],
      status: 'current',
      description: citation,
      content: [{ attachment: compact({ title: citation ?? `Reference ${ref.name}`, url: link }) }],
    }));
    documents.set(ref.name, { url, citation });
  }

  // Interventions: an ActivityDefinition each, and a do-not-perform one for those recommended against.
  const activity = new Map<string, string>();
  const activityFor = (name: string, against: boolean): string => {
    const key = `${against ? '!' : ''}${name}`;
    const known = activity.get(key);
    if (known) return known;
    const sym = table.lookup(name, 'intervention');
    const description = fhirString(sym?.decl.description?.value);
    const id = ids.make(`${against ? 'not-' : ''}${name}`);
    add(compact({
      resourceType: 'ActivityDefinition',
      id,
      url: canonical('ActivityDefinition', id),
      version,
      name: computableName(`${against ? 'not ' : ''}${name}`),
      title: fhirString(`${against ? 'Do not: ' : ''}${description ?? name}`),
      status: 'active',
      description,
      doNotPerform: against ? true : undefined,
    }));
    const url = canonical('ActivityDefinition', id);
    activity.set(key, url);
    return url;
  };

  const libraryId = ids.make(`${guidelineName}-logic`);
  const libraryUrl = canonical('Library', libraryId);
  const statements = analysis.program.files.flatMap((f) => f.parse.ast.declarations).filter((d): d is A.StatementDecl => d.kind === 'Statement');
  const elmRules: ElmRule[] = [];
  const names = new Set<string>();
  const expressionOf = new Map<A.RuleDecl, string>();
  for (const s of statements) {
    for (const r of s.rules) {
      if (!r.when || !r.then) continue;
      const ruleName = r.name?.text ?? 'rule';
      let name = ruleName;
      for (let n = 2; names.has(name); n++) name = `${s.name?.text ?? 'statement'} ${ruleName}${n > 2 ? ` ${n}` : ''}`;
      names.add(name);
      elmRules.push({ name, statement: s.name?.text ?? '(unnamed statement)', rule: ruleName, when: r.when });
      expressionOf.set(r, name);
    }
  }
  // `overrides`: a recommendation an overrider can replace stands under its own expression.
  const { ruleSet, scope } = consistencyOf(analysis);
  const overrideRules: ElmOverride[] = [];
  const overriddenOn = new Map<A.RuleDecl, Map<string, string>>();
  for (const a of ruleSet.rules) {
    const name = expressionOf.get(a.decl);
    if (!name) continue;
    for (const intervention of new Set(a.recs.map((x) => x.intervention))) {
      const by = ruleSet.rules.filter((b) => b.overrides.includes(a.index) && b.recs.some((x) => x.intervention === intervention));
      if (by.length === 0) continue;
      const byNames = by.map((b) => expressionOf.get(b.decl)).filter((n): n is string => n !== undefined);
      const effective = `${name} unless overridden on ${intervention}`;
      overrideRules.push({ name: effective, rule: name, by: byNames.length === by.length ? byNames : [...byNames, `(rule ${by.map((b) => b.name).join(', ')})`] });
      let on = overriddenOn.get(a.decl);
      if (!on) overriddenOn.set(a.decl, (on = new Map()));
      on.set(intervention, effective);
    }
  }
  // `assume`: stated in the library, not tested by the rules (a note says so).
  const assumes = analysis.program.files.flatMap((f) => f.parse.ast.declarations).filter((d): d is A.AssumeDecl => d.kind === 'Assume' && d.condition !== undefined);
  const assumptionList: (ElmAssumption & { decl: A.AssumeDecl })[] = assumes.map((d, i) => ({ decl: d, name: `Assumption ${i + 1}`, condition: d.condition!, what: `Assumption ${i + 1}` }));
  const library = elmLibrary(computableName(guidelineName), version, scope, elmRules, notes, { overrides: overrideRules, assumptions: assumptionList });
  const translated = new Set(library.expressions.map((e) => e.name));
  for (const [rule, name] of [...expressionOf]) if (!translated.has(name)) expressionOf.delete(rule);
  const keptOverrides = new Set(library.overrides.map((o) => o.name));
  const recommendationExpressionOf = new Map<A.RuleDecl, Map<string, string>>();
  for (const [decl, name] of expressionOf) {
    const on = new Map<string, string>();
    for (const i of decl.then?.interventions ?? []) {
      const effective = overriddenOn.get(decl)?.get(i.text);
      on.set(i.text, effective && keptOverrides.has(effective) ? effective : name);
    }
    recommendationExpressionOf.set(decl, on);
  }
  const assumptionExpressions = library.assumptions.map((a) => ({ decl: assumptionList.find((x) => x.name === a.name)!.decl, name: a.name }));
  if (assumes.length > 0) {
    notes.push({ kind: 'assumptions-not-tested', message: `The guideline assumes ${assumes.length === 1 ? 'one fact' : `${assumes.length} facts`} about every patient: the Library states ${assumes.length === 1 ? 'it' : 'each'} as an expression (\`Assumption 1\`${assumes.length > 1 ? ', ...' : ''}; \`Assumptions\` for all), but the rules' applicability conditions do not test them, so a record that breaks one is outside what the guideline analysed` });
  }
  if (statements.some((st) => st.rules.some((r) => r.then?.timing))) {
    notes.push({ kind: 'timing-from-condition', message: 'Timings (`within`, `after`, `between`) are the actions\' timingRange, counted from when the rule\'s condition holds: FHIR\'s timing names no starting point of its own' });
  }

  // Statements with rules: recommendation definitions.
  const planOf = new Map<string, string>();
  for (const s of statements) {
    const rules = s.rules.filter((r) => r.then && r.then.interventions.length > 0);
    if (rules.length === 0) continue;
    const g = gradingOf(s, grading);
    const statementName = s.name?.text ?? 'statement';
    const id = ids.make(`statement-${statementName}`);
    const url = canonical('PlanDefinition', id);
    planOf.set(statementName, url);
    const cites = (s.cites?.value ?? []).flatMap(citedLabels);
    const missing = cites.filter((label) => !documents.has(label));
    if (missing.length > 0) notes.push({ kind: 'citation-not-exported', message: `${statementName} cites ${missing.join(', ')}, which no reference declares: left out of its citations` });
    add(compact({
      resourceType: 'PlanDefinition',
      id,
      meta: { profile: [`${cpg}/cpg-recommendationdefinition`] },
      extension: gradingExtensions(base, g),
      url,
      version,
      name: computableName(statementName),
      title: fhirString(s.title?.value ? `${statementName}: ${s.title.value}` : statementName),
      type: { coding: [coding(planType, ['eca-rule', 'ECA Rule'])] },
      status: planStatus[g.status],
      description: fhirString(s.text?.value.value),
      purpose: fhirString(s.rationale?.value.value),
      topic: s.section ? [{ text: fhirString(s.section.value.value) }].filter((t) => t.text) : undefined,
      relatedArtifact: cites.filter((label) => documents.has(label)).map((label) => {
        const doc = documents.get(label)!;
        return compact({ type: 'citation', label: fhirString(label), citation: doc.citation, url: doc.url });
      }),
      library: [libraryUrl],
      action: rules.map((r) => ruleAction(r, ruleGradingOf(g, r, grading.scheme), expressionOf.get(r), recommendationExpressionOf.get(r), libraryUrl, activityFor, base, notes)),
    }));
  }

  // Decision trees: clinical protocols whose nested actions follow the tree.
  const consistency = consistencyOf(analysis);
  for (const d of decisionsOf(consistency)) {
    if (!d.name) continue;
    const result = decisionTree(analysis, d.name.text);
    if (!result.tree) continue;
    if (result.truncated) notes.push({ kind: 'tree-truncated', message: `Decision \`${d.name.text}\` reached the tree's size limit: its protocol stops where the tree does` });
    const id = ids.make(`decision-${d.name.text}`);
    add(compact({
      resourceType: 'PlanDefinition',
      id,
      url: canonical('PlanDefinition', id),
      version,
      name: computableName(d.name.text),
      title: fhirString(d.title?.value) ?? d.name.text,
      type: { coding: [coding(planType, ['clinical-protocol', 'Clinical Protocol'])] },
      status: 'active',
      description: result.where ? fhirString(`For patients where ${result.where}`) : undefined,
      library: [libraryUrl],
      action: [treeAction(result.tree, planOf, activityFor)],
    }));
  }
  if (decisionsOf(consistency).length > 0) {
    notes.push({ kind: 'tree-branches-as-text', message: 'Decision tree branches carry their conditions as text (`attribute: values`); the executable logic is the rules\' expressions in the Library' });
  }

  const elmJson = JSON.stringify(library.elm);
  add(compact({
    resourceType: 'Library',
    id: libraryId,
    url: libraryUrl,
    version,
    name: computableName(`${guidelineName} logic`),
    title: fhirString(`${header?.title?.value.value ?? guidelineName}: logic`),
    status: 'active',
    type: { coding: [coding('http://terminology.hl7.org/CodeSystem/library-type', ['logic-library', 'Logic Library'])] },
    parameter: library.parameters.map((p) => compact({ name: p.name, use: 'in', min: 0, max: '1', documentation: fhirString(p.attr.description), type: p.type })),
    content: [{ contentType: 'application/elm+json', data: Buffer.from(elmJson, 'utf8').toString('base64') }],
  }));

  const bundleId = ids.make(`${guidelineName}-bundle`);
  // The Library first: readers of the bundle meet the logic before what refers to it.
  const library0 = entries.pop()!;
  return {
    bundle: { resourceType: 'Bundle', id: bundleId, type: 'collection', entry: [library0, ...entries] },
    elm: library.elm,
    expressionOf,
    recommendationExpressionOf,
    assumptionExpressions,
    notes,
  };
}

function codeable(system: string, c: [string, string], label: string): Record<string, unknown> {
  return { coding: [coding(system, c)], text: label };
}

/** Strength and certainty with the CPG's extensions (CQF's core extensions in R4), GRADE codes and our own words. */
function recommendationExtensions(g: Grading): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (g.strength) out.push({ url: 'http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation', valueCodeableConcept: codeable(strengthSystem, strengthCodes[g.strength], g.strength) });
  if (g.certainty) out.push({ url: 'http://hl7.org/fhir/StructureDefinition/cqf-qualityOfEvidence', valueCodeableConcept: codeable(qualitySystem, qualityCodes[g.certainty], g.certainty.replace('_', ' ')) });
  return out;
}

/** The panel's agreement and votes: no standard extension says these, so they are under our base. */
function gradingExtensions(base: string, g: Grading): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (g.agreement !== undefined) out.push({ url: `${base}/StructureDefinition/agreement`, valueDecimal: g.agreement });
  if (g.votes) {
    out.push({
      url: `${base}/StructureDefinition/votes`,
      extension: Object.entries(g.votes).map(([grade, count]) => ({ url: grade, valueInteger: count })),
    });
  }
  if (g.endorsedStrong !== undefined) out.push({ url: `${base}/StructureDefinition/endorsed-strong`, valueDecimal: g.endorsedStrong });
  return out;
}

function ruleAction(
  r: A.RuleDecl,
  g: Grading,
  expression: string | undefined,
  standsUnder: ReadonlyMap<string, string> | undefined,
  libraryUrl: string,
  activityFor: (name: string, against: boolean) => string,
  base: string,
  notes: ExportNote[],
): Record<string, unknown> {
  const act = r.then!;
  const verb = `${act.verb}${act.against ? ' against' : ''}`;
  const interventions = act.interventions.map((i) => i.text);
  const one = interventions.length === 1;
  const ruleName = r.name?.text ?? 'rule';
  const over = (act.over ?? []).map((o) => o.text);
  const overText = over.length > 0 ? ` over ${over.join(', ')}` : '';
  const timing = timingRange(act.timing);
  if (over.length > 0) {
    notes.push({ kind: 'comparator-as-extension', message: `Rule \`${ruleName}\` prefers ${interventions.join(', ')} over ${over.join(', ')}: FHIR has no element for the alternative, so it is in the action's description and the extension ${base}/StructureDefinition/preferred-over` });
  }
  const condition = (name: string | undefined) => (name ? [{ kind: 'applicability', expression: { language: 'text/cql-identifier', expression: name, reference: libraryUrl } }] : undefined);
  // A recommendation an overrider can replace has its own condition; the rule's stands for the others.
  const conditionOf = (intervention: string) => condition(standsUnder?.get(intervention) ?? expression);
  const sameForAll = new Set(interventions.map((i) => standsUnder?.get(i) ?? expression)).size <= 1;
  return compact({
    extension: [
      ...recommendationExtensions(g),
      ...over.map((o) => ({ url: `${base}/StructureDefinition/preferred-over`, valueCanonical: activityFor(o, false) })),
    ],
    title: fhirString(ruleName),
    description: `${verb} ${interventions.join(', ')}${overText}${act.timing ? ` ${timingWords(act.timing)}` : ''}${r.overrides ? `, in place of rule ${r.overrides.value.map((n) => n.text).join(', ')} where both apply` : ''}`,
    condition: sameForAll ? conditionOf(interventions[0]) : condition(expression),
    timingRange: one ? timing : undefined,
    definitionCanonical: one ? activityFor(interventions[0], act.against) : undefined,
    selectionBehavior: one ? undefined : 'all',
    action: one ? undefined : interventions.map((i) => compact({
      title: `${verb} ${i}`,
      condition: sameForAll ? undefined : conditionOf(i),
      timingRange: timing,
      definitionCanonical: activityFor(i, act.against),
    })),
  });
}

/** `within D`, `after D`, `between D1 and D2` as the action's timingRange, in UCUM durations, from when the condition holds. */
function timingRange(t: A.Timing | undefined): Record<string, unknown> | undefined {
  if (!t) return undefined;
  const quantity = (v: A.QuantityValue | undefined): Record<string, unknown> | undefined => {
    const code = v?.unit ? ucumCode(v.unit.text) : undefined;
    if (!v || !code) return undefined;
    return { value: signedValue(v), unit: v.unit!.text, system: 'http://unitsofmeasure.org', code };
  };
  const bounds = timingBounds(t);
  const high = quantity(bounds.high);
  const low = t.kind === 'within' && high ? { ...high, value: 0 } : quantity(bounds.low);
  return low || high ? compact({ low, high }) : undefined;
}

function treeAction(root: TreeNode, planOf: Map<string, string>, activityFor: (name: string, against: boolean) => string): Record<string, unknown> {
  // Shared subtrees come once in full, then as references: each is expanded where it recurs.
  const full = new Map<string, TreeNode>();
  const collect = (n: TreeNode): void => {
    if (n.ref) return;
    full.set(n.id, n);
    if (n.kind === 'split') n.branches.forEach((b) => collect(b.node));
  };
  collect(root);
  const convert = (node: TreeNode): Record<string, unknown> => {
    const n = node.ref ? full.get(node.id) ?? node : node;
    if (n.kind === 'split') {
      return compact({
        title: fhirString(n.attributeLabel ?? n.attribute),
        selectionBehavior: 'exactly-one',
        action: n.branches.map((b) => compact({ title: fhirString(`${n.attribute}: ${b.label}`), ...actionsOf(convert(b.node)) })),
      });
    }
    if (n.recommendations.length === 0) return { title: n.gap ? 'No recommendation (a gap)' : 'No recommendation' };
    return compact({
      title: n.conflict ? 'Conflicting recommendations' : 'Recommendations',
      selectionBehavior: 'any',
      action: n.recommendations.map((rec) => {
        const verb = `${rec.verb}${rec.against ? ' against' : ''}`;
        return compact({
          title: fhirString(`${verb} ${rec.intervention}${rec.over && rec.over.length > 0 ? ` over ${rec.over.join(', ')}` : ''}${rec.timing ? ` ${rec.timing}` : ''}`),
          description: fhirString(`${rec.statement}${rec.statementTitle ? ` ${rec.statementTitle}` : ''}, rule ${rec.rule}`),
          definitionCanonical: planOf.get(rec.statement) ?? activityFor(rec.intervention, rec.against),
        });
      }),
    });
  };
  return { title: 'Decision', ...actionsOf(convert(root)) };
}

/** A branch holds its subtree's node as its only sub-action. */
function actionsOf(child: Record<string, unknown>): { action: Record<string, unknown>[] } {
  return { action: [child] };
}
