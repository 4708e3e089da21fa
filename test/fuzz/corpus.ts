// The fuzzer's seeds: the samples (whole, and cut into a few top-level declarations at a
// time), the guideline texts written in the test suites, and generated guidelines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from '../bench/generate.js';
import { repoRoot, samplesDir } from '../helpers.js';
import type { Companions } from './oracle.js';

export interface Corpus {
  /** Small seeds (a few KB): what a CI run mutates. */
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
  const small = [...testTexts(), ...samples.flatMap((f) => slices(companions[f]))];
  for (let seed = 1; seed <= 6; seed++) small.push(generate({ rules: 8 + seed * 4, attributes: 14 + seed, seed, perTopic: 6 }));
  const large = [...Object.values(companions), generate({ rules: 200, attributes: 30, seed: 7 })];
  return { small: small.filter((t) => t.trim().length > 0), large, companions };
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
