// Attribute types and their units. Durations convert between each other; a number's
// own unit (`unit "IU/mL"`) is a UCUM unit and converts to any commensurable one, and
// with a `molar_mass` between mass and molar amounts.
import type { AttributeSymbol, EnumSymbol, SymbolTable } from './symbols.js';

export const durationUnits = ['minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** The UCUM code of each duration: months and years are UCUM's mean Julian ones (30.4375 and 365.25 days). */
export const durationCodes: Record<DurationUnit, string> = { minutes: 'min', hours: 'h', days: 'd', weeks: 'wk', months: 'mo', years: 'a' };

/** Singular spellings are accepted too: `1 hour`, `1 year`. */
export function durationWord(word: string): DurationUnit | undefined {
  if (isDurationUnit(word)) return word;
  const plural = `${word}s`;
  return isDurationUnit(plural) ? plural : undefined;
}

export const builtinTypes = ['boolean', 'number', 'percent', ...durationUnits] as const;

export type AttrType =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly enum: EnumSymbol }
  | { readonly kind: 'number'; readonly unit?: string; readonly molarMass?: number }
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
  if (word === 'number') {
    const molarMass = attr.decl.molarMass?.value.value;
    return { kind: 'number', unit: ref.unit?.value, ...(molarMass !== undefined && Number.isFinite(molarMass) && molarMass > 0 ? { molarMass } : {}) };
  }
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
