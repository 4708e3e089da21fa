// Attribute types and their units. Durations convert between each other; a number's
// own unit (`unit "IU/mL"`) matches only itself.
import type { AttributeSymbol, EnumSymbol, SymbolTable } from './symbols.js';

export const durationUnits = ['days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** Days in each duration unit: months and years as their calendar averages. */
export const daysPer: Record<DurationUnit, number> = { days: 1, weeks: 7, months: 30.4375, years: 365.25 };

export const builtinTypes = ['boolean', 'number', 'percent', ...durationUnits] as const;

export type AttrType =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly enum: EnumSymbol }
  | { readonly kind: 'number'; readonly unit?: string }
  | { readonly kind: 'percent' }
  | { readonly kind: 'duration'; readonly unit: DurationUnit }
  | { readonly kind: 'unknown' };

export function isDurationUnit(word: string): word is DurationUnit {
  return (durationUnits as readonly string[]).includes(word);
}

export function attributeType(attr: AttributeSymbol, table: SymbolTable): AttrType {
  const ref = attr.decl.type;
  if (!ref) return { kind: 'unknown' };
  const word = ref.name.text;
  if (word === 'boolean') return { kind: 'boolean' };
  if (word === 'number') return { kind: 'number', unit: ref.unit?.value };
  if (word === 'percent') return { kind: 'percent' };
  if (isDurationUnit(word)) return { kind: 'duration', unit: word };
  const e = table.lookup(word, 'enum');
  return e ? { kind: 'enum', enum: e } : { kind: 'unknown' };
}

/** How a type reads in a message or a hover: "CnlcStage", "weeks", "a number in IU/mL". */
export function describeType(type: AttrType): string {
  switch (type.kind) {
    case 'boolean': return 'boolean';
    case 'enum': return type.enum.name;
    case 'number': return type.unit ? `number (${type.unit})` : 'number';
    case 'percent': return 'percent';
    case 'duration': return type.unit;
    case 'unknown': return 'unknown type';
  }
}
