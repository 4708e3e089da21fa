// The quick fix that imports an undeclared citation from the bibliography files of the
// setting `guideline.bibliography`: the declaration comes from the file (citation, DOI,
// PMID) and the file then checks; files outside the workspace folder, over the size limit,
// missing, malformed or of another kind give no fix and are never read past the refusal.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings } from '../../server/src/model/settings.js';
import { DiskHost, type ReadResult, type SourceHost } from '../../server/src/model/sources.js';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { bibliographyFiles } from '../../server/src/services/bibliography-files.js';
import { quickFixes, type QuickFix, type TextEdit } from '../../server/src/services/code-actions.js';

class RecordingHost implements SourceHost {
  readonly asked: string[] = [];
  private readonly disk = new DiskHost();
  read(uri: string, maxBytes?: number): ReadResult {
    this.asked.push(uri);
    return this.disk.read(uri, maxBytes);
  }
}

const bib = `@article{zhou2020,
  author = {Zhou, Jian and Sun, Huichuan},
  title = {Guidelines for the diagnosis and treatment of hepatocellular carcinoma},
  journal = {Liver Cancer}, year = {2020}, volume = {9}, pages = {682--720},
  doi = {10.1159/000511596}, pmid = {33442540}
}
@article{72, author = {Sun, H}, title = {A trial}, journal = {Lancet}, year = {2019}}
`;

const guideline = `guideline g { title "T" }
intervention x
statement S1 "One" {
  text "Do x."
  basis evidence strength strong certainty high agreement 90%
  cites zhou2020, 72, 99
  rule r when true_flag then recommend x
}
attribute true_flag: boolean
`;

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('quick fix: import a reference from the bibliography', function () {
  this.timeout(60_000);
  let dir: string;
  let ws: string;
  const write = (name: string, text: string | Buffer): void => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-bib-'));
    ws = path.join(dir, 'ws');
    write('ws/refs/library.bib', bib);
    write('ws/main.guideline', guideline);
    write('secret.bib', bib.replace('zhou2020', 'secret99'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The analysis of main.guideline with the setting, the fixes on its unresolved citations, and what the host was asked to read. */
  function fixes(bibliography: unknown, extra: object = {}): { a: Analysis; fixes: QuickFix[]; asked: string[] } {
    const host = new RecordingHost();
    const workspace = new Workspace(host);
    workspace.folders = [pathToFileURL(ws).href];
    workspace.settings = readSettings({ bibliography, ...extra });
    const a = workspace.analysis(pathToFileURL(path.join(ws, 'main.guideline')).href)!;
    const cites = a.findings.filter((f) => f.code === 'unresolved-reference');
    assert.ok(cites.length > 0, 'the citations are unresolved');
    const before = host.asked.length;
    const bibliographies = () => bibliographyFiles(a.settings.bibliography, a.uri, workspace.folders, workspace, a.settings.usedFileSizeLimit * 2 ** 20);
    // The whole `cites` line: every unresolved label's fixes.
    const span = { start: Math.min(...cites.map((f) => f.span.start)), end: Math.max(...cites.map((f) => f.span.end)) };
    const found = quickFixes(a, span, { bibliographies }).filter((f) => f.finding.code === 'unresolved-reference');
    return { a, fixes: found, asked: host.asked.slice(before).filter((u) => !u.endsWith('.guideline')) };
  }

  it('offers to import the labels a bibliography file holds, and the imported declarations resolve them', () => {
    const { a, fixes: found } = fixes('refs/library.bib');
    const imports = found.filter((f) => f.title.startsWith('Import'));
    assert.deepEqual(imports.map((f) => [f.title, f.preferred]), [['Import reference zhou2020 from refs/library.bib', true], ['Import reference 72 from refs/library.bib', true]]);
    // The placeholder declaration is still offered, and is the only fix for the label no file holds.
    assert.deepEqual(found.filter((f) => f.title.startsWith('Declare')).map((f) => f.title), ['Declare reference zhou2020', 'Declare reference 72', 'Declare reference 99']);
    const text = applyEdits(applyEdits(a.source.text, imports[1].edits), imports[0].edits);
    assert.match(text, /reference zhou2020 "Zhou J, Sun H\. Guidelines for the diagnosis[^"]*" doi "10\.1159\/000511596" pmid 33442540/);
    assert.match(text, /reference 72 "Sun H\. A trial/);
    const after = new Workspace();
    after.update('file:///virtual/after.guideline', text, 1);
    const b = after.analysis('file:///virtual/after.guideline')!;
    assert.deepEqual(b.source.parse.errors, []);
    const unresolved = b.findings.filter((f) => f.code === 'unresolved-reference').map((f) => f.data?.missing);
    assert.deepEqual(unresolved, [['99']], 'only the label no file holds is left');
  });

  it('takes a list of files, RIS and CSL-JSON too; the first file holding a label gives it', () => {
    write('ws/a.json', JSON.stringify([{ id: '72', type: 'article-journal', title: 'From JSON', DOI: '10.1000/json' }]));
    write('ws/b.ris', 'TY  - JOUR\nID  - zhou2020\nTI  - From RIS\nAN  - 33442540\nDB  - PubMed\nER  - \nTY  - JOUR\nID  - 72\nTI  - Not this one\nER  - \n');
    const { a, fixes: found } = fixes(['a.json', 'b.ris']);
    assert.deepEqual(found.filter((f) => f.title.startsWith('Import')).map((f) => f.title), ['Import reference zhou2020 from b.ris', 'Import reference 72 from a.json']);
    const ris = applyEdits(a.source.text, found.find((f) => f.title.endsWith('b.ris'))!.edits);
    assert.match(ris, /reference zhou2020 "From RIS\.?" pmid 33442540/);
  });

  it('reads nothing outside the workspace folder or over the size limit, and gives no import for missing, malformed or unknown files', () => {
    write('ws/big.bib', bib + `@misc{pad, note = {${'x'.repeat(300_000)}}}\n`);
    write('ws/broken.bib', '@article{zhou2020, title = {unclosed');
    write('ws/refs.txt', bib);
    const outside = fixes(['../secret.bib', path.join(dir, 'secret.bib'), pathToFileURL(path.join(dir, 'secret.bib')).href, 'missing.bib', 'broken.bib', 'refs.txt', 'big.bib'], { usedFileSizeLimit: 0.1 });
    assert.deepEqual(outside.fixes.filter((f) => f.title.startsWith('Import')).map((f) => f.title), []);
    assert.ok(!outside.asked.some((u) => u.endsWith('secret.bib')), `asked for ${outside.asked.join(', ')}`);
    const problems = bibliographyFiles(['../secret.bib', 'missing.bib', 'broken.bib', 'refs.txt', 'big.bib'], outside.a.uri, [pathToFileURL(ws).href], new DiskHost(), 0.1 * 2 ** 20).map((f) => f.problem);
    assert.deepEqual(problems.map((p) => p?.replace(/:.*/, '')), ['refused', 'no such file', 'cannot read it as BibTeX', 'not a .bib, .ris or .json file', 'refused']);
  });

  it('offers no import when the setting is empty or not a path list', () => {
    for (const setting of [undefined, [], '', 42, [null, 7]]) {
      assert.deepEqual(fixes(setting).fixes.filter((f) => f.title.startsWith('Import')), [], JSON.stringify(setting));
    }
    assert.deepEqual(readSettings({ bibliography: ' refs.bib ' }).bibliography, ['refs.bib']);
  });
});
