// A fuzz campaign: seeded inputs made by mutating the corpus, each run under the watchdog,
// failures grouped into classes (first input of each class kept for minimising).
import { random } from '../bench/generate.js';
import type { Corpus } from './corpus.js';
import { mutate } from './mutate.js';
import { signature } from './minimise.js';
import type { OracleOptions, Violation } from './oracle.js';
import type { FuzzRunner } from './runner.js';

export interface CampaignOptions {
  count: number;
  seed: number;
  /** Mutate the large seeds too (whole samples), one input in `largeEvery`; 0: never. */
  largeEvery: number;
  /** Render SVG for one input in `svgEvery` (layout is the slowest step); 1: every input. */
  svgEvery: number;
  oracle: Omit<OracleOptions, 'seed' | 'svg'>;
  /** Stop early after this many ms (the report says how many inputs ran). */
  deadlineMs?: number;
  progress?: (done: number, classes: number) => void;
  /** Told of each new class as it is found (a long run shows what it found before it ends). */
  onClass?: (found: FailureClass) => void;
}

export interface FailureClass {
  signature: string;
  first: Violation;
  input: string;
  inputs: number;
}

export interface CampaignResult {
  inputs: number;
  ms: number;
  /** Inputs with at least one violation, by kind of their first violation. */
  byKind: Record<string, number>;
  classes: FailureClass[];
}

export async function runCampaign(corpus: Corpus, runner: FuzzRunner, options: CampaignOptions): Promise<CampaignResult> {
  const rnd = random(options.seed);
  const started = Date.now();
  const classes = new Map<string, FailureClass>();
  const byKind: Record<string, number> = {};
  let inputs = 0;
  for (let i = 0; i < options.count; i++) {
    if (options.deadlineMs !== undefined && Date.now() - started > options.deadlineMs) break;
    const pool = options.largeEvery > 0 && i % options.largeEvery === options.largeEvery - 1 ? corpus.large : corpus.small;
    const seedText = pool[Math.floor(rnd() * pool.length)];
    const other = corpus.small[Math.floor(rnd() * corpus.small.length)];
    // One input in sixteen is a seed as it is, so the unmutated corpus is checked too.
    const text = rnd() < 1 / 16 ? seedText : mutate(seedText, other, rnd);
    const oracle: OracleOptions = { ...options.oracle, seed: Math.floor(rnd() * 2 ** 31), svg: i % options.svgEvery === 0 };
    const violations = await runner.run(text, oracle);
    inputs++;
    if (violations.length > 0) byKind[violations[0].kind] = (byKind[violations[0].kind] ?? 0) + 1;
    const firstOfEach = new Map(violations.map((v) => [signature(v), v] as const));
    for (const [sig, v] of firstOfEach) {
      const known = classes.get(sig);
      if (known) known.inputs++;
      else {
        const found = { signature: sig, first: v, input: text, inputs: 1 };
        classes.set(sig, found);
        options.onClass?.(found);
      }
    }
    options.progress?.(inputs, classes.size);
  }
  return { inputs, ms: Date.now() - started, byKind, classes: [...classes.values()] };
}

/**
 * A campaign split into `jobs` shares, each with its own seed in its own worker process, run
 * side by side; their results merged (classes by signature, the first input of each kept).
 */
export async function runInParallel(
  corpus: Corpus,
  makeRunner: () => FuzzRunner,
  jobs: number,
  options: CampaignOptions,
): Promise<CampaignResult> {
  const shares = Array.from({ length: jobs }, (_, j) => Math.floor(options.count / jobs) + (j < options.count % jobs ? 1 : 0));
  const results = await Promise.all(shares.map(async (count, j) => {
    const runner = makeRunner();
    try {
      return await runCampaign(corpus, runner, { ...options, count, seed: options.seed + j * 7919 });
    } finally {
      await runner.close();
    }
  }));
  return merge(results);
}

function merge(results: CampaignResult[]): CampaignResult {
  const classes = new Map<string, FailureClass>();
  const byKind: Record<string, number> = {};
  for (const r of results) {
    for (const [k, n] of Object.entries(r.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
    for (const c of r.classes) {
      const known = classes.get(c.signature);
      if (known) known.inputs += c.inputs;
      else classes.set(c.signature, { ...c });
    }
  }
  return { inputs: results.reduce((n, r) => n + r.inputs, 0), ms: Math.max(...results.map((r) => r.ms)), byKind, classes: [...classes.values()] };
}
