// Scaled copies of the sample for the benchmark: the sample's statements
// repeated, each copy's statement and rule names renamed, until the file reaches a
// size. The vocabulary, guideline header, decision and references stay once, so the
// copies share attributes as a long guideline's statements do.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SampleParts {
  /** Everything that is not a statement: header, vocabulary, cases, decisions, references. */
  readonly frame: string;
  readonly blocks: readonly string[];
}

/** Splits the sample at its top-level statement blocks. */
export function sampleParts(text: string): SampleParts {
  const lines = text.split('\n');
  const frame: string[] = [];
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (!current && /^statement\b/.test(line)) current = [];
    if (current) {
      current.push(line);
      if (line === '}') {
        blocks.push(current.join('\n'));
        current = undefined;
      }
    } else frame.push(line);
  }
  return { frame: frame.join('\n'), blocks };
}

/** One copy of a block with its names made unique by `suffix`. */
function renamed(block: string, suffix: string): string {
  return block
    .replace(/^statement (\w+)/, `statement $1${suffix}`)
    .replace(/^case "([^"]*)"/, `case "$1 (${suffix})"`)
    .replace(/^(\s+rule )(\w+)/gm, `$1$2${suffix}`);
}

/**
 * The sample grown to about `bytes` bytes, never less than the sample itself. With
 * `withoutReferences`, the reference list and every `cites` line are left out and the
 * statements are cut to size too, so the series can start at 25 KB, every size made alike.
 */
export function scaledSample(text: string, bytes: number, withoutReferences = false): string {
  const parts = sampleParts(text);
  const frame = withoutReferences ? parts.frame.split('\n').filter((l) => !/^reference\b/.test(l)).join('\n') : parts.frame;
  const blocks = withoutReferences ? parts.blocks.map((b) => b.replace(/^\s+cites .*\n/gm, '')) : parts.blocks;
  const out = [frame];
  let size = frame.length + 1;
  for (const block of blocks) {
    if (size >= bytes && withoutReferences) break;
    out.push(block);
    size += block.length + 1;
  }
  for (let copy = 2; size < bytes; copy++) {
    for (const block of blocks) {
      const b = renamed(block, `_c${copy}`);
      out.push(b);
      size += b.length + 1;
      if (size >= bytes) break;
    }
  }
  return out.join('\n');
}

export function readSample(repoRoot: string): { main: string; vocabulary: string } {
  const dir = path.join(repoRoot, 'samples');
  return {
    main: fs.readFileSync(path.join(dir, 'hcc-conversion-2021.guideline'), 'utf8'),
    vocabulary: fs.readFileSync(path.join(dir, 'hcc-vocabulary.guideline'), 'utf8'),
  };
}
