// Expands the command line's file and folder arguments into .guideline files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './args.js';

export function guidelineFiles(inputs: string[]): string[] {
  if (inputs.length === 0) throw new UsageError('name at least one file or folder');
  const out: string[] = [];
  const walk = (p: string): void => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`no such file or folder: ${p}`);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const child = path.join(p, entry);
        if (fs.statSync(child).isDirectory() || entry.endsWith('.guideline')) walk(child);
      }
    } else out.push(path.resolve(p));
  };
  inputs.forEach(walk);
  return out;
}

export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

/** A path as the user would type it: relative to the working folder. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
