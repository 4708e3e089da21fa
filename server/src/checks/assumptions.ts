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
      const span = d.given.length > 0 ? { start: d.given[0].span.start, end: d.given[d.given.length - 1].span.end } : d.title?.span ?? d.span;
      report({ severity: 'error', code: 'case-violates-assumption', uri: analysis.uri, span,
        message: `This patient violates \`assume ${written(a)}\`: no such patient exists, so the case tests nothing real`,
        related: [{ uri: a.uri, span: a.decl.span, message: `assume ${written(a)}` }] });
    }
  }
}
