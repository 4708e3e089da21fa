// `npm run fuzz -- --count N --seed S [--out DIR] [--minutes M] [--jobs J] [--minimise RUNS]`: a mutation fuzz of
// the whole analysis and every editor feature. Prints the classes of failure found; writes
// each class's minimised reproducer to DIR (default fuzz-failures/) with a one-line summary
// in DIR/summary.txt. Exits 1 when anything failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.js';
import { runInParallel, type CampaignOptions, type FailureClass } from './campaign.js';
import { minimise, signature } from './minimise.js';
import { clip, type OracleOptions } from './oracle.js';
import { FuzzRunner } from './runner.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'fuzz-failures' },
      minutes: { type: 'string' },
      jobs: { type: 'string', default: '1' },
      'budget-ms': { type: 'string', default: '1000' },
      'hang-ms': { type: 'string', default: '10000' },
      /** Runs at most spent shrinking each class's input (a tenth of it for slow inputs and hangs). */
      minimise: { type: 'string', default: '300' },
    },
  });
  const count = Number(values.count);
  const minimiseRuns = Number(values.minimise);
  const seed = Number(values.seed);
  const jobs = Math.max(1, Number(values.jobs));
  const corpus = loadCorpus();
  const runnerOptions = { hangMs: Number(values['hang-ms']), heapMb: 1024 };
  const oracle: CampaignOptions['oracle'] = { probes: 6, maxFixes: 20, budgetMs: Number(values['budget-ms']) };
  const deadlineMs = values.minutes ? Number(values.minutes) * 60_000 : undefined;
  const started = Date.now();
  let done = 0;
  const outDir = path.resolve(values.out);
  fs.mkdirSync(outDir, { recursive: true });
  // Each class as it is found, with its input unminimised: what a run found survives its end.
  const foundFile = path.join(outDir, 'found.jsonl');
  fs.writeFileSync(foundFile, '');
  let found = 0;
  const onClass = (c: FailureClass): void => {
    found++;
    fs.appendFileSync(foundFile, JSON.stringify({ at: done, kind: c.first.kind, where: c.first.where, message: c.first.message, input: c.input }) + '\n');
  };
  const progress = (): void => {
    if (++done % 500 === 0) process.stderr.write(`fuzz: ${done} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, ${found} classes\n`);
  };
  // Each job runs its own share with its own seed, in its own worker.
  const merged = await runInParallel(corpus, () => new FuzzRunner(corpus.companions, runnerOptions), jobs, {
    count, seed, largeEvery: 50, svgEvery: 4, oracle, deadlineMs, progress, onClass,
  });
  const summary: string[] = [];
  const minimiser = new FuzzRunner(corpus.companions, runnerOptions);
  for (const [i, c] of merged.classes.entries()) {
    const options: OracleOptions = { ...oracle, seed: 1, svg: c.first.where.includes('svg') };
    const fails = async (t: string): Promise<boolean> => (await minimiser.run(t, options)).some((v) => signature(v) === c.signature);
    const reproducible = await fails(c.input);
    const small = reproducible ? await minimise(c.input, fails, c.first.kind === 'hang' || c.first.kind === 'slow' ? Math.ceil(minimiseRuns / 10) : minimiseRuns) : c.input;
    const file = `${String(i + 1).padStart(3, '0')}-${c.first.kind}.guideline`;
    fs.writeFileSync(path.join(outDir, file), small);
    summary.push(`${file}: ${c.first.kind} in ${c.first.where}: ${clip(c.first.message, 200)} (${c.inputs} inputs${reproducible ? '' : ', not reproduced alone'})`);
  }
  await minimiser.close();
  fs.writeFileSync(path.join(outDir, 'summary.txt'), summary.join('\n') + (summary.length ? '\n' : ''));
  const kinds = Object.entries(merged.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  process.stdout.write(
    `fuzz: ${merged.inputs} inputs (seed ${seed}, ${jobs} job${jobs > 1 ? 's' : ''}) in ${(merged.ms / 1000).toFixed(0)} s; ` +
      `failing inputs by kind: ${kinds}; ${merged.classes.length} classes${merged.classes.length ? ` (reproducers in ${outDir})` : ''}\n` +
      summary.map((l) => `  ${l}\n`).join(''),
  );
  return merged.classes.length > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
