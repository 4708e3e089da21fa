// What citation-js writes, completed: the PMID added, and RIS lines kept whole.
//
// Where a PubMed identifier goes in BibTeX and RIS, neither of which has a field for it in
// its own definition. The conventions followed are the ones reference managers share:
// BibTeX's `pmid = {N}` field (citation-js reads it, and biblatex's `eprinttype = {pubmed}`
// with `eprint`), and RIS's accession number `AN  - N` beside `DB  - PubMed` (a bare
// numeric AN is taken as a PMID too, as is a note `N1  - PMID: N`). citation-js writes
// neither, so the PMID is added to what it writes, and read from RIS text here.
import { pmidShape } from '../../model/identifiers.js';

/** One BibTeX entry as citation-js writes it (`@type{key,` first), with `pmid = {N}` added. */
export function bibtexWithPmid(entry: string, pmid: string | undefined): string {
  if (!pmid || !pmidShape.test(pmid)) return entry;
  const header = entry.indexOf('\n');
  if (header < 0) return entry;
  return `${entry.slice(0, header + 1)}\tpmid = {${pmid}},\n${entry.slice(header + 1)}`;
}

/** One RIS record as citation-js writes it (ending `ER  - `), with the PMID as its accession number. */
export function risWithPmid(record: string, pmid: string | undefined): string {
  if (!pmid || !pmidShape.test(pmid)) return record;
  const end = record.search(/^ER {2}-/m);
  if (end < 0) return record;
  return `${record.slice(0, end)}AN  - ${pmid}\nDB  - PubMed\n${record.slice(end)}`;
}

/**
 * RIS as citation-js writes it cuts every value into lines of 70 characters, mid-word, which
 * readers join with a space ("2012;2 55"): the pieces are put back on their tag's line.
 * Values have no line breaks of their own (the caller makes them one line).
 */
export function risUnwrapped(text: string): string {
  return text.replace(/\r?\n(?![A-Z][A-Z0-9] {2}-( |$))(?=.)/gm, '');
}

/**
 * The PMID of each RIS record, in the order of the records (undefined where a record has
 * none). Tags are two characters, two spaces, a dash; a record ends at `ER`.
 */
export function risPmids(text: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let accession: string | undefined;
  let database: string | undefined;
  let noted: string | undefined;
  let open = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/.exec(line);
    if (!m) continue;
    const [, tag, raw] = m;
    const value = (raw ?? '').trim();
    if (tag === 'TY') { open = true; accession = database = noted = undefined; continue; }
    if (tag === 'ER') {
      if (open) {
        const fromAccession = accession !== undefined && pmidShape.test(accession) && (database === undefined || /pub ?med|medline/i.test(database)) ? accession : undefined;
        out.push(fromAccession ?? noted);
      }
      open = false;
      continue;
    }
    if (tag === 'AN') accession = value;
    else if (tag === 'DB') database = value;
    else if (tag === 'N1' || tag === 'M1') noted ??= /\bPMID:\s*(\d+)\b/i.exec(value)?.[1];
  }
  return out;
}
