// Quantities in conditions and cases: a number with its unit, brought onto the scale of
// the attribute it is compared with. Durations convert between each other; other units
// convert only within a small table of dimensions the clinical literature uses (mm and
// cm, mg/dL and g/L, IU/mL and IU/L); any other unit matches only itself.
import type { QuantityValue } from '../../../grammar/src/index.js';
import { daysPer, isDurationUnit, type AttrType, type DurationUnit } from './types.js';

export type Dimension = 'duration' | 'percent' | 'length' | 'mass' | 'volume' | 'mass-concentration' | 'iu-concentration' | 'molar-concentration';

export interface UnitInfo {
  /** The unit as the language spells it (`weeks`, `%`, `mg/dL`). */
  readonly unit: string;
  readonly dimension: Dimension;
  /** How many of the dimension's base unit one of this unit is. */
  readonly factor: number;
}

/** Singular duration words are accepted too: `1 year`. */
const durationAliases: Record<string, DurationUnit> = { day: 'days', week: 'weeks', month: 'months', year: 'years' };

const knownUnits: readonly UnitInfo[] = [
  { unit: 'mm', dimension: 'length', factor: 1 },
  { unit: 'cm', dimension: 'length', factor: 10 },
  { unit: 'm', dimension: 'length', factor: 1000 },
  { unit: 'µg', dimension: 'mass', factor: 0.001 },
  { unit: 'ug', dimension: 'mass', factor: 0.001 },
  { unit: 'mg', dimension: 'mass', factor: 1 },
  { unit: 'g', dimension: 'mass', factor: 1000 },
  { unit: 'kg', dimension: 'mass', factor: 1e6 },
  { unit: 'mL', dimension: 'volume', factor: 1 },
  { unit: 'dL', dimension: 'volume', factor: 100 },
  { unit: 'L', dimension: 'volume', factor: 1000 },
  { unit: 'ng/mL', dimension: 'mass-concentration', factor: 1 },
  { unit: 'µg/L', dimension: 'mass-concentration', factor: 1 },
  { unit: 'ug/L', dimension: 'mass-concentration', factor: 1 },
  { unit: 'mg/L', dimension: 'mass-concentration', factor: 1000 },
  { unit: 'mg/dL', dimension: 'mass-concentration', factor: 10000 },
  { unit: 'g/L', dimension: 'mass-concentration', factor: 1e6 },
  { unit: 'g/dL', dimension: 'mass-concentration', factor: 1e7 },
  { unit: 'IU/mL', dimension: 'iu-concentration', factor: 1 },
  { unit: 'kIU/L', dimension: 'iu-concentration', factor: 1 },
  { unit: 'IU/L', dimension: 'iu-concentration', factor: 0.001 },
  { unit: 'mIU/mL', dimension: 'iu-concentration', factor: 0.001 },
  { unit: 'nmol/L', dimension: 'molar-concentration', factor: 0.001 },
  { unit: 'µmol/L', dimension: 'molar-concentration', factor: 1 },
  { unit: 'umol/L', dimension: 'molar-concentration', factor: 1 },
  { unit: 'mmol/L', dimension: 'molar-concentration', factor: 1000 },
];

const byUnit = new Map(knownUnits.map((u) => [u.unit, u]));

const dimensionWords: Record<Dimension, string> = {
  'duration': 'a duration',
  'percent': 'a percentage',
  'length': 'a length',
  'mass': 'a mass',
  'volume': 'a volume',
  'mass-concentration': 'a mass concentration',
  'iu-concentration': 'a concentration in international units',
  'molar-concentration': 'a molar concentration',
};

/** What a unit is, or undefined for a unit outside the table (it then matches only itself). */
export function unitInfo(unit: string): UnitInfo | undefined {
  if (unit === '%') return { unit, dimension: 'percent', factor: 1 };
  const duration = isDurationUnit(unit) ? unit : durationAliases[unit];
  if (duration) return { unit: duration, dimension: 'duration', factor: daysPer[duration] };
  return byUnit.get(unit);
}

/** "a length", "a duration"; for a unit outside the table, "in <unit>". */
export function describeUnit(unit: string): string {
  const info = unitInfo(unit);
  return info ? dimensionWords[info.dimension] : `in ${unit}`;
}

/** The signed number as written, before any unit conversion. */
export function signedValue(value: QuantityValue): number {
  return value.negative ? -value.number.value : value.number.value;
}

/**
 * The quantity on the attribute's own scale (`4 weeks` against a `days` attribute is 28),
 * or undefined when it cannot be compared with the attribute at all (wrong unit, or the
 * attribute is not numeric). A bare number takes the attribute's own unit.
 */
export function quantityInAttributeUnit(value: QuantityValue, attrType: AttrType): number | undefined {
  const n = signedValue(value);
  const unit = value.unit?.text;
  switch (attrType.kind) {
    case 'percent':
      return unit === undefined || unit === '%' ? n : undefined;
    case 'duration': {
      if (unit === undefined) return n;
      const info = unitInfo(unit);
      return info?.dimension === 'duration' ? (n * info.factor) / daysPer[attrType.unit] : undefined;
    }
    case 'number': {
      if (unit === undefined) return n;
      if (attrType.unit === undefined) return undefined;
      if (unit === attrType.unit) return n;
      const from = unitInfo(unit);
      const to = unitInfo(attrType.unit);
      return from && to && from.dimension === to.dimension && from.dimension !== 'percent' && from.dimension !== 'duration' ? (n * from.factor) / to.factor : undefined;
    }
    default:
      return undefined;
  }
}

/** The units a value compared with this type may be written in, the attribute's own first. */
export function compatibleUnits(type: AttrType): string[] {
  switch (type.kind) {
    case 'percent': return ['%'];
    case 'duration': return [type.unit, ...['days', 'weeks', 'months', 'years'].filter((u) => u !== type.unit)];
    case 'number': {
      if (type.unit === undefined) return [];
      const own = unitInfo(type.unit);
      const others = own ? knownUnits.filter((u) => u.dimension === own.dimension && u.unit !== type.unit).map((u) => u.unit) : [];
      return [type.unit, ...others];
    }
    default: return [];
  }
}
