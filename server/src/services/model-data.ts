// The resolved model of a guideline as plain data: what `guideline inspect` prints and what
// other tools can consume. Enumerated values are spelled as in the language.
import type { Analysis } from '../pipeline/analysis.js';
import { gradingContext, gradingOf, ruleGradingOf, type Grading } from '../model/grading.js';
import type { GradingScheme } from '../model/grading-scheme.js';
import { citedLabels } from '../model/resolve.js';
import { attributeType, describeType } from '../model/types.js';
import type * as A from '../../../grammar/src/index.js';
import { exprText, valueText } from '../model/expr-text.js';

export function exportModel(analysis: Analysis) {
  const ctx = gradingContext(analysis);
  const panel = ctx.panel;
  const header = analysis.program.files.map((f) => f.parse.ast.header).find((h) => h);
  const table = analysis.symbols;
  const inScope = <T extends { uri: string }>(items: T[]) => items;
  return {
    guideline: header && {
      id: header.name?.text,
      title: header.title?.value.value,
      doi: header.doi?.value.value,
    },
    panel,
    grading: schemeData(ctx.scheme),
    files: analysis.program.files.map((f) => f.uri),
    statements: inScope(table.ofKind('statement')).map((s) => {
      const g = gradingOf(s.decl, ctx);
      return {
        id: s.name,
        title: s.decl.title?.value,
        kind: g.kind,
        text: s.decl.text?.value.value,
        basis: g.basis ?? null,
        ...gradeData(g),
        agreement: g.agreement ?? null,
        voters: g.voters ?? null,
        votes: g.votes ?? null,
        endorsedStrong: g.endorsedStrong ?? null,
        status: g.status,
        section: s.decl.section?.value.value ?? null,
        rationale: s.decl.rationale?.value.value ?? null,
        remarks: g.remarks,
        history: g.history ? { status: g.history.word, note: g.history.note ?? null } : null,
        cites: (s.decl.cites?.value ?? []).flatMap(citedLabels),
        rules: s.decl.rules.map((r) => ({
          id: r.name?.text ?? null,
          ownGrading: r.strength !== undefined || r.certainty !== undefined,
          ...gradeData(ruleGradingOf(g, r, ctx.scheme)),
          verb: r.then ? `${r.then.verb}${r.then.against ? ' against' : ''}` : null,
          interventions: r.then?.interventions.map((i) => i.text) ?? [],
          when: r.when ? exprText(r.when) : null,
        })),
      };
    }),
    references: [...table.references.values()].map((r) => ({
      label: r.name,
      citation: r.decl.citation?.value ?? null,
      doi: r.decl.doi?.value.value ?? null,
      pmid: r.decl.pmid?.value.text ?? null,
    })),
    enums: table.ofKind('enum').map((e) => ({ name: e.name, description: e.decl.description?.value ?? null, members: e.decl.members.map((m) => m.text) })),
    attributes: table.ofKind('attribute').map((a) => ({
      name: a.name,
      type: describeType(attributeType(a, table)),
      description: a.decl.description?.value ?? null,
    })),
    interventions: table.ofKind('intervention').map((i) => ({ name: i.name, description: i.decl.description?.value ?? null })),
    cases: analysis.program.files.flatMap((f) => f.parse.ast.declarations).filter((d): d is A.CaseDecl => d.kind === 'Case').map((c) => ({
      title: c.title?.value ?? null,
      given: Object.fromEntries(c.given.map((g) => [g.attribute.text, valueText(g.value)])),
      expect: c.expects.map((x) => (x.nothing ? 'nothing' : `${x.only ? 'only ' : ''}${x.negated ? 'not ' : ''}${x.action!.verb}${x.action!.against ? ' against' : ''} ${x.action!.interventions.map((i) => i.text).join(', ')}`)),
    })),
    decisions: table.ofKind('decision').map((d) => ({
      name: d.name,
      title: d.decl.title?.value ?? null,
      ask: d.decl.ask.map((a) => a.text),
      where: d.decl.where ? exprText(d.decl.where) : null,
    })),
  };
}

/** Strength and certainty as written (levels of the scheme), and what they mean in GRADE. */
function gradeData(g: Grading) {
  return {
    strength: g.written.strength ?? null,
    certainty: g.written.certainty ?? null,
    grade: { strength: g.strength ?? null, certainty: g.certainty ?? null },
  };
}

function schemeData(scheme: GradingScheme) {
  return {
    name: scheme.name,
    title: scheme.title ?? null,
    builtin: scheme.builtin,
    strength: Object.fromEntries(scheme.strengths),
    certainty: Object.fromEntries(scheme.certainties),
  };
}
