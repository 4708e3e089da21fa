// The assumptions themselves: together they must admit some patient, and every case's
// patient must satisfy each of them (a case is a patient who can exist).
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { casePatient } from '../logic/consistency/cases.js';
import { consistencyOf } from '../logic/engine.js';
import { evaluate } from '../logic/evaluate.js';

export function checkAssumptions(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  const c = consistencyOf(analysis);
  const { list, boxes, tooComplex } = c.assumptions;
  if (list.length === 0) return;
  const mine = list.filter((a) => a.uri === analysis.uri);
  const written = (a: (typeof list)[number]): string => {
    const t = analysis.program.files.find((f) => f.uri === a.uri)?.text ?? '';
    return a.decl.condition ? t.slice(a.decl.condition.span.start, a.decl.condition.span.end).replace(/\s+/g, ' ') : '';
  };
  // An assumption the analysis cannot use would otherwise be dropped without a word, and
  // findings, trees and witnesses would quietly admit patients it excludes.
  for (const a of mine) {
    if (a.problem?.kind === 'too-complex' || a.problem?.kind === 'unsupported-attribute') {
      const why = a.problem.kind === 'too-complex' ? 'has too many alternatives to analyse' : `tests \`${a.problem.attribute}\`, an enum with more members than the checks model`;
      report({ severity: 'warning', code: 'assumption-not-analysed', uri: analysis.uri, span: a.decl.span,
        message: `This assumption ${why}: the consistency checks, trees and witnesses do without it` });
    } else if (tooComplex && a.boxes) {
      report({ severity: 'warning', code: 'assumption-not-analysed', uri: analysis.uri, span: a.decl.span,
        message: `The ${list.length} assumptions together have too many alternatives to analyse: the consistency checks, trees and witnesses do without them; combine or simplify them` });
    }
  }
  if (!tooComplex && boxes.length === 0 && mine.length > 0) {
    const all = list.filter((a) => a.boxes).map((a) => `\`${written(a)}\``).join(', ');
    for (const a of mine) {
      report({ severity: 'error', code: 'assumptions-unsatisfiable', uri: analysis.uri, span: a.decl.span,
        message: `No patient satisfies all the assumptions together (${all}): every rule would be vacuous; correct or remove one` });
    }
  }
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Case') continue;
    const byIndex = casePatient(d, c.scope);
    const patient = new Map([...byIndex].map(([i, v]) => [c.scope.attrs[i].name, v]));
    for (const a of list) {
      if (!a.boxes || !a.decl.condition || evaluate(a.decl.condition, patient, c.scope) !== false) continue;
      const span = d.given.length > 0 ? { start: d.given[0].span.start, end: d.given[d.given.length - 1].span.end } : d.title ?? d.span;
      report({ severity: 'error', code: 'case-violates-assumption', uri: analysis.uri, span,
        message: `This patient violates \`assume ${written(a)}\`: no such patient exists, so the case tests nothing real`,
        related: [{ uri: a.uri, span: a.decl.span, message: `assume ${written(a)}` }] });
    }
  }
}
