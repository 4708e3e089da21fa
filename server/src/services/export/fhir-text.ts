// User text as FHIR strings and ids. A FHIR string holds no control characters other than
// tab, carriage return and line feed, and is not empty; an id is 1-64 of [A-Za-z0-9.-].

/** The text as a valid FHIR string, or undefined when nothing printable is left. */
export function fhirString(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return clean.length > 0 ? clean : undefined;
}

/** Makes ids that FHIR accepts, distinct from each other, from names in the guideline. */
export class IdMaker {
  private readonly used = new Set<string>();

  make(name: string): string {
    const base = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'x';
    let id = base;
    for (let n = 2; this.used.has(id.toLowerCase()); n++) id = `${base}-${n}`;
    this.used.add(id.toLowerCase());
    return id;
  }
}

/** A computable name (FHIR's cnl-0: an initial capital, then letters, digits and underscores). */
export function computableName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const joined = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Z]/.test(joined) ? joined.slice(0, 255) : `G${joined}`.slice(0, 255);
}
