import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers.js';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

const good = `guideline g { title "T" }
intervention resection "Surgical resection"
attribute age: years
reference 1 "A paper."
statement S1 "Old age" {
  text "Do not operate on the very old."
  basis evidence strength strong certainty high agreement 90%
  cites 1
  rule r1 when age >= 80 years then recommend against resection
}
`;

describe('command line', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-cli-'));
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'good.guideline'), good);
    fs.writeFileSync(path.join(dir, 'nested', 'bad.guideline'), good.replace('against resection', 'against resecton').replace('basis evidence', 'basis evidense'));
    fs.writeFileSync(path.join(dir, 'nested', 'notes.txt'), 'not a guideline');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check prints file:line:col severity code message and exits 1 on errors', () => {
    const r = cli(['check', '.'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes('nested/bad.guideline:7:9 error invalid-value `evidense` is not a basis: use `evidence`, `expert_opinion`; did you mean `evidence`?'), r.stdout);
    assert.ok(lines.includes('nested/bad.guideline:9:55 error unresolved-name Unknown intervention `resecton`; did you mean `resection`?'), r.stdout);
    assert.ok(!lines.some((l) => l.startsWith('good.guideline:') && l.includes(' error ')), r.stdout);
    assert.match(lines[lines.length - 1], /^2 files checked: 2 errors/);
  });

  it('check exits 0 on a clean file', () => {
    const r = cli(['check', 'good.guideline'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^1 file checked: 0 errors/m);
  });

  it('check --format json gives the same findings as data', () => {
    const r = cli(['check', '--format', 'json', 'nested'], dir);
    assert.equal(r.code, 1);
    const parsed = JSON.parse(r.stdout) as { file: string; diagnostics: { line: number; column: number; severity: string; code: string }[] }[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0].file, path.join('nested', 'bad.guideline'));
    assert.deepEqual(parsed[0].diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.column, d.code]), [[7, 9, 'invalid-value'], [9, 55, 'unresolved-name']]);
  });

  it('inspect --format json prints the resolved model with values spelled as in the language', () => {
    const r = cli(['inspect', 'good.guideline', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const model = JSON.parse(r.stdout);
    assert.equal(model.guideline.title, 'T');
    assert.deepEqual(model.statements.map((s: Record<string, unknown>) => [s.id, s.basis, s.strength, s.certainty, s.agreement]), [['S1', 'evidence', 'strong', 'high', 90]]);
    assert.deepEqual(model.statements[0].rules, [{
      id: 'r1', ownGrading: false, strength: 'strong', certainty: 'high', grade: { strength: 'strong', certainty: 'high' },
      verb: 'recommend against', interventions: ['resection'], when: 'age >= 80 years',
    }]);
    assert.deepEqual([model.statements[0].kind, model.statements[0].grade, model.grading.name], ['recommendation', { strength: 'strong', certainty: 'high' }, 'GRADE']);
    assert.deepEqual(model.references.map((x: { label: string }) => x.label), ['1']);
    assert.deepEqual(model.attributes, [{ name: 'age', type: 'years', description: null }]);
  });

  it('usage errors exit 2 with a message', () => {
    assert.equal(cli(['check'], dir).code, 2);
    assert.match(cli(['check', 'missing.guideline'], dir).stderr, /no such file or folder: missing\.guideline/);
    assert.match(cli(['frobnicate'], dir).stderr, /unknown command 'frobnicate'/);
    assert.match(cli(['check', '--format', 'xml', '.'], dir).stderr, /--format must be one of text, json/);
    assert.equal(cli(['--help'], dir).code, 0);
  });
});
