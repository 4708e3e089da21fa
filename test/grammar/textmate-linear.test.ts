// The TextMate grammar's regular expressions run in linear time on adversarial lines: each
// is scanned over long lines built to make a backtracking engine blow up, as a tokenizer
// scans (search from the last match end to the end of the line), in a worker that is
// stopped if it does not finish in time. A quadratic pattern needs billions of steps on
// these lines and times out; a linear one takes milliseconds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { repoRoot } from '../helpers.js';

interface Rule { match?: string; begin?: string; end?: string; while?: string; patterns?: Rule[]; captures?: Record<string, Rule> }

function grammarRegexes(): string[] {
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'grammar', 'guideline.tmLanguage.json'), 'utf8')) as { patterns?: Rule[]; repository?: Record<string, Rule> };
  const found = new Set<string>();
  const visit = (r: Rule): void => {
    for (const src of [r.match, r.begin, r.end, r.while]) if (src) found.add(src);
    r.patterns?.forEach(visit);
    Object.values(r.captures ?? {}).forEach(visit);
  };
  [...(grammar.patterns ?? []), ...Object.values(grammar.repository ?? {})].forEach(visit);
  return [...found];
}

const N = 50_000;
const adversarial = [
  'a'.repeat(N), ' '.repeat(N), '1'.repeat(N), '1.'.repeat(N / 2), '-1'.repeat(N / 2), '"'.repeat(N), '\\'.repeat(N), '\\"'.repeat(N / 2),
  '/*'.repeat(N / 2), '*/'.repeat(N / 2), '//'.repeat(N / 2), '<'.repeat(N), '!='.repeat(N / 2), 'attribute '.repeat(N / 10),
  'attribute'.repeat(N / 9), 'statement x'.repeat(N / 11), 'and or not '.repeat(N / 11), `${'a '.repeat(N / 2)}!`, '_'.repeat(N) + '%', 'é'.repeat(N),
];

/** Scans every line with every regex in a worker; resolves with the time taken, or rejects after `timeoutMs`. */
function scanInWorker(sources: string[], lines: string[], timeoutMs: number): Promise<number> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const started = Date.now();
    for (const src of workerData.sources) {
      const re = new RegExp(src, 'gmu');
      for (const line of workerData.lines) {
        let pos = 0;
        while (pos <= line.length) {
          re.lastIndex = pos;
          const m = re.exec(line);
          if (!m) break;
          pos = m.index + Math.max(1, m[0].length);
        }
      }
    }
    parentPort.postMessage(Date.now() - started);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { sources, lines } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no result within ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once('message', (ms: number) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ms);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

describe('TextMate grammar on adversarial lines', function () {
  this.timeout(120_000);

  it('compiles every pattern as a JavaScript regular expression too', () => {
    const sources = grammarRegexes();
    assert.ok(sources.length >= 10, `only ${sources.length} patterns found`);
    for (const src of sources) assert.doesNotThrow(() => new RegExp(src, 'gmu'), src);
  });

  it('scans long adversarial lines with each pattern without running away', async () => {
    const failures: string[] = [];
    for (const src of grammarRegexes()) {
      try {
        await scanInWorker([src], adversarial, 20_000);
      } catch (err) {
        failures.push(`${src}: ${String(err)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('the harness itself catches a pattern that backtracks', async () => {
    await assert.rejects(scanInWorker(['(a|aa)+$'], [`${'a'.repeat(40)}!`], 3_000), /no result within/);
  });
});
