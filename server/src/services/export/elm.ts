// The rules' conditions as ELM, the compiled form of CQL that FHIR's Library carries and CQL
// engines run: one parameter per attribute (booleans, enum members as strings, quantities
// in UCUM, plain numbers as decimals), one named expression per rule condition, one per
// recommendation an `overrides` can replace (the rule's condition and no overrider's), and
// one per `assume` (with `Assumptions`, all of them). The
// translation keeps our evaluator's three-valued logic: a missing attribute is null, and
// every comparison on null is null, so `not` of it stays unknown (which is why `in { }`
// becomes a chain of equalities rather than CQL's `in`, which is false on null).
import type * as A from '../../../../grammar/src/index.js';
import { assignedValue } from '../../logic/condition.js';
import type { AttrInfo, Scope } from '../../logic/scope.js';
import { ceilDecimal, decimalText, floorDecimal, isCqlDecimal } from './cql-decimal.js';
import type { ExportNote } from './notes.js';
import { attributeUcum, isArbitrary } from './ucum.js';

const T = (name: string): string => `{urn:hl7-org:elm-types:r1}${name}`;

export type ElmNode = { type: string; [key: string]: unknown };

export interface ElmRule {
  /** The expression's name in the library. */
  name: string;
  statement: string;
  rule: string;
  when: A.Expr;
}

/** A recommendation `overrides` can take away: the rule's expression, unless an overrider's holds. */
export interface ElmOverride {
  name: string;
  /** The overridden rule's expression. */
  rule: string;
  /** The expressions of the rules that override it on this intervention. */
  by: string[];
}

export interface ElmAssumption {
  name: string;
  condition: A.Expr;
  what: string;
}

export interface ElmLibrary {
  elm: { library: Record<string, unknown> };
  /** Parameter name -> FHIR type code, for Library.parameter. */
  parameters: { name: string; type: 'boolean' | 'string' | 'Quantity' | 'decimal'; attr: AttrInfo }[];
  expressions: ElmRule[];
  /** The overrides and assumptions that have expressions (the others have notes). */
  overrides: ElmOverride[];
  assumptions: ElmAssumption[];
}

/** The expression that holds when every assumption does. */
export const allAssumptions = 'Assumptions';

/** How a parameter holds an attribute's values. */
export function parameterKind(attr: AttrInfo): 'boolean' | 'string' | 'Quantity' | 'decimal' {
  if (attr.type.kind === 'boolean') return 'boolean';
  if (attr.kind === 'finite') return 'string';
  return attributeUcum(attr.type) ? 'Quantity' : 'decimal';
}

const elmType: Record<ReturnType<typeof parameterKind>, string> = { boolean: 'Boolean', string: 'String', Quantity: 'Quantity', decimal: 'Decimal' };

class Untranslatable extends Error {}

/** Null as a Boolean: what a comparison on a missing attribute gives. */
const unknown: ElmNode = { type: 'As', operand: { type: 'Null' }, asType: `{urn:hl7-org:elm-types:r1}Boolean` };

/** Unknown when `x` is missing, else the constant: as our evaluator has `x in { }`, or `x = t` for a t no decimal equals. */
function knownOr(x: ElmNode, value: boolean): ElmNode {
  return { type: 'If', condition: { type: 'IsNull', operand: x }, then: unknown, else: { type: 'Literal', valueType: `{urn:hl7-org:elm-types:r1}Boolean`, value: String(value) } };
}

function literal(valueType: string, value: string): ElmNode {
  return { type: 'Literal', valueType: T(valueType), value };
}

function binary(type: string, operands: ElmNode[]): ElmNode {
  // ELM's And and Or take two operands: a longer list nests to the left.
  return operands.slice(1).reduce((acc, o) => ({ type, operand: [acc, o] }), operands[0]);
}

export class ElmTranslator {
  constructor(private readonly scope: Scope, private readonly notes: ExportNote[]) {}

  /** A boolean or an enum member as a literal. */
  private member(attr: AttrInfo, v: A.Value): ElmNode {
    if (parameterKind(attr) === 'boolean') {
      if (v.kind !== 'Bool') throw new Untranslatable();
      return literal('Boolean', String(v.value));
    }
    const index = assignedValue(attr, v);
    if (index === undefined) throw new Untranslatable();
    return literal('String', attr.members[index]);
  }

  /** A number on the attribute's scale (converted as the analysis converts it), or why not. */
  private number(attr: AttrInfo, v: A.Value): number {
    if (v.kind !== 'Quantity') throw new Untranslatable();
    const n = assignedValue(attr, v);
    if (n === undefined) throw new Untranslatable();
    return n;
  }

  /**
   * A threshold in the attribute's own unit, as a quantity or a decimal. The analysis has
   * already converted it (through the molar mass too, which CQL quantities do not carry), so
   * the engine compares in one unit as the analysis does.
   */
  private threshold(attr: AttrInfo, n: number): ElmNode {
    const unit = attributeUcum(attr.type);
    const value = decimalText(n);
    if (unit === undefined || isArbitrary(unit)) return literal('Decimal', value);
    return { type: 'Quantity', value: Number(value), unit };
  }

  /**
   * The attribute as its comparisons read it: the parameter itself, or for an arbitrary unit
   * ([IU]), which CQL engines convert with nothing, not even itself, the quantity's value
   * when its unit is the attribute's (`guarded` says which).
   */
  private operand(attr: AttrInfo): { ref: ElmNode; guarded?: (test: ElmNode) => ElmNode } {
    const ref: ElmNode = { type: 'ParameterRef', name: attr.name };
    const unit = attributeUcum(attr.type);
    if (parameterKind(attr) !== 'Quantity' || unit === undefined || !isArbitrary(unit)) return { ref };
    return {
      ref: { type: 'Property', path: 'value', source: ref },
      guarded: (test) => ({
        type: 'If',
        condition: { type: 'Equal', operand: [{ type: 'Property', path: 'unit', source: ref }, literal('String', unit)] },
        then: test,
        else: unknown,
      }),
    };
  }

  /** One numeric comparison, its threshold rounded to a CQL decimal in the direction that keeps it exact. */
  private numericCompare(op: A.CompareOp, x: ElmNode, n: number): ElmNode {
    const at = (v: number): ElmNode => (op === '<' || op === '>=' ? this.current!(ceilDecimal(v)) : this.current!(floorDecimal(v)));
    switch (op) {
      case '=': return isCqlDecimal(n) ? { type: 'Equal', operand: [x, this.current!(n)] } : knownOr(x, false);
      case '!=': return isCqlDecimal(n) ? { type: 'Not', operand: { type: 'Equal', operand: [x, this.current!(n)] } } : knownOr(x, true);
      case '<': return { type: 'Less', operand: [x, at(n)] };
      case '<=': return { type: 'LessOrEqual', operand: [x, at(n)] };
      case '>': return { type: 'Greater', operand: [x, at(n)] };
      case '>=': return { type: 'GreaterOrEqual', operand: [x, at(n)] };
    }
  }

  /** The threshold maker of the attribute being translated. */
  private current: ((n: number) => ElmNode) | undefined;

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
    if (e.kind === 'Flag') return { type: 'ParameterRef', name: attr.name };
    if (attr.kind === 'finite') {
      const ref: ElmNode = { type: 'ParameterRef', name: attr.name };
      switch (e.kind) {
        case 'In': return e.values.length === 0 ? knownOr(ref, false) : binary('Or', e.values.map((v) => ({ type: 'Equal', operand: [ref, this.member(attr, v)] })));
        case 'Compare':
          if (e.op === '=') return { type: 'Equal', operand: [ref, this.member(attr, e.value)] };
          if (e.op === '!=') return { type: 'Not', operand: { type: 'Equal', operand: [ref, this.member(attr, e.value)] } };
          throw new Untranslatable();
        default: throw new Untranslatable();
      }
    }
    const { ref, guarded } = this.operand(attr);
    this.current = (n) => this.threshold(attr, n);
    let test: ElmNode;
    switch (e.kind) {
      case 'In': {
        // Values no CQL decimal equals drop out: x = t never holds for them.
        const exact = e.values.map((v) => this.number(attr, v)).filter(isCqlDecimal);
        test = exact.length === 0 ? knownOr(ref, false) : binary('Or', exact.map((n) => this.numericCompare('=', ref, n)));
        break;
      }
      case 'Between':
        test = { type: 'And', operand: [this.numericCompare('>=', ref, this.number(attr, e.low)), this.numericCompare('<=', ref, this.number(attr, e.high))] };
        break;
      case 'Compare':
        test = this.numericCompare(e.op, ref, this.number(attr, e.value));
        break;
    }
    return guarded ? guarded(test) : test;
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

/** The ELM library: parameters for the attributes the rules test, an expression per rule, per overridable recommendation and per assumption. */
export function elmLibrary(
  id: string,
  version: string,
  scope: Scope,
  rules: readonly ElmRule[],
  notes: ExportNote[],
  extras: { overrides?: readonly ElmOverride[]; assumptions?: readonly ElmAssumption[] } = {},
): ElmLibrary {
  const translator = new ElmTranslator(scope, notes);
  const defs: Record<string, unknown>[] = [];
  const define = (name: string, expression: ElmNode): void => void defs.push({ name, context: 'Patient', accessLevel: 'Public', expression });
  const ref = (name: string): ElmNode => ({ type: 'ExpressionRef', name });
  const kept: ElmRule[] = [];
  for (const r of rules) {
    const expression = translator.tryExpression(r.when, `Rule \`${r.rule}\` of ${r.statement}`);
    if (!expression) continue;
    kept.push(r);
    define(r.name, expression);
  }
  const defined = new Set(kept.map((r) => r.name));
  const overrides: ElmOverride[] = [];
  for (const o of extras.overrides ?? []) {
    if (!defined.has(o.rule) || o.by.some((b) => !defined.has(b))) {
      notes.push({ kind: 'override-not-exported', message: `${o.name}: a rule of the override has no expression, so the recommendation's condition is its rule's alone` });
      continue;
    }
    overrides.push(o);
    // The rule holds and no overrider is known to hold: an overrider that is unknown does not apply.
    define(o.name, { type: 'And', operand: [ref(o.rule), { type: 'Not', operand: { type: 'IsTrue', operand: binary('Or', o.by.map(ref)) } }] });
  }
  const assumptions: ElmAssumption[] = [];
  for (const a of extras.assumptions ?? []) {
    const expression = translator.tryExpression(a.condition, a.what);
    if (!expression) continue;
    assumptions.push(a);
    define(a.name, expression);
  }
  if (assumptions.length > 0) define(allAssumptions, binary('And', assumptions.map((a) => ref(a.name))));
  for (const attr of scope.attrs) {
    if (attr.type.kind !== 'number' || attr.type.unit === undefined) continue;
    const ucum = attributeUcum(attr.type);
    if (ucum === undefined) {
      notes.push({ kind: 'unit-not-ucum', message: `Attribute \`${attr.name}\` is in "${attr.type.unit}", which is not a UCUM unit this exporter knows: its parameter is a plain decimal in that unit` });
    } else if (isArbitrary(ucum)) {
      notes.push({ kind: 'unit-arbitrary', message: `Attribute \`${attr.name}\` is in ${ucum}, a UCUM arbitrary unit CQL engines do not convert: its conditions compare the quantity's value when its unit is ${ucum} exactly, with thresholds converted to it (a value in another unit gives null)` });
    }
    if (attr.type.molarMass !== undefined && ucum !== undefined) {
      notes.push({ kind: 'molar-mass', message: `Attribute \`${attr.name}\` converts between mass and molar units through its molar mass (${attr.type.molarMass} g/mol), which CQL quantities do not carry: thresholds are converted to ${ucum}, and a value given in a unit of the other kind gives null` });
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
    overrides,
    assumptions,
  };
}
