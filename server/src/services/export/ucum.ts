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
 * UCUM's arbitrary units ([IU] and the like) convert with nothing, and CQL engines compare
 * no quantities in them, not even with themselves: the ELM compares such a quantity's value.
 */
export function isArbitrary(ucum: string): boolean {
  return ucum.includes('[IU]');
}
