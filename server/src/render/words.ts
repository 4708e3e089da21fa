// Words for the reviewer's view, made from what the committee wrote: a question from an
// attribute's description, an intervention by its short description, a condition such as
// "Child-Pugh class A" or "age < 65 years". Identifiers are the fallback, with underscores
// turned into spaces.

/** "initial_assessment" -> "initial assessment". */
export function humanize(identifier: string): string {
  return identifier.replace(/_+/g, ' ').trim();
}

/** Parenthesised asides longer than this are dropped from short forms; shorter ones ("(PVE)") stay. */
const asideLimit = 14;
const shortLimit = 90;

/**
 * Short forms already made: a view asks for the same few descriptions at every box, and
 * making one walks the text character by character. Bounded so hostile files cannot grow it.
 */
const shortForms = new Map<string, string>();
const shortFormsLimit = 2000;

/** The description without long asides, and cut at its first colon: its name, as a reader says it. */
export function shortText(description: string, cutAtComma = false): string {
  const key = `${cutAtComma ? ',' : ':'}${description}`;
  const known = shortForms.get(key);
  if (known !== undefined) return known;
  const made = makeShortText(description, cutAtComma);
  if (shortForms.size >= shortFormsLimit) shortForms.clear();
  shortForms.set(key, made);
  return made;
}

function makeShortText(description: string, cutAtComma: boolean): string {
  let out = '';
  let depth = 0;
  let aside = '';
  for (const ch of description.replace(/\s+/g, ' ')) {
    if (ch === '(') {
      if (depth === 0) aside = '';
      depth++;
    }
    if (depth > 0) aside += ch;
    else if (ch === ':') break;
    else out += ch;
    if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0 && aside.length <= asideLimit) out += aside;
    }
  }
  out = out.replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').trim();
  if (cutAtComma) {
    // The first comma after three words ends a name ("Hepatic artery infusion chemotherapy, FOLFOX ...").
    let at = out.indexOf(', ');
    while (at >= 0 && out.slice(0, at).split(' ').length < 3) at = out.indexOf(', ', at + 1);
    if (at >= 0) out = out.slice(0, at);
  }
  out = out.replace(/[,;.\s]+$/, '');
  if (out.length > shortLimit) {
    const cut = out.lastIndexOf(' ', shortLimit - 1);
    out = `${out.slice(0, cut > 20 ? cut : shortLimit - 1).replace(/[,;\s]+$/, '')}…`;
  }
  return out;
}

/** A short abbreviation the description ends with: "(ICG-R15)" -> "ICG-R15". */
export function abbreviation(description: string): string | undefined {
  const m = /\(([A-Za-z][A-Za-z0-9/+-]{1,11})\)\s*$/.exec(description.trim());
  return m?.[1];
}

export function lowerFirst(text: string): string {
  // "Age" -> "age", "Second-line therapy" -> "second-line therapy", but "CNLC stage",
  // "PVE ..." and "PD-1 inhibitor" keep their capitals.
  return /^[A-Z][a-z]*(\s|$|-[a-z])/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

export interface AttributeWords {
  name: string;
  description?: string;
  type?: 'boolean' | 'enum' | 'number';
}

/** The question a split asks: "Technically resectable at the initial assessment?". */
export function questionText(a: AttributeWords): string {
  const text = a.description ? shortText(a.description) : humanize(a.name);
  return text ? `${text[0].toUpperCase()}${text.slice(1)}?` : `${humanize(a.name)}?`;
}

/** What a branch is called: enum members and yes/no in words. */
export function branchText(label: string): string {
  return humanize(label);
}

/**
 * A condition in words: "Child-Pugh class A", "ICG-R15 < 10%", "not fit ...", "no contraindication
 * to PVE"; with members' own descriptions (`described`), "tumour response is complete response".
 */
export function conditionText(a: AttributeWords, label: string, described = false): string {
  const full = a.description ? shortText(a.description) : humanize(a.name);
  const subject = (a.description && abbreviation(a.description)) || lowerFirst(full);
  if (a.type === 'boolean') {
    if (label === 'yes') return lowerFirst(full);
    if (label === 'no') {
      if (/^an? /i.test(full)) return `no ${full.replace(/^an? /i, '')}`;
      if (/^no /i.test(full)) return full.replace(/^no /i, '');
      return `not ${lowerFirst(full)}`;
    }
  }
  if (described) return `${subject} is ${label.split(/(, | or )/).map(lowerFirst).join('')}`;
  return `${subject} ${branchText(label)}`;
}

/** An attribute as a noun phrase: its abbreviation, else its short description. */
export function nameText(a: AttributeWords): string {
  return (a.description && abbreviation(a.description)) || lowerFirst(a.description ? shortText(a.description) : humanize(a.name));
}

/** An intervention by its short description: "Portal vein embolization (PVE)". */
export function interventionText(name: string, description: string | undefined): string {
  return description ? shortText(description, true) : humanize(name);
}

/** "depending on received a PD-1 inhibitor, received TACE and 3 more (32 combinations)". */
export function dependingText(subjects: readonly string[], combinations?: number): string {
  const unique = [...new Set(subjects)];
  const listed = unique.length > 4 ? `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more` : unique.join(', ');
  return `depending on ${listed}${combinations ? ` (${combinations} combinations)` : ''}`;
}
