// The rules' conditions as ELM, the compiled form of CQL that FHIR's Library carries and CQL
// engines run: one parameter per attribute (booleans, enum members as strings, quantities
// in UCUM, plain numbers as decimals) and one named expression per rule condition. The
// translation keeps our evaluator's three-valued logic: a missing attribute is null, and
// every comparison on null is null, so `not` of it stays unknown (which is why `in { }`
// becomes a chain of equalities rather than CQL's `in`, which is false on null).
import type * as A from '../../../../grammar/src/index.js';
import { signedValue } from '../../model/quantities.js';
import { assignedValue } from '../../logic/condition.js';
import type { AttrInfo, Scope } from '../../logic/scope.js';
import type { ExportNote } from './notes.js';
import { attributeUcum, comparableUcum, ucumCode } from './ucum.js';

const T = (name: string): string => `{urn:hl7-org:elm-types:r1}${name}`;

export type ElmNode = { type: string; [key: string]: unknown };

export interface ElmRule {
  /** The expression's name in the library. */
  name: string;
  statement: string;
  rule: string;
  when: A.Expr;
}

export interface ElmLibrary {
  elm: { library: Record<string, unknown> };
  /** Parameter name -> FHIR type code, for Library.parameter. */
  parameters: { name: string; type: 'boolean' | 'string' | 'Quantity' | 'decimal'; attr: AttrInfo }[];
  expressions: ElmRule[];
}

/** How a parameter holds an attribute's values. */
export function parameterKind(attr: AttrInfo): 'boolean' | 'string' | 'Quantity' | 'decimal' {
  if (attr.type.kind === 'boolean') return 'boolean';
  if (attr.kind === 'finite') return 'string';
  return comparableUcum(attr.type) ? 'Quantity' : 'decimal';
}

const elmType: Record<ReturnType<typeof parameterKind>, string> = { boolean: 'Boolean', string: 'String', Quantity: 'Quantity', decimal: 'Decimal' };

class Untranslatable extends Error {}

function literal(valueType: string, value: string): ElmNode {
  return { type: 'Literal', valueType: T(valueType), value };
}

function binary(type: string, operands: ElmNode[]): ElmNode {
  // ELM's And and Or take two operands: a longer list nests to the left.
  return operands.slice(1).reduce((acc, o) => ({ type, operand: [acc, o] }), operands[0]);
}

function decimalText(n: number): string {
  const s = String(n);
  return s.includes('e') ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}

export class ElmTranslator {
  constructor(private readonly scope: Scope, private readonly notes: ExportNote[]) {}

  private value(attr: AttrInfo, v: A.Value): ElmNode {
    const kind = parameterKind(attr);
    if (kind === 'boolean') {
      if (v.kind !== 'Bool') throw new Untranslatable();
      return literal('Boolean', String(v.value));
    }
    if (kind === 'string') {
      const index = assignedValue(attr, v);
      if (index === undefined) throw new Untranslatable();
      return literal('String', attr.members[index]);
    }
    if (v.kind !== 'Quantity') throw new Untranslatable();
    if (kind === 'decimal') {
      const n = assignedValue(attr, v);
      if (n === undefined) throw new Untranslatable();
      return literal('Decimal', decimalText(n));
    }
    // A quantity keeps the unit it is written in; the engine converts, as the analysis does.
    const written = v.unit?.text;
    const unit = written === undefined ? comparableUcum(attr.type) : ucumCode(written);
    if (unit === undefined || assignedValue(attr, v) === undefined) throw new Untranslatable();
    return { type: 'Quantity', value: signedValue(v), unit };
  }

  expression(e: A.Expr): ElmNode {
    switch (e.kind) {
      case 'Not': return { type: 'Not', operand: this.expression(e.operand) };
      case 'And':
      case 'Or': return binary(e.kind, e.operands.map((o) => this.expression(o)));
      // a -> b -> c is not a or not b or c, in three-valued logic too.
      case 'Implies': return binary('Or', e.operands.map((o, i) => (i === e.operands.length - 1 ? this.expression(o) : { type: 'Not', operand: this.expression(o) })));
      default: return this.atom(e);
    }
  }

  private atom(e: A.CompareExpr | A.InExpr | A.BetweenExpr | A.FlagExpr): ElmNode {
    const attr = this.scope.byName.get(e.attribute.text);
    if (!attr) throw new Untranslatable();
    const ref: ElmNode = { type: 'ParameterRef', name: attr.name };
    switch (e.kind) {
      case 'Flag':
        return ref;
      case 'In': {
        if (e.values.length === 0) {
          // Unknown when the attribute is missing, false otherwise: as our evaluator has it.
          return { type: 'If', condition: { type: 'IsNull', operand: ref }, then: { type: 'As', operand: { type: 'Null' }, asType: T('Boolean') }, else: literal('Boolean', 'false') };
        }
        return binary('Or', e.values.map((v) => ({ type: 'Equal', operand: [ref, this.value(attr, v)] })));
      }
      case 'Between':
        return { type: 'And', operand: [{ type: 'GreaterOrEqual', operand: [ref, this.value(attr, e.low)] }, { type: 'LessOrEqual', operand: [ref, this.value(attr, e.high)] }] };
      case 'Compare': {
        const pair = [ref, this.value(attr, e.value)];
        switch (e.op) {
          case '=': return { type: 'Equal', operand: pair };
          case '!=': return { type: 'Not', operand: { type: 'Equal', operand: pair } };
          case '<': return { type: 'Less', operand: pair };
          case '<=': return { type: 'LessOrEqual', operand: pair };
          case '>': return { type: 'Greater', operand: pair };
          case '>=': return { type: 'GreaterOrEqual', operand: pair };
        }
      }
    }
  }

  /** The condition, or undefined (with a note saying why) when it cannot be written faithfully. */
  tryExpression(e: A.Expr, what: string): ElmNode | undefined {
    try {
      return this.expression(e);
    } catch (err) {
      if (!(err instanceof Untranslatable)) throw err;
      this.notes.push({ kind: 'condition-not-exported', message: `${what}: its condition uses a value the analysis cannot read (a type or unit error), so it has no ELM expression` });
      return undefined;
    }
  }
}

/** The ELM library: parameters for the attributes the rules test, an expression per rule. */
export function elmLibrary(id: string, version: string, scope: Scope, rules: readonly ElmRule[], notes: ExportNote[]): ElmLibrary {
  const translator = new ElmTranslator(scope, notes);
  const defs: Record<string, unknown>[] = [];
  const kept: ElmRule[] = [];
  for (const r of rules) {
    const expression = translator.tryExpression(r.when, `Rule \`${r.rule}\` of ${r.statement}`);
    if (!expression) continue;
    kept.push(r);
    defs.push({ name: r.name, context: 'Patient', accessLevel: 'Public', expression });
  }
  for (const attr of scope.attrs) {
    if (attr.type.kind !== 'number' || attr.type.unit === undefined) continue;
    const ucum = attributeUcum(attr.type);
    if (ucum === undefined) {
      notes.push({ kind: 'unit-not-ucum', message: `Attribute \`${attr.name}\` is in "${attr.type.unit}", which is not a UCUM unit this exporter knows: its parameter is a plain decimal in that unit` });
    } else if (comparableUcum(attr.type) === undefined) {
      notes.push({ kind: 'unit-arbitrary', message: `Attribute \`${attr.name}\` is in ${ucum}, a UCUM arbitrary unit CQL engines cannot compare: its parameter is a plain decimal in that unit, and quantities are converted to it` });
    }
  }
  const parameters = scope.attrs.map((attr) => ({ name: attr.name, type: parameterKind(attr), attr }));
  return {
    elm: {
      library: {
        identifier: { id, version },
        schemaIdentifier: { id: 'urn:hl7-org:elm', version: 'r1' },
        usings: { def: [{ localIdentifier: 'System', uri: 'urn:hl7-org:elm-types:r1' }] },
        parameters: {
          def: parameters.map((p) => ({
            name: p.name,
            accessLevel: 'Public',
            // A patient who does not give an attribute: null, on which every comparison is null.
            default: { type: 'Null' },
            parameterTypeSpecifier: { type: 'NamedTypeSpecifier', name: T(elmType[p.type]) },
          })),
        },
        contexts: { def: [{ name: 'Patient' }] },
        statements: { def: defs },
      },
    },
    parameters,
    expressions: kept,
  };
}
