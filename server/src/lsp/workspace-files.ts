// The .guideline files of the editor's workspace folders, for features that look past the
// open files (references, rename, the cases of the Testing view). Bounded: hidden folders
// and node_modules are skipped and the walk stops at MAX_FILES.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MAX_FILES = 5_000;

export class WorkspaceFiles {
  private roots: string[] = [];

  setFolders(uris: readonly string[]): void {
    this.roots = uris.flatMap((u) => {
      try {
        return u.startsWith('file:') ? [fileURLToPath(u)] : [];
      } catch {
        return [];
      }
    });
  }

  /** Every .guideline file under the folders, as file: URIs. */
  list(): string[] {
    const found: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (found.length >= MAX_FILES || depth > 20) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (found.length >= MAX_FILES) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full, depth + 1);
        else if (e.isFile() && e.name.endsWith('.guideline')) found.push(pathToFileURL(full).href);
      }
    };
    for (const root of this.roots) walk(root, 0);
    return found;
  }
}
