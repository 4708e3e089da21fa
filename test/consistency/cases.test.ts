// Cases: each `given` evaluated against the rules, failing expectations explained, rules
// the case leaves undetermined named with the attributes to give; `guideline test`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateCases } from '../../server/src/logic/consistency/cases.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { analyzeText, diagnosticStrings, repoRoot } from '../helpers.js';
import { statement } from './support.js';

const rules = `
enum Stage { I, II, III }
attribute stage: Stage
attribute age: years
attribute resectable: boolean
attribute weeks_since_tace: weeks
intervention surgery
intervention chemo
intervention tace
${statement('S1', `
  rule operate when stage in { I, II } and resectable and weeks_since_tace >= 4 weeks then recommend surgery
  rule wait when weeks_since_tace < 4 weeks then recommend against surgery
  rule chemo_late when stage = III then recommend chemo
  rule tace_old when stage = III and age >= 70 years then suggest tace`)}`;

function run(cases: string) {
  const a = analyzeText(rules + cases);
  return { a, results: evaluateCases(consistencyOf(a)) };
}

const caseCodes = (c: string) => c === 'case-failed' || c === 'case-undetermined';

describe('cases', () => {
  it('names at most five undetermined rules a case, the last with how many more, and each rule that fired once', () => {
    const flags = Array.from({ length: 12 }, (_, k) => `attribute f${k}: boolean`).join('\n');
    const copies = Array.from({ length: 12 }, (_, k) => `  rule u${k} when f${k} then recommend chemo\n  rule same when stage = I then recommend against chemo`).join('\n');
    const a = analyzeText(`enum Stage { I, II }\nattribute stage: Stage\n${flags}\nintervention chemo\n${statement('S1', copies)}case "c" {\n  given stage = I\n  expect recommend chemo\n}\n`);
    const undetermined = a.findings.filter((f) => f.code === 'case-undetermined');
    assert.equal(undetermined.length, 5);
    assert.match(undetermined[4].message, /\(and 7 more rules the case leaves undetermined\)$/);
    const failed = a.findings.filter((f) => f.code === 'case-failed');
    assert.equal(failed.length, 1);
    assert.match(failed[0].message, /rules that fired: `same`\)/);
    assert.equal((failed[0].message.match(/recommend against chemo/g) ?? []).length, 1);
  });

  it('passes when the rules give what is expected, converting units in `given`', () => {
    const { a, results } = run(`
case "operable" {
  given stage = II, resectable = true, weeks_since_tace = 35 days
  expect recommend surgery
}`);
    assert.deepEqual(results.map((r) => [r.title, r.passed, r.fired.map((f) => f.name)]), [['operable', true, ['operate']]]);
    assert.deepEqual(diagnosticStrings(a, caseCodes), []);
  });

  it('fails with what was expected, what the rules gave and which rules fired', () => {
    const { a, results } = run(`
case "too soon" {
  given stage = II, resectable = true, weeks_since_tace = 2 weeks
  expect recommend surgery
}`);
    assert.equal(results[0].passed, false);
    assert.deepEqual(diagnosticStrings(a, caseCodes), [
      '[20:3..20:27] case-failed Expected `recommend surgery`, but the rules give `recommend against surgery` (S1 `wait`) (rules that fired: `wait`)',
    ]);
  });

  it('tells the verb apart: `suggest` is not `recommend`', () => {
    const { a } = run(`
case "old" {
  given stage = III, age = 75 years, weeks_since_tace = 10 weeks
  expect recommend tace
}`);
    assert.deepEqual(diagnosticStrings(a, caseCodes), [
      '[20:3..20:24] case-failed Expected `recommend tace`, but the rules give `suggest tace` (S1 `tace_old`) (rules that fired: `chemo_late`, `tace_old`)',
    ]);
  });

  it('reports a rule the case leaves undetermined, with the attribute to give', () => {
    const { a, results } = run(`
case "stage III, age unknown" {
  given stage = III, weeks_since_tace = 10 weeks
  expect suggest tace
}`);
    assert.equal(results[0].passed, false);
    assert.deepEqual(diagnosticStrings(a, caseCodes), [
      '[18:6..18:30] case-undetermined Rule `tace_old` (S1) may or may not fire for this case: give `age`',
      '[20:3..20:22] case-failed Expected `suggest tace`, but the rules give nothing about `tace` (rules that fired: `chemo_late`); rule `tace_old` could, depending on `age`',
    ]);
  });

  it('reports only the undetermined rules that can change the result', () => {
    // `operate` depends on `resectable`; it could break `expect nothing`, so the case fails too.
    const { a, results } = run(`
case "stage II" {
  given stage = II, weeks_since_tace = 10 weeks
  expect nothing
}`);
    assert.deepEqual(diagnosticStrings(a, caseCodes), [
      '[18:6..18:16] case-undetermined Rule `operate` (S1) may or may not fire for this case: give `resectable`',
      '[20:3..20:17] case-failed Expected nothing, but rule `operate` could also give `recommend surgery`, depending on `resectable`',
    ]);
    assert.equal(results[0].passed, false);
    const { a: b } = run(`
case "stage III, old" {
  given stage = III, age = 80 years
  expect suggest tace
}`);
    // `wait` and `operate` depend on weeks_since_tace but say nothing about tace.
    assert.deepEqual(diagnosticStrings(b, caseCodes), []);
  });

  it('decides a rule whose alternatives cover every value of the missing attribute', () => {
    const { a, results } = run(`${statement('S2', '  rule either when resectable or not resectable then recommend chemo')}
case "either way" {
  given stage = I
  expect recommend chemo
}`);
    assert.equal(results[0].passed, true);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'case-failed'), []);
  });

  it('`expect only` fails on anything else; `expect nothing` fails on anything', () => {
    const { a } = run(`
case "only chemo" {
  given stage = III, age = 80 years, weeks_since_tace = 10 weeks
  expect only recommend chemo
}
case "nothing" {
  given stage = III, age = 50 years, weeks_since_tace = 10 weeks
  expect nothing
}
case "only both" {
  given stage = III, age = 80 years, weeks_since_tace = 10 weeks
  expect only recommend chemo
  expect suggest tace
}`);
    assert.deepEqual(diagnosticStrings(a, caseCodes), [
      '[20:3..20:30] case-failed Expected only what this case names, but the rules also give `suggest tace` (S1 `tace_old`)',
      '[24:3..24:17] case-failed Expected nothing, but the rules give `recommend chemo` (S1 `chemo_late`)',
    ]);
  });

  it('`expect only` and `expect nothing` fail when a rule the case leaves undetermined could break them, in `guideline test` too', () => {
    const { a, results } = run(`
case "only chemo, age not given" {
  given stage = III, weeks_since_tace = 10 weeks
  expect only recommend chemo
}
case "nothing, age not given" {
  given stage = II, resectable = false
  expect nothing
}`);
    assert.deepEqual(results.map((r) => r.passed), [false, false]);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'case-failed'), [
      '[20:3..20:30] case-failed Expected only what this case names, but rule `tace_old` could also give `suggest tace`, depending on `age`',
      '[24:3..24:17] case-failed Expected nothing, but rule `wait` could also give `recommend against surgery`, depending on `weeks_since_tace`',
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-only-'));
    try {
      fs.writeFileSync(path.join(dir, 'only.guideline'), `${rules}
case "only chemo" {
  given stage = III, weeks_since_tace = 10 weeks
  expect only recommend chemo
}
`);
      const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'test', 'only.guideline'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /FAIL {2}only chemo/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('guideline test prints each case with pass or fail and exits 1 on a failure', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-test-'));
    try {
      const file = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
      file('good.guideline', `${rules}\ncase "operable" {\n  given stage = I, resectable = true, weeks_since_tace = 5 weeks\n  expect recommend surgery\n}\n`);
      file('bad.guideline', `${rules}\ncase "too soon" {\n  given stage = I, resectable = true, weeks_since_tace = 1 weeks\n  expect recommend surgery\n}\n`);
      const cli = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const good = cli(['test', 'good.guideline']);
      assert.equal(good.status, 0, good.stdout + good.stderr);
      assert.equal(good.stdout, 'good.guideline\n  pass  operable  (line 18)\n1 case in 1 file: 1 passed, 0 failed\n');
      const all = cli(['test', '.']);
      assert.equal(all.status, 1);
      assert.equal(all.stdout, [
        'bad.guideline',
        '  FAIL  too soon  (line 18)',
        '        Expected `recommend surgery`, but the rules give `recommend against surgery` (S1 `wait`) (rules that fired: `wait`)',
        'good.guideline',
        '  pass  operable  (line 18)',
        '2 cases in 2 files: 1 passed, 1 failed',
        '',
      ].join('\n'));
      const json = JSON.parse(cli(['test', 'bad.guideline', '--format', 'json']).stdout) as { cases: { passed: boolean; fired: string[] }[] }[];
      assert.deepEqual(json[0].cases.map((c) => [c.passed, c.fired]), [[false, ['wait']]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
