// A decision's `where` in words, from the attributes' descriptions: "Point in the
// conversion pathway is not post resection, and not (technically resectable ... and CNLC
// stage is Ia, Ib or IIa)".
import type * as A from '../../../../grammar/src/index.js';
import type { Analysis } from '../../pipeline/analysis.js';
import { humanize, lowerFirst, shortText } from '../../render/words.js';

/** A member by its own description where the committee gave one ("after R0 resection"). */
type MemberWords = (attribute: A.Name, member: string) => string | undefined;

function valueWords(v: A.Value, member?: string): string {
  switch (v.kind) {
    case 'Symbol': return member ?? humanize(v.text);
    case 'Bool': return v.value ? 'yes' : 'no';
    case 'Quantity': {
      const unit = v.unit?.text;
      const n = `${v.negative ? '-' : ''}${v.number.text}`;
      return unit === undefined ? n : unit === '%' ? `${n}%` : `${n} ${unit}`;
    }
  }
}

function list(values: string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

const opWords: Record<A.CompareOp, string> = { '=': 'is', '!=': 'is not', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export function whereText(e: A.Expr, analysis: Analysis): string {
  const memberWords: MemberWords = (attribute, member) => {
    const type = analysis.symbols.lookup(attribute.text, 'attribute')?.decl.type?.name.text;
    const enumSym = type ? analysis.symbols.lookup(type, 'enum') : undefined;
    const d = enumSym && analysis.symbols.members.get(enumSym)?.get(member)?.description;
    return d ? lowerFirst(shortText(d)) : undefined;
  };
  const value = (a: A.Name, v: A.Value): string => valueWords(v, v.kind === 'Symbol' ? memberWords(a, v.text) : undefined);
  const name = (n: A.Name): string => {
    const d = analysis.symbols.lookup(n.text, 'attribute')?.decl.description?.value;
    return d ? shortText(d) : humanize(n.text);
  };
  const words = (x: A.Expr, parent?: A.Expr['kind']): string => {
    switch (x.kind) {
      case 'And':
      case 'Or': {
        const text = x.operands.map((o) => words(o, x.kind)).join(x.kind === 'And' ? ', and ' : ', or ');
        return parent ? `(${text})` : text;
      }
      case 'Implies': {
        const text = x.operands.map((o) => words(o, x.kind)).join(', then ');
        return parent ? `(if ${text})` : `if ${text}`;
      }
      case 'Not': return `not ${words(x.operand, 'Not')}`;
      case 'Flag': return name(x.attribute);
      case 'Compare': return `${name(x.attribute)} ${opWords[x.op]} ${value(x.attribute, x.value)}`;
      case 'In': return `${name(x.attribute)} is ${list(x.values.map((v) => value(x.attribute, v)))}`;
      case 'Between': return `${name(x.attribute)} between ${valueWords(x.low)} and ${valueWords(x.high)}`;
    }
  };
  return words(e);
}
