// Visits every condition of a file (rule `when`s and decision `where`s, nested operands
// included) and every case assignment, for the checks that look at them one by one.
import type * as A from '../../../grammar/src/index.js';

export function forEachExpr(e: A.Expr | undefined, visit: (e: A.Expr) => void): void {
  if (!e) return;
  visit(e);
  if (e.kind === 'And' || e.kind === 'Or' || e.kind === 'Implies') for (const o of e.operands) forEachExpr(o, visit);
  else if (e.kind === 'Not') forEachExpr(e.operand, visit);
}

export function forEachCondition(file: A.GuidelineFile, visit: (e: A.Expr) => void, visitAssignment?: (a: A.Assignment) => void): void {
  for (const d of file.declarations) {
    if (d.kind === 'Statement') for (const r of d.rules) forEachExpr(r.when, visit);
    else if (d.kind === 'Decision') forEachExpr(d.where, visit);
    else if (d.kind === 'Assume') forEachExpr(d.condition, visit);
    else if (d.kind === 'Case' && visitAssignment) d.given.forEach(visitAssignment);
  }
}
