// A witness patient: concrete attribute values that show a finding, printed the way the
// language writes them (`stage = IIIb, surgically_resectable = false, age = 70 years`) and
// kept as data for quick fixes, tests and other tools.
import type { Point } from './box.js';
import { valueText, type Scope } from './scope.js';

export interface WitnessValue {
  attribute: string;
  /** Member name for enums and booleans' "true"/"false"; the number on the attribute's scale otherwise. */
  value: string | number;
  /** As the language writes it: `IIIb`, `70 years`, `25%`. */
  text: string;
}

/** The point's values, in the given attribute order first, then by declaration. */
export function witnessOf(p: Point, scope: Scope, order: readonly number[] = []): WitnessValue[] {
  const seen = new Set<number>();
  const out: WitnessValue[] = [];
  const add = (attr: number): void => {
    const v = p.get(attr);
    if (v === undefined || seen.has(attr)) return;
    seen.add(attr);
    const info = scope.attrs[attr];
    out.push({ attribute: info.name, value: info.kind === 'finite' ? info.members[v] : v, text: valueText(info, v) });
  };
  order.forEach(add);
  [...p.keys()].sort((a, b) => a - b).forEach(add);
  return out;
}

export function witnessText(w: readonly WitnessValue[]): string {
  return w.length === 0 ? 'any patient' : w.map((v) => `${v.attribute} = ${v.text}`).join(', ');
}

/** Back from data to a patient, for evaluating rules at a reported witness. */
export function witnessPatient(w: readonly WitnessValue[], scope: Scope): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of w) {
    const info = scope.byName.get(v.attribute);
    if (!info) continue;
    out.set(v.attribute, typeof v.value === 'number' ? v.value : info.members.indexOf(v.value));
  }
  return out;
}
