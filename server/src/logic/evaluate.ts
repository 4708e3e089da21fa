// Evaluates a condition straight from its syntax tree at one patient, with no boxes in
// between: the independent reference the tests hold the boxes, the tree and the witnesses
// against. Three-valued: a comparison on an attribute the patient does not give is
// unknown, and `and`/`or`/`not` combine unknowns as Kleene's logic does.
import type * as A from '../../../grammar/src/index.js';
import { assignedValue } from './condition.js';
import type { Scope } from './scope.js';

/** Attribute name -> value on the attribute's scale (member index for enums, 0/1 for booleans). */
export type Patient = ReadonlyMap<string, number>;

export function evaluate(e: A.Expr, patient: Patient, scope: Scope): boolean | undefined {
  switch (e.kind) {
    case 'Not': {
      const v = evaluate(e.operand, patient, scope);
      return v === undefined ? undefined : !v;
    }
    case 'And': {
      let unknown = false;
      for (const o of e.operands) {
        const v = evaluate(o, patient, scope);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'Implies': {
      // a -> b -> c is not a or not b or c.
      const last = e.operands.length - 1;
      let unknown = false;
      for (let i = 0; i <= last; i++) {
        const v = evaluate(e.operands[i], patient, scope);
        if (v === undefined) unknown = true;
        else if (v === (i === last)) return true;
      }
      return unknown ? undefined : false;
    }
    case 'Or': {
      let unknown = false;
      for (const o of e.operands) {
        const v = evaluate(o, patient, scope);
        if (v === true) return true;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    default:
      return atom(e, patient, scope);
  }
}

function atom(e: A.CompareExpr | A.InExpr | A.BetweenExpr | A.FlagExpr, patient: Patient, scope: Scope): boolean | undefined {
  const attr = scope.byName.get(e.attribute.text);
  const x = patient.get(e.attribute.text);
  if (!attr || x === undefined) return undefined;
  const value = (v: A.Value): number | undefined => assignedValue(attr, v);
  switch (e.kind) {
    case 'Flag':
      return x === 1;
    case 'In':
      return e.values.some((v) => value(v) === x);
    case 'Between': {
      const lo = value(e.low);
      const hi = value(e.high);
      return lo === undefined || hi === undefined ? undefined : lo <= x && x <= hi;
    }
    case 'Compare': {
      const v = value(e.value);
      if (v === undefined) return undefined;
      switch (e.op) {
        case '=': return x === v;
        case '!=': return x !== v;
        case '<': return x < v;
        case '<=': return x <= v;
        case '>': return x > v;
        case '>=': return x >= v;
      }
    }
  }
}
