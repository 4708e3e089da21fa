// `guideline export` at the command line: refuses a file with errors and writes nothing,
// writes all of an export or none of it, and prints the notes on what it cannot carry.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, samplesDir } from '../helpers.js';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('guideline export', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-export-'));
    fs.writeFileSync(path.join(dir, 'broken.guideline'), 'guideline g { title "T" }\nstatement S1 "x" {\n  text "unterminated\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a file with syntax errors: exit 1, the errors, nothing written', () => {
    const out = path.join(dir, 'out-broken');
    const r = cli(['export', 'broken.guideline', '--format', 'fhir', '--out', out], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /broken\.guideline:\d+:\d+ error unterminated-string/);
    assert.match(r.stderr, /nothing was exported/);
    assert.equal(fs.existsSync(out), false);
  });

  it('--format fhir --out DIR writes the bundle and its ELM, and nothing half-written', () => {
    const out = path.join(dir, 'out');
    const r = cli(['export', path.join(samplesDir, 'hcc-conversion-2021.guideline'), '--format', 'fhir', '--out', out], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(out).sort(), ['hcc-conversion-2021.elm.json', 'hcc-conversion-2021.fhir.json']);
    const bundle = JSON.parse(fs.readFileSync(path.join(out, 'hcc-conversion-2021.fhir.json'), 'utf8')) as { resourceType: string; type: string; entry: unknown[] };
    assert.deepEqual([bundle.resourceType, bundle.type], ['Bundle', 'collection']);
    const elm = JSON.parse(fs.readFileSync(path.join(out, 'hcc-conversion-2021.elm.json'), 'utf8')) as { library: { schemaIdentifier: { id: string } } };
    assert.equal(elm.library.schemaIdentifier.id, 'urn:hl7-org:elm');
    assert.match(r.stderr, /note: unit-arbitrary: Attribute `hbv_dna`/, 'the notes say what is not carried over as is');
  });

  it('without --out prints the bundle, with --base as the canonical base', () => {
    const r = cli(['export', path.join(samplesDir, 'hcc-conversion-2021.guideline'), '--base', 'https://guidelines.example.com/fhir'], dir);
    assert.equal(r.code, 0, r.stderr);
    const bundle = JSON.parse(r.stdout) as { entry: { fullUrl: string }[] };
    assert.ok(bundle.entry.every((e) => e.fullUrl.startsWith('https://guidelines.example.com/fhir/')));
  });
});
