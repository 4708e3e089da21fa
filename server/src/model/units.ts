// Units of measure, through the UCUM library @lhncbc/ucum-lhc: a unit as written is
// normalised (the common clinical spellings mmHg, mm Hg, mcg, µg, IU/mL, cmH2O are aliases
// of their UCUM codes), looked up, described by its dimension, and converted to any
// commensurable unit. Mass and molar amounts convert only through a molar mass.
import { UcumLhcUtils } from '@lhncbc/ucum-lhc';
import { suggestNames } from './did-you-mean.js';

export interface Unit {
  /** The UCUM code (`mm[Hg]`, `[IU]/mL`). */
  readonly code: string;
  /** The library's name for it: "millimeter of mercury". */
  readonly name: string;
  /** How its dimension reads in a message: "a pressure", "a molar concentration". */
  readonly dimension: string;
  /** Affine conversions only (temperatures); log scales such as pH never convert. */
  readonly special: boolean;
  readonly temperature: boolean;
  /** The arbitrary units it is made of (`[IU]`): they convert only with themselves. */
  readonly arbitrary: readonly string[];
}

export type UnitLookup =
  | { readonly ok: true; readonly unit: Unit }
  | { readonly ok: false; readonly written: string; readonly nearest: readonly string[] };

const ucum = UcumLhcUtils.getInstance();

/**
 * The library logs to the console when a unit string does not parse; a language server
 * speaks its protocol on stdout, so the library's calls run with the console quiet.
 */
function quietly<T>(f: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try {
    return f();
  } finally {
    console.log = log;
  }
}

/** Common spellings in clinical texts and their UCUM codes, applied to each unit atom. */
const atomAliases: readonly (readonly [RegExp, string])[] = [
  [/[µμ]/g, 'u'],
  [/mcg/g, 'ug'],
  [/([cm]?m)Hg/g, '$1[Hg]'],
  [/([cm]?m)H2O/g, '$1[H2O]'],
  [/(^|[^A-Za-z[])([munkM]?)IU(?![A-Za-z\]])/g, '$1$2[IU]'],
  [/mEq/g, 'meq'],
  [/(^|[^A-Za-z])(hrs?|hours?)(?![A-Za-z])/g, '$1h'],
  [/(^|[^A-Za-z])(secs?)(?![A-Za-z])/g, '$1s'],
  [/(^|[^A-Za-z])(mins|minutes?)(?![A-Za-z])/g, '$1min'],
];

/** The unit written with its aliases replaced by UCUM codes (spaces dropped: `mm Hg`). */
export function normaliseUnit(written: string): string {
  let s = written.replace(/\s+/g, '');
  for (const [pattern, code] of atomAliases) s = s.replace(pattern, code);
  return s;
}

/** Units a committee is likely to mean: the candidates for "did you mean". */
export const commonUnits: readonly string[] = [
  'mg/dL', 'g/dL', 'g/L', 'mg/L', 'ug/L', 'ug/mL', 'ng/mL', 'ng/L', 'pg/mL',
  'mol/L', 'mmol/L', 'umol/L', 'nmol/L', 'pmol/L', 'meq/L',
  '[IU]/mL', '[IU]/L', 'k[IU]/L', 'm[IU]/mL', 'U/L',
  'mm[Hg]', 'kPa', 'cm[H2O]', 'mL/min', 'L/min', '/min', 'mm/h',
  'kg', 'g', 'mg', 'ug', 'm', 'cm', 'mm', 'L', 'dL', 'mL', 'fL', 'kg/m2', 'mg/kg', 'ug/kg/min', 'mL/kg/h',
  '10*9/L', '10*12/L', 'Cel', '%', 's', 'min', 'h', 'd', 'wk', 'mo', 'a',
];

const lookups = new Map<string, UnitLookup>();

export function lookupUnit(written: string): UnitLookup {
  let found = lookups.get(written);
  if (!found) {
    found = lookupUncached(written);
    if (lookups.size > 10_000) lookups.clear();
    lookups.set(written, found);
  }
  return found;
}

function lookupUncached(written: string): UnitLookup {
  const code = normaliseUnit(written);
  if (code === '') return { ok: false, written, nearest: [] };
  const spec = quietly(() => ucum.getSpecifiedUnit(code, 'convert', true));
  const u = spec.unit;
  if (u && spec.status === 'valid') {
    const atoms = u.isArbitrary_ ? arbitraryAtoms(code) : [];
    const dimension = describeDimension(u.dim_?.dimVec_ ?? null, u.moleExp_, atoms, u.property_);
    return {
      ok: true,
      unit: {
        code,
        name: u.name_,
        dimension,
        special: u.isSpecial_,
        temperature: u.property_ === 'temperature',
        arbitrary: atoms,
      },
    };
  }
  const fromLibrary = [
    ...(spec.origString && spec.origString !== code && u ? [spec.origString] : []),
    ...(spec.suggestions ?? []).flatMap((s) => s.units.map((x) => x[0])),
  ];
  const nearest = [...new Set([...fromLibrary, ...nearestCommon(code)])].slice(0, 3);
  return { ok: false, written, nearest };
}

/** Common units close to a code, compared without UCUM's brackets (`mmhg` is near `mm[Hg]`). */
function nearestCommon(code: string): string[] {
  const bare = (c: string): string => c.replace(/[[\]]/g, '');
  const byBare = new Map(commonUnits.map((c) => [bare(c), c]));
  return suggestNames(bare(code), byBare.keys()).map((b) => byBare.get(b) ?? b);
}

/** `[IU]`-like atoms in a code that the library marks as arbitrary. */
function arbitraryAtoms(code: string): string[] {
  const atoms = code.match(/\[[^\]]+\]/g) ?? [];
  return atoms.filter((a) => quietly(() => ucum.getSpecifiedUnit(a, 'convert', false)).unit?.isArbitrary_ === true).sort();
}

// The library's dimension vector: length, time, mass, angle, temperature, charge, luminosity.
const dimensionNames: Record<string, string> = {
  '0,0,0,0,0,0,0': 'a pure number',
  '1,0,0,0,0,0,0': 'a length',
  '2,0,0,0,0,0,0': 'an area',
  '3,0,0,0,0,0,0': 'a volume',
  '0,1,0,0,0,0,0': 'a duration',
  '0,-1,0,0,0,0,0': 'a rate per unit of time',
  '0,0,1,0,0,0,0': 'a mass',
  '-3,0,1,0,0,0,0': 'a mass concentration',
  '-3,0,0,0,0,0,0': 'a number concentration',
  '-1,-2,1,0,0,0,0': 'a pressure',
  '3,-1,0,0,0,0,0': 'a volume flow',
  '1,-1,0,0,0,0,0': 'a speed',
  '-2,0,1,0,0,0,0': 'a mass per area',
  '0,0,0,0,1,0,0': 'a temperature',
  '0,-1,1,0,0,0,0': 'a mass flow',
};

const moleNames: Record<string, string> = {
  '0,0,0,0,0,0,0': 'an amount of substance',
  '-3,0,0,0,0,0,0': 'a molar concentration',
  '0,0,-1,0,0,0,0': 'an amount of substance per mass',
  '0,-1,0,0,0,0,0': 'a catalytic activity',
  '-3,-1,0,0,0,0,0': 'a catalytic concentration',
};

function describeDimension(vector: readonly number[] | null, moleExp: number, arbitrary: readonly string[], property: string | null): string {
  const key = (vector ?? [0, 0, 0, 0, 0, 0, 0]).join(',');
  if (arbitrary.length > 0) return `${key === '-3,0,0,0,0,0,0' ? 'a concentration' : 'an amount'} in the arbitrary unit ${arbitrary.join(', ')}`;
  const named = moleExp === 1 ? moleNames[key] : moleExp === 0 ? dimensionNames[key] : undefined;
  if (named) return named;
  return property ? `a quantity of ${property}` : 'a quantity';
}

export type Conversion =
  | { readonly ok: true; readonly convert: (value: number) => number }
  | { readonly ok: false; readonly reason: 'incommensurable' | 'needs-molar-mass' };

const conversions = new Map<string, Conversion>();

/**
 * How to bring a value from one unit to another: the scale (and for temperatures the
 * offset) the library gives, computed once per pair. Mass and molar amounts convert
 * only with a molar mass in g/mol.
 */
export function conversion(from: Unit, to: Unit, molarMass?: number): Conversion {
  const key = `${from.code}\u0000${to.code}\u0000${molarMass ?? ''}`;
  let c = conversions.get(key);
  if (!c) {
    c = conversionUncached(from, to, molarMass);
    if (conversions.size > 10_000) conversions.clear();
    conversions.set(key, c);
  }
  return c;
}

function conversionUncached(from: Unit, to: Unit, molarMass: number | undefined): Conversion {
  if (from.code === to.code) return { ok: true, convert: (v) => v };
  if ((from.special || to.special) && !(from.temperature && to.temperature)) return { ok: false, reason: 'incommensurable' };
  let fromCode = from.code;
  let toCode = to.code;
  if (from.arbitrary.length > 0 || to.arbitrary.length > 0) {
    // An arbitrary unit converts only with itself (k[IU]/L and [IU]/mL): the library
    // refuses it, so it stands in as a metric unit the rest of the code cannot contain.
    if (from.arbitrary.join() !== to.arbitrary.join()) return { ok: false, reason: 'incommensurable' };
    const plain = (code: string): string => code.replace(/\[[^\]]+\]/g, (a) => (from.arbitrary.includes(a) ? 'sr' : a));
    fromCode = plain(fromCode);
    toCode = plain(toCode);
  }
  const options = molarMass !== undefined ? { molecularWeight: molarMass } : {};
  const at = (v: number): number | undefined => {
    const r = quietly(() => ucum.convertUnitTo(fromCode, v, toCode, options));
    return r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal) ? r.toVal : undefined;
  };
  const zero = at(0);
  const one = at(1);
  if (zero === undefined || one === undefined || one === zero) {
    const withMolarMass = molarMass === undefined && at1WithAnyMolarMass(fromCode, toCode);
    return { ok: false, reason: withMolarMass ? 'needs-molar-mass' : 'incommensurable' };
  }
  const scale = one - zero;
  return { ok: true, convert: (v) => zero + v * scale };
}

function at1WithAnyMolarMass(from: string, to: string): boolean {
  const r = quietly(() => ucum.convertUnitTo(from, 1, to, { molecularWeight: 100 }));
  return r.status === 'succeeded';
}

/** The common units that convert to this one (for completion), itself left out. */
export function commensurableUnits(unit: Unit, molarMass?: number): string[] {
  return commonUnits.filter((c) => {
    if (c === unit.code) return false;
    const other = lookupUnit(c);
    return other.ok && conversion(other.unit, unit, molarMass).ok;
  });
}
