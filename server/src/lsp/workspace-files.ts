// The .guideline files of the editor's workspace folders, for features that look past the
// open files (references, rename, the cases of the Testing view). Bounded: hidden folders
// and node_modules are skipped and the walk stops at MAX_FILES.
//
// A file's URI is spelt as the editor spells it, so that one file never goes under two URIs
// (two analyses, two items in the Testing view, references missed): the folder's URI as the
// editor gave it, then each name escaped as VS Code escapes it (everything but letters,
// digits and `-._~`); a file among `known` (the open documents) takes that URI as it is.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_FILES = 5_000;

interface Root {
  readonly uri: string;
  readonly dir: string;
}

const escapeName = (name: string): string => encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class WorkspaceFiles {
  private roots: Root[] = [];

  setFolders(uris: readonly string[]): void {
    this.roots = uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [{ uri: uri.replace(/\/+$/, ''), dir: fileURLToPath(uri) }] : [];
      } catch {
        return [];
      }
    });
  }

  /** Every .guideline file under the folders, as file: URIs. */
  list(known: Iterable<string> = []): string[] {
    const byPath = new Map<string, string>();
    for (const uri of known) {
      try {
        if (uri.startsWith('file:')) byPath.set(fileURLToPath(uri), uri);
      } catch {
        // Not a local file: nothing to match.
      }
    }
    const found: string[] = [];
    const walk = (dir: string, uri: string, depth: number): void => {
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
        const child = `${uri}/${escapeName(e.name)}`;
        if (e.isDirectory()) walk(full, child, depth + 1);
        else if (e.isFile() && e.name.endsWith('.guideline')) found.push(byPath.get(full) ?? child);
      }
    };
    for (const root of this.roots) walk(root.dir, root.uri, 0);
    return found;
  }
}
