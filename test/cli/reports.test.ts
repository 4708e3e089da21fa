// CI reports read back by tools we did not write: SARIF checked against the published
// SARIF 2.1.0 schema (ajv), JUnit XML parsed by fast-xml-parser, and --max-warnings.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { repoRoot, samplesDir } from '../helpers.js';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

// Two statements at 80% of 52 voters: two unattainable-percentage warnings. The broken copy
// adds a misspelt intervention (an error) and a failing case whose title is hostile markup.
const warned = `guideline g { title "T" panel { voters 52 agree A consensus 75% } }
intervention resection "Surgical resection"
attribute age: years
statement S1 "Old age" {
  text "Do not operate."
  basis evidence strength strong certainty high agreement 80%
  rule r1 when age >= 80 years then recommend against resection
}
statement S2 "Young" {
  text "Operate."
  basis evidence strength strong certainty high agreement 80%
  rule r2 when age < 40 years then recommend resection
}
case "Old patient" {
  given age = 85 years
  expect recommend against resection
}
`;

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

describe('CI reports: SARIF, --max-warnings, JUnit', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-reports-'));
    fs.mkdirSync(path.join(dir, 'sub dir'));
    fs.writeFileSync(path.join(dir, 'sub dir', 'warned.guideline'), warned);
    const hostileCase = `case "<script>alert('x')</script> & \u0001 'quoted'" {\n  given age = 85 years\n  expect recommend resection\n}\n`;
    fs.writeFileSync(path.join(dir, 'broken.guideline'), hostileCase + warned.replace('recommend resection', 'recommend resecton'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('check --format sarif is valid SARIF 2.1.0 with rules, help URIs and regions', () => {
    const r = cli(['check', '--format', 'sarif', '.'], dir);
    assert.equal(r.code, 1, 'the misspelt intervention is an error');
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    const rules = run.tool.driver.rules;
    const error = run.results.find((x) => x.ruleId === 'unresolved-name');
    assert.ok(error, 'the unresolved name is a result');
    assert.equal(error.level, 'error');
    assert.equal(rules[error.ruleIndex].id, 'unresolved-name');
    assert.match(rules[error.ruleIndex].helpUri, /diagnostics\.md#unresolved-name$/);
    const loc = error.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'broken.guideline');
    assert.deepEqual([loc.region.startLine, loc.region.startColumn], [16, 46]);
    const warnings = run.results.filter((x) => x.level === 'warning');
    assert.ok(warnings.some((w) => w.locations[0].physicalLocation.artifactLocation.uri === 'sub%20dir/warned.guideline'), 'paths are URI references');
    // The anchors the help URIs point at exist in the docs.
    const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
    for (const rule of rules) assert.ok(docs.includes(`\n## ${rule.id}\n`), `docs/diagnostics.md has a section for ${rule.id}`);
  });

  it('--docs-url points the help URIs at a published copy', () => {
    const r = cli(['check', '--format', 'sarif', '--docs-url', 'https://example.org/docs/diagnostics.md', 'sub dir'], dir);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.deepEqual(log.runs[0].tool.driver.rules.map((x) => x.helpUri), ['https://example.org/docs/diagnostics.md#unattainable-percentage']);
  });

  it('--max-warnings fails the run past N warnings, as ESLint does', () => {
    assert.equal(cli(['check', 'sub dir'], dir).code, 0, 'warnings alone pass');
    assert.equal(cli(['check', '--max-warnings', '2', 'sub dir'], dir).code, 0, 'two warnings are not more than 2');
    const r = cli(['check', '--max-warnings', '1', 'sub dir'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal(cli(['check', '--max-warnings', 'many', 'sub dir'], dir).code, 2);
  });

  it('test --format junit is well-formed JUnit XML with hostile text escaped', () => {
    const r = cli(['test', '--format', 'junit', 'broken.guideline'], dir);
    assert.equal(r.code, 1);
    assert.equal(XMLValidator.validate(r.stdout), true);
    assert.ok(!r.stdout.includes('<script>'), 'user text is escaped');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: { name: string; line: string; failure?: { message: string } }[] } };
    };
    assert.equal(parsed.testsuites.tests, '2');
    assert.equal(parsed.testsuites.failures, '1');
    const suite = parsed.testsuites.testsuite;
    assert.equal(suite.name, 'broken.guideline');
    const [hostile, old] = suite.testcase;
    assert.equal(hostile.name, `<script>alert('x')</script> &  'quoted'`, 'the control character is dropped, the rest is kept as text');
    assert.match(hostile.failure?.message ?? '', /Expected `recommend resection`/);
    assert.equal(old.failure, undefined);
  });

  it('the samples give valid SARIF and JUnit', () => {
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', samplesDir], repoRoot).stdout) as SarifLog;
    assert.ok(validate(sarif), JSON.stringify(validate.errors));
    const junit = cli(['test', '--format', 'junit', samplesDir], repoRoot);
    assert.equal(XMLValidator.validate(junit.stdout), true);
  });
});
