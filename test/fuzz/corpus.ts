// The fuzzer's seeds: the samples (whole, and cut into a few top-level declarations at a
// time), generated guidelines, and for long runs the guideline texts written in the test
// suites and the reproducers of earlier failures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from '../bench/generate.js';
import { repoRoot, samplesDir } from '../helpers.js';
import type { Companions } from './oracle.js';

export interface Corpus {
  /**
   * The seeds `npm test` mutates: sample slices and generated guidelines only. They do not
   * depend on the test sources or the reproducers, so adding a test or a fixture never
   * changes the inputs of the seeded run (nor turns it red by chance).
   */
  stable: string[];
  /** Small seeds (a few KB) for long runs: the stable ones, the test suites' texts and the reproducers. */
  small: string[];
  /** Whole samples and larger generated files, for long runs. */
  large: string[];
  /** Files a seed may `use`, by name. */
  companions: Companions;
}

export function loadCorpus(): Corpus {
  const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.guideline')).sort();
  const companions: Companions = {};
  for (const f of samples) companions[f] = fs.readFileSync(path.join(samplesDir, f), 'utf8');
  const stable = samples.flatMap((f) => slices(companions[f]));
  for (let seed = 1; seed <= 6; seed++) stable.push(generate({ rules: 8 + seed * 4, attributes: 14 + seed, seed, perTopic: 6 }));
  const small = [...stable, ...testTexts(), ...reproducers()];
  const large = [...Object.values(companions), generate({ rules: 200, attributes: 30, seed: 7 })];
  const nonBlank = (ts: string[]): string[] => ts.filter((t) => t.trim().length > 0);
  return { stable: nonBlank(stable), small: nonBlank(small), large, companions };
}

/** The reproducers of classes found and fixed: their neighbours are where the next bugs hide. */
function reproducers(): string[] {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'fuzz');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.guideline')).sort();
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Template literals without interpolation in the test sources that look like guideline text. */
function testTexts(): string[] {
  const found = new Set<string>();
  const dir = path.join(repoRoot, 'test');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('fuzz'));
  for (const f of files.sort()) {
    const source = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of source.matchAll(/`([^`$\\]{12,})`/g)) {
      if (/\b(statement|attribute|enum|intervention|decision|case|reference|guideline)\b/.test(m[1])) found.add(m[1]);
    }
  }
  return [...found];
}

/** A file cut at its top-level declarations into pieces of a few declarations each (with the file's header and uses). */
function slices(text: string): string[] {
  const blocks = text.split(/\n(?=[a-z])/);
  const head = blocks.filter((b) => /^(guideline|use)\b/.test(b)).join('\n');
  const rest = blocks.filter((b) => !/^(guideline|use)\b/.test(b));
  const out: string[] = [];
  for (let i = 0; i < rest.length; i += 3) out.push(`${head}\n${rest.slice(i, i + 3).join('\n')}`);
  return out;
}
