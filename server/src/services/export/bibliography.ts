// References in and out of a guideline through citation-js: BibTeX, RIS and CSL-JSON files
// become `reference` declarations (label, citation text in Vancouver style, DOI, PMID), and
// a guideline's references become such files again. A file that is empty, malformed, in
// another format or too large gives a message, never an exception.
import { Cite, type CslEntry } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { doiShape, pmidShape } from '../../model/identifiers.js';
import { bibtexWithPmid, risPmids, risUnwrapped, risWithPmid } from './bibliography-output.js';

export type BibliographyFormat = 'bibtex' | 'ris' | 'csl-json';

export interface ImportedReference {
  label: string;
  citation: string;
  doi?: string;
  pmid?: string;
}

export type ImportResult = { ok: true; references: ImportedReference[]; warnings: string[] } | { ok: false; message: string };

/** Past this size a file is refused: parsing 10 MB of BibTeX takes citation-js tens of seconds. */
export const maxBibliographyBytes = 4 * 1024 * 1024;

const inputTypes: Record<BibliographyFormat, string> = { bibtex: '@biblatex/text', ris: '@ris/file', 'csl-json': '@csl/list+object' };

export function formatOfFile(name: string): BibliographyFormat | undefined {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'bib' || ext === 'bibtex' ? 'bibtex' : ext === 'ris' ? 'ris' : ext === 'json' ? 'csl-json' : undefined;
}


/** A label the language accepts: a whole number, or an identifier. */
export function labelOf(key: string, index: number): string {
  if (/^\d+$/.test(key)) return String(Number(key));
  const word = key.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (word.length === 0) return `ref_${index + 1}`;
  return /^[A-Za-z_]/.test(word) ? word : `ref_${word}`;
}

function citationText(entry: CslEntry): string {
  // The DOI and PMID are fields of the declaration, not part of its text.
  const bare: CslEntry = { ...entry, DOI: undefined, PMID: undefined, id: 'x' };
  delete bare._graph;
  let text = '';
  try {
    text = new Cite([bare]).format('bibliography', { template: 'vancouver', format: 'text' });
  } catch {
    text = '';
  }
  text = text.replace(/^\s*1\.\s*/, '').replace(/\s+/g, ' ').trim();
  return text || entry.title || String(entry.id ?? '');
}

export function parseBibliography(text: string, format: BibliographyFormat): ImportResult {
  if (Buffer.byteLength(text, 'utf8') > maxBibliographyBytes) {
    return { ok: false, message: `the file is ${(Buffer.byteLength(text, 'utf8') / 1048576).toFixed(1)} MB; references files up to ${maxBibliographyBytes / 1048576} MB are read` };
  }
  if (text.trim().length === 0) return { ok: false, message: 'the file is empty' };
  let input: unknown = text;
  if (format === 'csl-json') {
    try {
      input = JSON.parse(text);
    } catch (err) {
      return { ok: false, message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!Array.isArray(input) && (typeof input !== 'object' || input === null)) return { ok: false, message: 'CSL-JSON is a list of entries (or one entry object)' };
    if (!Array.isArray(input)) input = [input];
    if ((input as unknown[]).some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) return { ok: false, message: 'every CSL-JSON entry must be an object' };
  }
  let entries: CslEntry[];
  try {
    entries = new Cite(input, { forceType: inputTypes[format] }).data;
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { ok: false, message: `cannot read it as ${format === 'csl-json' ? 'CSL-JSON' : format === 'ris' ? 'RIS' : 'BibTeX'}: ${first}` };
  }
  if (entries.length === 0) return { ok: false, message: `no references found: is it ${format === 'csl-json' ? 'CSL-JSON' : format === 'ris' ? 'RIS' : 'BibTeX'}?` };
  const warnings: string[] = [];
  // citation-js reads no PMID from RIS: it is read from the records, which come in the same order.
  const risPmid = format === 'ris' ? risPmids(text) : [];
  const seen = new Set<string>();
  const references: ImportedReference[] = [];
  entries.forEach((entry, i) => {
    let label = labelOf(String(entry['citation-key'] ?? entry.id ?? ''), i);
    for (let n = 2; seen.has(label); n++) label = `${labelOf(String(entry['citation-key'] ?? entry.id ?? ''), i)}_${n}`;
    seen.add(label);
    const doi = typeof entry.DOI === 'string' ? entry.DOI.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') : undefined;
    const given = entry.PMID ?? (risPmid.length === entries.length ? risPmid[i] : undefined);
    const pmid = given !== undefined ? String(given).trim() : undefined;
    if (doi && !doiShape.test(doi)) warnings.push(`${label}: "${doi}" is not a DOI (10.NNNN/...): left out`);
    if (pmid && !pmidShape.test(pmid)) warnings.push(`${label}: "${pmid}" is not a PMID (a number): left out`);
    references.push({
      label,
      citation: citationText(entry),
      doi: doi && doiShape.test(doi) ? doi : undefined,
      pmid: pmid && pmidShape.test(pmid) ? pmid : undefined,
    });
  });
  return { ok: true, references, warnings };
}

/** A string literal of the language: backslashes and quotes escaped, one line. */
function quoted(text: string): string {
  return `"${text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `reference` declarations, one a line. */
export function referenceDeclarations(refs: readonly ImportedReference[]): string {
  return refs.map((r) => `reference ${r.label} ${quoted(r.citation)}${r.doi ? ` doi ${quoted(r.doi)}` : ''}${r.pmid ? ` pmid ${r.pmid}` : ''}\n`).join('');
}

/** A guideline's references as a bibliography file. Only the citation text is known, so it is the entry's title. */
export function formatBibliography(refs: readonly ImportedReference[], format: BibliographyFormat): string {
  const data: CslEntry[] = refs.map((r) => ({
    id: r.label,
    'citation-key': r.label,
    type: 'article-journal',
    // One line: RIS has no line breaks inside a value.
    title: r.citation.replace(/[\u0000-\u001f\u007f]+/g, ' '),
    ...(r.doi ? { DOI: r.doi } : {}),
    ...(r.pmid ? { PMID: r.pmid } : {}),
  }));
  if (format === 'csl-json') return JSON.stringify(data, null, 2) + '\n';
  // One entry at a time, so each gets its own PMID (bibliography-output.ts says where it goes).
  const out = data.map((entry) => {
    const written = new Cite([entry]).format(format === 'bibtex' ? 'bibtex' : 'ris');
    const pmid = typeof entry.PMID === 'string' ? entry.PMID : undefined;
    const text = format === 'bibtex' ? bibtexWithPmid(written, pmid) : risWithPmid(risUnwrapped(written), pmid);
    return text.replace(/\n+$/, '') + '\n';
  });
  return out.join(format === 'bibtex' ? '\n' : '');
}
