// The fuzzer in CI: every reproducer it has found passes every invariant now, and a seeded
// run over the small seeds finds nothing. Timing is not asserted here (the 1 s budget is
// `npm run fuzz`'s); the watchdog only catches real hangs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers.js';
import { runCampaign } from './campaign.js';
import { loadCorpus } from './corpus.js';
import { FuzzRunner } from './runner.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'fuzz');
const corpus = loadCorpus();
/**
 * Sized to take about a minute on a slow machine shared with other builds (about 40 ms of
 * CPU an input); GUIDELINE_FUZZ_INPUTS=2000 runs the full CI size where cores are free.
 */
const CI_INPUTS = Number(process.env.GUIDELINE_FUZZ_INPUTS ?? 300);

describe('fuzz', function () {
  this.timeout(300_000);
  const runner = new FuzzRunner(corpus.companions, { hangMs: 60_000, heapMb: 1024 });
  after(() => runner.close());

  it('passes every invariant on each reproducer it found', async () => {
    const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.guideline')).sort();
    assert.ok(files.length >= 10, `only ${files.length} fixtures`);
    const failures: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(fixtures, f), 'utf8');
      const violations = await runner.run(text, { probes: 8, maxFixes: 20, svg: true, budgetMs: Infinity, seed: 1 });
      for (const v of violations) failures.push(`${f}: ${v.kind} in ${v.where}: ${v.message}`);
    }
    assert.deepEqual(failures, []);
  });

  it(`finds nothing in a seeded run of ${CI_INPUTS} inputs`, async () => {
    const result = await runCampaign(corpus, runner, {
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
