// References in and out: BibTeX, RIS and CSL-JSON files become reference declarations the
// language reads back, a guideline's references become such files again, and bad files
// (empty, malformed, wrong format, huge) give a message and change nothing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '../../grammar/src/index.js';
import { formatBibliography, maxBibliographyBytes, parseBibliography, referenceDeclarations } from '../../server/src/services/export/bibliography.js';
import * as RIS from 'astrocite-ris';
import * as CSL from 'citeproc';
import { plugins } from '@citation-js/core';
import { analyzeText, repoRoot } from '../helpers.js';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

const bibtex = `@article{schnitzbauer2012,
  author = {Schnitzbauer, Andreas A. and Lang, Sven A.},
  title = {Right portal vein ligation combined with in situ splitting "ALPPS" \\& more},
  journal = {Ann Surg}, year = {2012}, volume = {255}, pages = {405--414},
  doi = {10.1097/SLA.0b013e31824856f5}, pmid = {22330038}
}
@article{zhou-2020:guidelines, author = {Zhou, Jian}, title = {Guidelines}, journal = {Liver Cancer}, year = {2020}, doi = {not a doi}}
`;

const ris = `TY  - JOUR
AU  - Zhou, Jian
TI  - Guidelines for the diagnosis and treatment of hepatocellular carcinoma
T2  - Liver Cancer
PY  - 2020
DO  - 10.1159/000511596
ID  - zhou2020
ER  - 
`;

const csl = JSON.stringify([{ id: '72', type: 'article-journal', title: 'A trial', author: [{ family: 'Sun', given: 'H' }], issued: { 'date-parts': [[2019]] }, DOI: '10.1000/xyz', PMID: '12345' }]);

/** RIS read back by astrocite's parser: the tags of each record. */
function readRis(text: string): Record<string, string[]>[] {
  return RIS.AST.parse(text).children.map((entry) => {
    const tags: Record<string, string[]> = { TY: [entry.type] };
    for (const p of entry.properties) (tags[p.key] ??= []).push(p.value);
    return tags;
  });
}

/**
 * CSL-JSON read back by citeproc-js, the CSL processor reference managers use: each entry
 * as a Vancouver bibliography line (the style and locale files come with citation-js's CSL
 * plugin; only the processor reads the entries).
 */
function renderCsl(json: string): { ids: string[]; lines: string[] } {
  const config = plugins.config.get('@csl') as { styles: Map<string, string>; locales: Map<string, string> };
  const items = new Map((JSON.parse(json) as { id: string }[]).map((i) => [String(i.id), i]));
  const engine = new CSL.Engine({ retrieveLocale: () => config.locales.get('en-US')!, retrieveItem: (id) => items.get(String(id)) }, config.styles.get('vancouver')!);
  engine.setOutputFormat('text');
  engine.updateItems([...items.keys()]);
  const [meta, lines] = engine.makeBibliography();
  assert.deepEqual(meta.bibliography_errors, []);
  return { ids: meta.entry_ids.map((x) => x[0]), lines: lines.map((l) => l.trim()) };
}

/** BibTeX read back by @retorquere/bibtex-parser (an ES module, hence the dynamic import). */
async function readBibtex(text: string): Promise<{ key: string; fields: Record<string, string> }[]> {
  const { parse: parseBib } = await import('@retorquere/bibtex-parser');
  const library = parseBib(text);
  assert.deepEqual(library.errors, []);
  return library.entries.map((e) => ({ key: e.key, fields: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, String(v)])) }));
}

describe('references in and out', function () {
  this.timeout(120_000);

  it('imports BibTeX with labels, Vancouver citation text, DOI and PMID, and the language reads the declarations back', () => {
    const result = parseBibliography(bibtex, 'bibtex');
    assert.ok(result.ok);
    assert.deepEqual(result.references.map((r) => [r.label, r.doi, r.pmid]), [
      ['schnitzbauer2012', '10.1097/SLA.0b013e31824856f5', '22330038'],
      ['zhou_2020_guidelines', undefined, undefined],
    ]);
    assert.match(result.references[0].citation, /^Schnitzbauer AA, Lang SA\. Right portal vein ligation/);
    assert.ok(result.warnings.some((w) => w.includes('"not a doi" is not a DOI')));
    const text = referenceDeclarations(result.references);
    const parsed = parse(text);
    assert.deepEqual(parsed.errors, []);
    const refs = parsed.ast.declarations.filter((d) => d.kind === 'Reference');
    assert.equal(refs.length, 2);
    assert.equal(refs[0].kind === 'Reference' && refs[0].citation?.value, result.references[0].citation, 'quotes survive the round trip');
    assert.deepEqual(analyzeText(text).findings.filter((f) => f.severity === 'error'), []);
  });

  it('imports RIS and CSL-JSON', () => {
    const r = parseBibliography(ris, 'ris');
    assert.ok(r.ok);
    assert.deepEqual(r.references.map((x) => [x.label, x.doi]), [['zhou2020', '10.1159/000511596']]);
    const c = parseBibliography(csl, 'csl-json');
    assert.ok(c.ok);
    assert.deepEqual(c.references.map((x) => [x.label, x.doi, x.pmid]), [['72', '10.1000/xyz', '12345']]);
  });

  it('says what is wrong with an empty, malformed, wrong-format or huge file', () => {
    const message = (text: string, fmt: 'bibtex' | 'ris' | 'csl-json') => {
      const r = parseBibliography(text, fmt);
      assert.equal(r.ok, false);
      return r.ok ? '' : r.message;
    };
    assert.match(message('', 'bibtex'), /empty/);
    assert.match(message('  \n', 'ris'), /empty/);
    assert.match(message('@article{x, title={unclosed', 'bibtex'), /cannot read it as BibTeX/);
    assert.match(message(ris, 'bibtex'), /no references found: is it BibTeX\?/);
    assert.match(message(bibtex, 'ris'), /no references found: is it RIS\?/);
    assert.match(message('{"a":', 'csl-json'), /not valid JSON/);
    assert.match(message('42', 'csl-json'), /list of entries/);
    assert.match(message('[1, 2]', 'csl-json'), /must be an object/);
    assert.match(message('x'.repeat(maxBibliographyBytes + 1), 'bibtex'), /MB; references files up to 4 MB are read/);
  });

  it('exports a guideline\'s references as BibTeX, RIS and CSL-JSON that readers we did not write read back, PMID included', async () => {
    const refs = [
      { label: 'schnitzbauer2012', citation: 'Schnitzbauer AA, Lang SA. Right portal vein ligation. Ann Surg. 2012;255:405–14.', doi: '10.1097/SLA.0b013e31824856f5', pmid: '22330038' },
      { label: '72', citation: 'Sun H. A trial {with braces} & "quotes". 2019.' },
    ];
    const json = JSON.parse(formatBibliography(refs, 'csl-json')) as { id: string; DOI?: string; PMID?: string; title: string }[];
    assert.deepEqual(json.map((e) => [e.id, e.DOI, e.PMID, e.title]), refs.map((r) => [r.label, r.doi, r.pmid, r.citation]));
    const rendered = renderCsl(formatBibliography(refs, 'csl-json'));
    assert.deepEqual(rendered.ids, refs.map((r) => r.label));
    assert.ok(rendered.lines[0].includes('Right portal vein ligation') && rendered.lines[0].includes('doi:10.1097/SLA.0b013e31824856f5') && rendered.lines[0].includes('PMID: 22330038'), rendered.lines[0]);
    assert.ok(rendered.lines[1].includes('A trial {with braces} &'), rendered.lines[1]);
    const records = readRis(formatBibliography(refs, 'ris'));
    assert.deepEqual(records.map((r) => [r.ID?.[0], r.DO?.[0], r.AN?.[0], r.DB?.[0], r.TI?.[0]]), [
      ['schnitzbauer2012', '10.1097/SLA.0b013e31824856f5', '22330038', 'PubMed', refs[0].citation],
      ['72', undefined, undefined, undefined, refs[1].citation],
    ]);
    const entries = await readBibtex(formatBibliography(refs, 'bibtex'));
    assert.deepEqual(entries.map((e) => [e.key, e.fields.doi, e.fields.pmid, e.fields.title]), refs.map((r) => [r.label, r.doi, r.pmid, r.citation]));
    // And our own import takes each format back with the PMID.
    for (const fmt of ['bibtex', 'ris', 'csl-json'] as const) {
      const back = parseBibliography(formatBibliography(refs, fmt), fmt);
      assert.ok(back.ok, fmt);
      assert.deepEqual(back.references.map((r) => [r.label, r.doi, r.pmid]), refs.map((r) => [r.label, r.doi, r.pmid]), fmt);
    }
  });

  it('reads a PMID from RIS as an accession number (with PubMed as the database, or none) or a note', () => {
    const two = `TY  - JOUR\nTI  - One\nAN  - 111\nDB  - PubMed\nER  - \nTY  - JOUR\nTI  - Two\nAN  - 222\nDB  - Embase\nN1  - PMID: 333\nER  - \nTY  - JOUR\nTI  - Three\nAN  - 444\nER  - \n`;
    const r = parseBibliography(two, 'ris');
    assert.ok(r.ok);
    assert.deepEqual(r.references.map((x) => x.pmid), ['111', '333', '444']);
  });

  describe('at the command line', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-refs-'));
      fs.writeFileSync(path.join(dir, 'refs.bib'), bibtex);
      fs.writeFileSync(path.join(dir, 'empty.bib'), '');
      fs.writeFileSync(path.join(dir, 'refs.txt'), bibtex);
      fs.writeFileSync(path.join(dir, 'g.guideline'), 'guideline g { title "T" }\nreference schnitzbauer2012 "Kept as written."\n');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('refs import --into appends the new references, keeps those already declared, and the file checks', () => {
      const r = cli(['refs', 'import', 'refs.bib', '--into', 'g.guideline'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /added 1 reference to g\.guideline/);
      assert.match(r.stderr, /schnitzbauer2012 is already declared/);
      const text = fs.readFileSync(path.join(dir, 'g.guideline'), 'utf8');
      assert.ok(text.includes('reference schnitzbauer2012 "Kept as written."'));
      assert.ok(text.includes('reference zhou_2020_guidelines "'));
      assert.deepEqual(parse(text).errors, []);
      assert.equal(fs.readdirSync(dir).filter((f) => f.includes('partial')).length, 0);
    });

    it('a bad references file exits 1 with a message and leaves the guideline as it was', () => {
      const before = fs.readFileSync(path.join(dir, 'g.guideline'), 'utf8');
      const r = cli(['refs', 'import', 'empty.bib', '--into', 'g.guideline'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /empty\.bib: the file is empty/);
      assert.equal(fs.readFileSync(path.join(dir, 'g.guideline'), 'utf8'), before);
      assert.equal(cli(['refs', 'import', 'refs.txt'], dir).code, 2, 'an unknown extension is a usage error');
      assert.equal(cli(['refs', 'import', 'refs.txt', '--from', 'bibtex'], dir).code, 0);
    });

    it('refs export writes the guideline\'s references', () => {
      const r = cli(['refs', 'export', 'g.guideline', '--format', 'csl-json'], dir);
      assert.equal(r.code, 0, r.stderr);
      const labels = (JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id);
      assert.deepEqual(labels.sort(), ['schnitzbauer2012', 'zhou_2020_guidelines']);
    });
  });
});
