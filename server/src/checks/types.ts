// Type checks of conditions and case assignments: an attribute is compared only with
// values of its own kind (its enum's members, true/false, a quantity in a compatible
// unit), with an operator that makes sense for it; `between` bounds come in order.
import type * as A from '../../../grammar/src/index.js';
import { operatorSpan } from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { didYouMean } from '../model/did-you-mean.js';
import { describeUnit, lookupWrittenUnit, scaleQuantity, signedValue, unitOfType } from '../model/quantities.js';
import { attributeType, type AttrType } from '../model/types.js';
import { lookupUnit } from '../model/units.js';
import { forEachCondition } from './walk.js';

type Report = (f: Finding) => void;

/** How an attribute reads in a message: "`age` is measured in years". */
export function describeAttribute(name: string, type: AttrType): string {
  switch (type.kind) {
    case 'boolean': return `\`${name}\` is a boolean (true or false)`;
    case 'enum': return `\`${name}\` takes a value of \`${type.enum.name}\``;
    case 'percent': return `\`${name}\` is a percentage`;
    case 'duration': return `\`${name}\` is measured in ${type.unit}`;
    case 'number': {
      if (!type.unit) return `\`${name}\` is a plain number with no unit`;
      const own = unitOfType(type);
      return `\`${name}\` is measured in ${type.unit}${own ? ` (${own.dimension})` : ''}`;
    }
    case 'unknown': return `\`${name}\` has an unknown type`;
  }
}

/** How a value reads in a message: "`4 cm` is a length". */
export function describeValue(value: A.Value, text: string): string {
  const written = `\`${text.slice(value.start, value.end)}\``;
  switch (value.kind) {
    case 'Bool': return `${written} is a boolean`;
    case 'Symbol': return `${written} is a name`;
    case 'Quantity': return value.unit ? `${written} is ${describeUnit(value.unit.text)}` : `${written} is a number`;
  }
}

const isNumeric = (t: AttrType): boolean => t.kind === 'number' || t.kind === 'percent' || t.kind === 'duration';

export function checkTypes(analysis: ResolvedDocument, report: Report): void {
  const { uri, symbols, resolution } = analysis;
  const text = analysis.source.text;
  const typeOf = (name: A.Name): AttrType | undefined => {
    const sym = resolution.attribute(name);
    const type = sym && attributeType(sym, symbols);
    return type && type.kind !== 'unknown' ? type : undefined;
  };
  const error = (code: string, span: A.Span, message: string, data?: Finding['data']): void =>
    report({ severity: 'error', code, message, uri, span, ...(data ? { data } : {}) });

  /** Checks one value against the attribute's type; returns it on the attribute's scale when numeric and valid. */
  const checkValue = (attr: A.Name, type: AttrType, value: A.Value): number | undefined => {
    const mismatch = (hint = ''): void => error('type-mismatch', value, `${describeAttribute(attr.text, type)}, but ${describeValue(value, text)}${hint}`);
    if (type.kind === 'boolean') {
      if (value.kind !== 'Bool') mismatch(': use `true` or `false`');
      return undefined;
    }
    if (type.kind === 'enum') {
      // A name that is not a member is reported by resolution as unresolved-member.
      if (value.kind !== 'Symbol') mismatch(`: use one of its members`);
      return undefined;
    }
    if (value.kind !== 'Quantity') {
      mismatch(': use a number');
      return undefined;
    }
    if (value.unit?.text === '%' || (type.kind === 'percent' && !value.unit)) {
      const pct = signedValue(value);
      if (pct < 0 || pct > 100) {
        error('percent-out-of-range', value, `\`${text.slice(value.start, value.end)}\` is outside 0%..100%`);
      }
    }
    const scaled = scaleQuantity(value, type);
    if (scaled.ok) return scaled.value;
    const written = `\`${text.slice(value.start, value.end)}\``;
    switch (scaled.problem) {
      case 'unknown-unit': {
        const unit = value.unit?.text ?? '';
        const found = lookupWrittenUnit(unit);
        const nearest = found.ok ? [] : [...found.nearest];
        const at = value.unit ?? value;
        error('unknown-unit', at, `\`${unit}\` is not a unit UCUM knows${didYouMean(nearest)}`, { suggestions: nearest.map((u) => (at === value || !/^[A-Za-z_]+$/.test(u) ? JSON.stringify(u) : u)) });
        break;
      }
      case 'out-of-range':
        error('quantity-out-of-range', value, `${written} is too large to compare in ${describeTypeUnit(type)}`);
        break;
      case 'needs-molar-mass':
        error('unit-mismatch', value, `${describeAttribute(attr.text, type)}, but ${describeValue(value, text)}: mass and molar amounts convert only through a molar mass; add \`molar_mass\` (g/mol) to \`${attr.text}\``);
        break;
      default:
        error('unit-mismatch', value, `${describeAttribute(attr.text, type)}, but ${describeValue(value, text)}`);
    }
    return undefined;
  };

  const orderOnly = (attr: A.Name, type: AttrType, span: A.Span, op: string): void => {
    const use = type.kind === 'boolean' ? '`=`, `!=` or the attribute on its own as a condition' : '`=`, `!=` or `in { ... }`';
    error('invalid-operator', span, `${describeAttribute(attr.text, type)}, which has no order, so \`${op}\` does not apply: use ${use}`);
  };

  forEachCondition(analysis.source.parse.ast, (e) => {
    switch (e.kind) {
      case 'Flag': {
        const type = typeOf(e.attribute);
        if (type && type.kind !== 'boolean') {
          const how = type.kind === 'enum' ? `e.g. \`${e.attribute.text} = ${firstMember(analysis, type) ?? '...'}\`` : `e.g. \`${e.attribute.text} < ...\``;
          error('not-a-condition', e.attribute, `${describeAttribute(e.attribute.text, type)}, not a boolean, so it is not a condition on its own: compare it, ${how}`);
        }
        break;
      }
      case 'Compare': {
        const type = typeOf(e.attribute);
        if (!type) break;
        if (!isNumeric(type) && e.op !== '=' && e.op !== '!=') orderOnly(e.attribute, type, operatorSpan(e, text), e.op);
        checkValue(e.attribute, type, e.value);
        break;
      }
      case 'In': {
        const type = typeOf(e.attribute);
        if (type) e.values.forEach((v) => checkValue(e.attribute, type, v));
        break;
      }
      case 'Between': {
        const type = typeOf(e.attribute);
        if (!type) break;
        if (!isNumeric(type)) {
          const at = text.indexOf('between', e.attribute.end);
          orderOnly(e.attribute, type, at >= 0 && at < e.low.start ? { start: at, end: at + 'between'.length } : e.span, 'between');
          break;
        }
        const low = checkValue(e.attribute, type, e.low);
        const high = checkValue(e.attribute, type, e.high);
        if (low !== undefined && high !== undefined && low > high) {
          const lowText = text.slice(e.low.start, e.low.end);
          const highText = text.slice(e.high.start, e.high.end);
          error('between-order', { start: e.low.start, end: e.high.end }, `The lower bound \`${lowText}\` is above the upper bound \`${highText}\`: no value of \`${e.attribute.text}\` is between them; swap them`);
        }
        break;
      }
      default:
        break;
    }
  }, (assignment) => {
    const type = typeOf(assignment.attribute);
    if (type) checkValue(assignment.attribute, type, assignment.value);
  });

  checkFieldPercentages(analysis, report);
  checkUnitDeclarations(analysis, report);
}

function describeTypeUnit(type: AttrType): string {
  return type.kind === 'duration' ? type.unit : type.kind === 'number' && type.unit ? type.unit : type.kind;
}

/** An attribute's own unit is one UCUM knows; its molar mass is a positive number on a number with a unit. */
function checkUnitDeclarations(analysis: ResolvedDocument, report: Report): void {
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Attribute') continue;
    const unit = d.type?.unit;
    if (unit) {
      const found = lookupUnit(unit.value);
      if (!found.ok) {
        report({
          severity: 'error', code: 'unknown-unit', uri: analysis.uri, span: unit,
          message: `\`${unit.value}\` is not a unit UCUM knows${didYouMean([...found.nearest])}`,
          data: { suggestions: found.nearest.map((u) => JSON.stringify(u)) },
        });
      }
    }
    const mm = d.molarMass;
    if (!mm) continue;
    const invalid = (message: string): void => report({ severity: 'error', code: 'invalid-molar-mass', uri: analysis.uri, span: mm.span, message });
    if (d.type?.name.text !== 'number' || !unit) invalid('`molar_mass` applies only to a `number unit "..."` attribute (a mass or molar concentration)');
    else if (!(mm.value.value > 0) || !Number.isFinite(mm.value.value)) invalid(`A molar mass must be a positive number of g/mol, not \`${mm.value.text}\``);
  }
}

function firstMember(analysis: ResolvedDocument, type: Extract<AttrType, { kind: 'enum' }>): string | undefined {
  return analysis.symbols.members.get(type.enum)?.keys().next().value;
}

/** Percentages in the panel and statement fields are within 0..100 too. */
function checkFieldPercentages(analysis: ResolvedDocument, report: Report): void {
  const ast = analysis.source.parse.ast;
  const fields: (A.Field<A.NumberLit> | undefined)[] = [ast.header?.panel?.consensus, ast.header?.panel?.strong];
  for (const d of ast.declarations) if (d.kind === 'Statement') fields.push(d.agreement, d.endorsedStrong);
  for (const f of fields) {
    if (f && f.value.value > 100) {
      // The percentage's span covers its `%` sign.
      report({ severity: 'error', code: 'percent-out-of-range', message: `\`${f.value.text}%\` is outside 0%..100%`, uri: analysis.uri, span: f.value });
    }
  }
}
