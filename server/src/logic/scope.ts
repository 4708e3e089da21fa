// The attributes the consistency analysis can reason about: each with its index, its kind
// and the set of all its values (its universe). Percentages run from 0 to 100, durations
// from 0 up; plain numbers are unbounded. Attributes of unknown type, or enums too large
// for a bit mask, are left out: conditions on them make a rule unanalysable.
import type { ResolvedDocument } from '../model/document.js';
import type { AttributeSymbol } from '../model/symbols.js';
import { attributeType, type AttrType } from '../model/types.js';
import { finite, interval, maxMembers, numeric, type Domain } from './domain.js';

export interface AttrInfo {
  readonly index: number;
  readonly name: string;
  readonly symbol: AttributeSymbol;
  readonly type: AttrType;
  readonly kind: 'finite' | 'numeric';
  /** Finite attributes: the members' names (booleans: false, true). */
  readonly members: readonly string[];
  /** Finite attributes: each member's description, where the enum gives one (for labels). */
  readonly memberDescriptions: readonly (string | undefined)[];
  readonly universe: Domain;
  readonly description?: string;
}

export interface Scope {
  readonly attrs: readonly AttrInfo[];
  readonly byName: ReadonlyMap<string, AttrInfo>;
}

/**
 * Attributes declared with a type the checks know: a condition on one that is not in the
 * scope has a shape the analysis does not model (an enum too large for a bit mask). One of
 * an unknown type is an error the type check reports, not a shape left out.
 */
export function typedAttributes(analysis: ResolvedDocument): Set<string> {
  return new Set(analysis.symbols.ofKind('attribute').filter((s) => attributeType(s, analysis.symbols).kind !== 'unknown').map((s) => s.name));
}

export const booleanMembers = ['false', 'true'] as const;

export function buildScope(analysis: ResolvedDocument): Scope {
  const attrs: AttrInfo[] = [];
  const byName = new Map<string, AttrInfo>();
  for (const symbol of analysis.symbols.ofKind('attribute')) {
    // A duplicate declaration keeps the first, as name resolution does.
    if (byName.has(symbol.name) || analysis.symbols.globals.get(symbol.name) !== symbol) continue;
    const type = attributeType(symbol, analysis.symbols);
    const shape = shapeOf(type, analysis);
    if (!shape) continue;
    const info: AttrInfo = {
      index: attrs.length,
      name: symbol.name,
      symbol,
      type,
      ...shape,
      description: symbol.decl.description?.value,
    };
    attrs.push(info);
    byName.set(symbol.name, info);
  }
  return { attrs, byName };
}

function shapeOf(type: AttrType, analysis: ResolvedDocument): Pick<AttrInfo, 'kind' | 'members' | 'memberDescriptions' | 'universe'> | undefined {
  switch (type.kind) {
    case 'boolean':
      return { kind: 'finite', members: booleanMembers, memberDescriptions: [], universe: finite(0b11) };
    case 'enum': {
      const symbols = [...(analysis.symbols.members.get(type.enum)?.values() ?? [])];
      if (symbols.length === 0 || symbols.length > maxMembers) return undefined;
      const members = symbols.map((m) => m.name);
      const memberDescriptions = symbols.map((m) => m.description);
      return { kind: 'finite', members, memberDescriptions, universe: finite(members.length === 31 ? 0x7fffffff : (1 << members.length) - 1) };
    }
    case 'percent':
      return { kind: 'numeric', members: [], memberDescriptions: [], universe: numeric([interval(0, 100, false, false)]) };
    case 'duration':
      return { kind: 'numeric', members: [], memberDescriptions: [], universe: numeric([interval(0, Infinity, false, true)]) };
    case 'number':
      return { kind: 'numeric', members: [], memberDescriptions: [], universe: numeric([interval(-Infinity, Infinity, true, true)]) };
    case 'unknown':
      return undefined;
  }
}

/** How a value of the attribute reads in the language: `IIIb`, `false`, `70 years`, `25%`, `2000 "IU/mL"`. */
export function valueText(attr: AttrInfo, v: number): string {
  if (attr.kind === 'finite') return attr.members[v] ?? String(v);
  const n = formatNumber(v);
  switch (attr.type.kind) {
    case 'percent': return `${n}%`;
    case 'duration': return `${n} ${v === 1 ? attr.type.unit.slice(0, -1) : attr.type.unit}`;
    case 'number': return attr.type.unit ? `${n} ${/^[A-Za-z_]+$/.test(attr.type.unit) ? attr.type.unit : `"${attr.type.unit}"`}` : n;
    default: return n;
  }
}

/** A number without floating-point noise: 0.1 + 0.2 prints as 0.3. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  return String(Number.parseFloat(v.toPrecision(10)));
}
