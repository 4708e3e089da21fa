// The scanner against the Chevrotain lexer it replaces, and `parse()` with each of them,
// timed in one run: interleaved rounds, medians of CPU time. Run after `npx tsc -b`:
//   node out/test/bench/scanner.js
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../grammar/src/parse.js';
import { guidelineLexer } from '../../grammar/src/lexer.js';
import * as scanner from '../../grammar/src/scanner.js';
import { generate } from './generate.js';
import { median, time } from './measure.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const ruleHeavy = generate({ rules: 7700, attributes: 30 });
const sample = fs.readFileSync(path.join(repoRoot, 'samples', 'hcc-conversion-2021.guideline'), 'utf8');
const rounds = Number(process.argv[2] ?? 15);

const scan = scanner.tokenize;
const lex = (text: string): unknown => guidelineLexer.tokenize(text);
// `parse()` with the lexer it used before: the compiled module reads its export at each
// call, so swapping the export swaps what `parse()` tokenizes with.
const exported = scanner as { tokenize: unknown };
function parseWithLexer(text: string): void {
  exported.tokenize = lex;
  try {
    parse(text);
  } finally {
    exported.tokenize = scan;
  }
}

/** Median ms of `f` over the text, repeated `reps` times a round so a small text is measurable. */
function series(cases: Record<string, (text: string) => unknown>, text: string, reps: number): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < rounds + 2; r++) {
    for (const [name, f] of Object.entries(cases)) {
      const ms = time(() => {
        for (let k = 0; k < reps; k++) f(text);
      }) / reps;
      if (r >= 2) times[name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const mb = (text: string, ms: number): string => `${(text.length / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;

for (const [name, text, reps] of [['rule-heavy 1 MB', ruleHeavy, 1], ['sample', sample, 20]] as const) {
  const t = series({ lexer: lex, scanner: scan }, text, reps);
  console.log(`${name} (${text.length} chars): lexer ${t.lexer.toFixed(2)} ms, scanner ${t.scanner.toFixed(2)} ms: ${(t.lexer / t.scanner).toFixed(2)}× faster`);
}
for (const [name, text, reps] of [['rule-heavy 1 MB', ruleHeavy, 1], ['sample', sample, 5]] as const) {
  const t = series({ before: parseWithLexer, after: (s) => parse(s) }, text, reps);
  console.log(`parse() of ${name}: with the lexer ${t.before.toFixed(1)} ms (${mb(text, t.before)}), with the scanner ${t.after.toFixed(1)} ms (${mb(text, t.after)}): ${(t.before / t.after).toFixed(2)}×`);
}
