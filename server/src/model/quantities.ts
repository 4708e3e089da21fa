// Quantities in conditions, cases and timings: a number with its unit, brought onto the
// scale of the attribute it is compared with (its own unit is the one canonical unit the
// analysis works in). Units are UCUM, through units.ts: durations convert between each
// other, other units to any commensurable unit, mass and molar amounts through the
// attribute's molar mass.
import type { QuantityValue } from '../../../grammar/src/index.js';
import { suggestNames } from './did-you-mean.js';
import { durationCodes, durationUnits, durationWord, type AttrType } from './types.js';
import { commensurableUnits, conversion, lookupUnit, type Unit, type UnitLookup } from './units.js';

/** The signed number as written, before any unit conversion. */
export function signedValue(value: QuantityValue): number {
  return value.negative ? -value.number.value : value.number.value;
}

/** A unit as the language writes it (`weeks`, `hour`, `%`, `mg/dL`), looked up in UCUM. */
export function lookupWrittenUnit(written: string): UnitLookup {
  const duration = durationWord(written);
  const found = lookupUnit(duration ? durationCodes[duration] : written);
  if (found.ok || !/^[A-Za-z_]+$/.test(written)) return found;
  // A misspelt word is most likely a duration: `wekks`.
  const words = durationUnits.flatMap((u) => [u, u.slice(0, -1)]);
  return { ...found, nearest: [...new Set([...suggestNames(written, words), ...found.nearest])].slice(0, 3) };
}

/** The unit values of the type are written in, when it has one the library knows. */
export function unitOfType(type: AttrType): Unit | undefined {
  const written = type.kind === 'duration' ? durationCodes[type.unit] : type.kind === 'number' ? type.unit : undefined;
  if (written === undefined) return undefined;
  const found = lookupUnit(written);
  return found.ok ? found.unit : undefined;
}

export type Scaled =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: 'not-numeric' | 'unknown-unit' | 'incommensurable' | 'needs-molar-mass' | 'out-of-range' | 'no-unit' };

/**
 * The quantity on the attribute's own scale (`4 weeks` against a `days` attribute is 28),
 * or why it cannot be compared with the attribute. A bare number takes the attribute's
 * own unit.
 */
export function scaleQuantity(value: QuantityValue, attrType: AttrType): Scaled {
  const n = signedValue(value);
  const unit = value.unit?.text;
  const result = (v: number): Scaled => (Number.isFinite(v) ? { ok: true, value: v } : { ok: false, problem: 'out-of-range' });
  switch (attrType.kind) {
    case 'percent':
      return unit === undefined || unit === '%' ? result(n) : unitProblem(unit);
    case 'duration':
    case 'number': {
      if (unit === undefined) return result(n);
      if (attrType.kind === 'number' && attrType.unit === undefined) return { ok: false, problem: 'no-unit' };
      if (attrType.kind === 'number' && unit === attrType.unit) return result(n);
      const from = lookupWrittenUnit(unit);
      if (!from.ok) return { ok: false, problem: 'unknown-unit' };
      const to = unitOfType(attrType);
      // An attribute whose own unit is unknown (reported on its declaration) matches only itself.
      if (!to) return { ok: false, problem: 'incommensurable' };
      const c = conversion(from.unit, to, attrType.kind === 'number' ? attrType.molarMass : undefined);
      return c.ok ? result(c.convert(n)) : { ok: false, problem: c.reason };
    }
    default:
      return { ok: false, problem: 'not-numeric' };
  }
}

function unitProblem(unit: string): Scaled {
  return { ok: false, problem: lookupWrittenUnit(unit).ok ? 'incommensurable' : 'unknown-unit' };
}

/** The quantity on the attribute's scale, or undefined when it cannot be compared with it. */
export function quantityInAttributeUnit(value: QuantityValue, attrType: AttrType): number | undefined {
  const s = scaleQuantity(value, attrType);
  return s.ok ? s.value : undefined;
}

/** "a length", "a duration", "a molar concentration"; for an unknown unit, "in <unit>". */
export function describeUnit(unit: string): string {
  if (unit === '%') return 'a percentage';
  const found = lookupWrittenUnit(unit);
  return found.ok ? found.unit.dimension : `in ${unit}`;
}

/** The units a value compared with this type may be written in, the attribute's own first. */
export function compatibleUnits(type: AttrType): string[] {
  switch (type.kind) {
    case 'percent': return ['%'];
    case 'duration': return [type.unit, ...durationUnitsOtherThan(type.unit)];
    case 'number': {
      if (type.unit === undefined) return [];
      const own = unitOfType(type);
      return [type.unit, ...(own ? commensurableUnits(own, type.molarMass).filter((u) => u !== type.unit && !isDurationCode(u)) : [])];
    }
    default: return [];
  }
}

const durationCodeSet = new Set<string>(Object.values(durationCodes));
const isDurationCode = (code: string): boolean => durationCodeSet.has(code) || code === 's';

function durationUnitsOtherThan(unit: string): string[] {
  return Object.keys(durationCodes).filter((u) => u !== unit);
}
