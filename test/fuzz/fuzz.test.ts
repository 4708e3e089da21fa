// The fuzzer in CI: every reproducer it has found passes every invariant now, and a seeded
// run over the stable seeds (samples and generated files, not the test sources) finds nothing. Timing is not asserted here (the 1 s budget is
// `npm run fuzz`'s); the watchdog only catches real hangs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers.js';
import { runInParallel } from './campaign.js';
import { loadCorpus } from './corpus.js';
import { FuzzRunner } from './runner.js';
import { firstNonBlankDifference } from './oracle.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'fuzz');
const corpus = loadCorpus();
/**
 * About 2,000 inputs: under a minute on an idle two-core machine (two worker processes,
 * about 40 ms of CPU an input); GUIDELINE_FUZZ_INPUTS sets another size.
 */
const CI_INPUTS = Number(process.env.GUIDELINE_FUZZ_INPUTS ?? 2000);
const runnerOptions = { hangMs: 60_000, heapMb: 1024 };

describe('fuzz', function () {
  // Generous: a shared, loaded machine may be several times slower than an idle one.
  this.timeout(1_800_000);

  it('passes every invariant on each reproducer it found', async () => {
    const runner = new FuzzRunner(corpus.companions, runnerOptions);
    try {
      const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.guideline')).sort();
      assert.ok(files.length >= 10, `only ${files.length} fixtures`);
      const failures: string[] = [];
      for (const f of files) {
        const text = fs.readFileSync(path.join(fixtures, f), 'utf8');
        const violations = await runner.run(text, { probes: 8, maxFixes: 20, svg: true, budgetMs: Infinity, seed: 1 });
        for (const v of violations) failures.push(`${f}: ${v.kind} in ${v.where}: ${v.message}`);
      }
      assert.deepEqual(failures, []);
    } finally {
      await runner.close();
    }
  });

  it('checks a 60 MB input within the fuzz process heap', async () => {
    // Lines broken by bare carriage returns, thousands of times over, with a character that
    // makes every copy two bytes a character: the refused document's features and the
    // oracle's own comparisons must not copy it whole.
    const line = `${corpus.companions['hcc-vocabulary.guideline'].replace(/\r?\n/g, '\r')}// \u2265`;
    const text = Array.from({ length: Math.ceil(60e6 / line.length) }, () => line).join('\n');
    const runner = new FuzzRunner(corpus.companions, runnerOptions);
    try {
      const violations = await runner.run(text, { probes: 2, maxFixes: 2, svg: true, budgetMs: Infinity, seed: 1 });
      assert.deepEqual(violations, []);
    } finally {
      await runner.close();
    }
  });

  it('compares what is not blank in place', () => {
    assert.equal(firstNonBlankDifference('a b\tc', 'a  b\r\nc'), undefined);
    assert.equal(firstNonBlankDifference('a b c', 'a b d'), 4);
    assert.equal(firstNonBlankDifference('a b', 'a b c'), 3);
    assert.equal(firstNonBlankDifference('a b c ', 'a b'), 4);
  });

  it('mutates only the stable seeds: no test text or reproducer changes its inputs', () => {
    const reproducer = fs.readFileSync(path.join(fixtures, fs.readdirSync(fixtures).filter((f) => f.endsWith('.guideline')).sort()[0]), 'utf8');
    assert.ok(corpus.small.includes(reproducer), 'long runs mutate the reproducers');
    assert.ok(!corpus.stable.includes(reproducer), 'the seeded run does not');
    assert.ok(corpus.stable.every((t) => corpus.small.includes(t)));
    assert.ok(corpus.stable.length >= 10, `only ${corpus.stable.length} stable seeds`);
  });

  it(`finds nothing in a seeded run of ${CI_INPUTS} inputs`, async () => {
    const result = await runInParallel({ ...corpus, small: corpus.stable }, () => new FuzzRunner(corpus.companions, runnerOptions), 2, {
      count: CI_INPUTS,
      seed: 20261201,
      largeEvery: 0,
      svgEvery: 25,
      oracle: { probes: 2, maxFixes: 2, budgetMs: Infinity },
    });
    assert.equal(result.inputs, CI_INPUTS);
    assert.deepEqual(result.classes.map((c) => `${c.first.kind} in ${c.first.where}: ${c.first.message} (${c.inputs} inputs) from ${JSON.stringify(c.input.slice(0, 300))}`), []);
  });
});
