// The language's units as UCUM codes, the unit syntax FHIR and CQL quantities use: the
// analysis works in UCUM already (model/units.ts), so a CQL engine compares as our
// evaluator does.
import type { AttrType } from '../../model/types.js';
import { lookupWrittenUnit } from '../../model/quantities.js';

/** The UCUM code for a unit as the language writes it (`weeks`, `mmHg`, `IU/mL`), or undefined for a unit UCUM does not know. */
export function ucumCode(unit: string): string | undefined {
  if (unit === '%') return '%';
  const found = lookupWrittenUnit(unit);
  return found.ok ? found.unit.code : undefined;
}

/** The UCUM unit an attribute's values are quantities in; undefined: plain numbers (or not numeric). */
export function attributeUcum(type: AttrType): string | undefined {
  switch (type.kind) {
    case 'percent': return '%';
    case 'duration': return ucumCode(type.unit);
    case 'number': return type.unit === undefined ? undefined : ucumCode(type.unit);
    default: return undefined;
  }
}

/**
 * UCUM's arbitrary units ([IU] and the like) have no conversion, and CQL engines compare
 * none of them, not even with themselves: such attributes go out as plain decimals.
 */
export function isArbitrary(ucum: string): boolean {
  return ucum.includes('[IU]');
}

/** The UCUM unit a CQL engine can compare an attribute's values in; undefined: a plain decimal. */
export function comparableUcum(type: AttrType): string | undefined {
  const u = attributeUcum(type);
  return u === undefined || isArbitrary(u) ? undefined : u;
}
