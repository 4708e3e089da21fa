// The language's units as UCUM codes, the unit syntax FHIR and CQL quantities use. Months
// and years are UCUM's mean Julian month and year (30.4375 and 365.25 days), the same
// averages the analysis converts with, so a CQL engine compares as our evaluator does.
import type { AttrType } from '../../model/types.js';
import { unitInfo } from '../../model/quantities.js';

const codes: Record<string, string> = {
  '%': '%',
  days: 'd', weeks: 'wk', months: 'mo', years: 'a',
  mm: 'mm', cm: 'cm', m: 'm',
  µg: 'ug', ug: 'ug', mg: 'mg', g: 'g', kg: 'kg',
  mL: 'mL', dL: 'dL', L: 'L',
  'ng/mL': 'ng/mL', 'µg/L': 'ug/L', 'ug/L': 'ug/L', 'mg/L': 'mg/L', 'mg/dL': 'mg/dL', 'g/L': 'g/L', 'g/dL': 'g/dL',
  'IU/mL': '[IU]/mL', 'kIU/L': 'k[IU]/L', 'IU/L': '[IU]/L', 'mIU/mL': 'm[IU]/mL',
  'nmol/L': 'nmol/L', 'µmol/L': 'umol/L', 'umol/L': 'umol/L', 'mmol/L': 'mmol/L',
};

/** The UCUM code for a unit as the language writes it, or undefined for a unit outside the table. */
export function ucumCode(unit: string): string | undefined {
  return codes[unitInfo(unit)?.unit ?? unit];
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
