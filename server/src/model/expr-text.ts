// Conditions and values written back the way the language writes them: for `inspect`,
// tree headings and messages that quote a condition.
import type * as A from '../../../grammar/src/index.js';

export function valueText(v: A.Value): string {
  switch (v.kind) {
    case 'Bool': return String(v.value);
    case 'Symbol': return v.text;
    case 'Quantity': {
      const unit = v.unit ? (v.unit.text === '%' ? '%' : /^[A-Za-z_]+$/.test(v.unit.text) ? ` ${v.unit.text}` : ` "${v.unit.text}"`) : '';
      return `${v.negative ? '-' : ''}${v.number.text}${unit}`;
    }
  }
}

/** A condition written back in the language's own syntax. */
export function exprText(e: A.Expr, parent?: A.Expr['kind']): string {
  switch (e.kind) {
    case 'And':
    case 'Or': {
      const text = e.operands.map((o) => exprText(o, e.kind)).join(e.kind === 'And' ? ' and ' : ' or ');
      return parent && parent !== e.kind ? `(${text})` : text;
    }
    case 'Implies': {
      const text = e.operands.map((o) => exprText(o, e.kind)).join(' implies ');
      return parent ? `(${text})` : text;
    }
    case 'Not': return `not ${exprText(e.operand, 'Not')}`;
    case 'Flag': return e.attribute.text;
    case 'Compare': return `${e.attribute.text} ${e.op} ${valueText(e.value)}`;
    case 'In': return `${e.attribute.text} in { ${e.values.map(valueText).join(', ')} }`;
    case 'Between': return `${e.attribute.text} between ${valueText(e.low)} and ${valueText(e.high)}`;
  }
}
