// The bibliography files named in the setting `guideline.bibliography`, read for the quick
// fix that imports an undeclared citation. A path is relative to the workspace folder that
// holds the guideline (without one, to the guideline's own folder), and is read under the
// rules `use` follows: inside that folder, a regular file, under the size limit; anything
// else is refused and never read. A parse is kept per file version: code actions are asked
// for often, citation-js is slow.
import { refusal, useScope } from '../model/program.js';
import type { SourceHost } from '../model/sources.js';
import { formatOfFile, maxBibliographyBytes, parseBibliography, type ImportedReference } from './export/bibliography.js';

export interface BibliographyFile {
  /** The path as the setting gives it. */
  readonly path: string;
  readonly uri?: string;
  /** The entries as `reference` declarations would hold them; empty when the file could not be read. */
  readonly references: readonly ImportedReference[];
  /** Why nothing was read: refused, missing, unknown format, or what is wrong with the text. */
  readonly problem?: string;
}

const parsed = new Map<string, { version: string; file: BibliographyFile }>();

/** The workspace folder holding the file (the longest match), or undefined. */
function folderOf(uri: string, folders: readonly string[]): string | undefined {
  const withSlash = folders.map((f) => `${f.replace(/\/+$/, '')}/`);
  return withSlash.filter((f) => uri.startsWith(f)).sort((a, b) => b.length - a.length)[0];
}

function resolved(path: string, base: string): string | undefined {
  try {
    return new URL(path, base).href;
  } catch {
    return undefined;
  }
}

/**
 * The bibliography files for a guideline at `rootUri`: each path of the setting read through
 * `host` and parsed, or its problem. `maxBytes`: the size limit of `use`.
 */
export function bibliographyFiles(paths: readonly string[], rootUri: string, folders: readonly string[], host: SourceHost, maxBytes: number): BibliographyFile[] {
  const folder = folderOf(rootUri, folders);
  const base = folder ?? resolved('.', rootUri);
  if (!base) return [];
  return paths.map((path) => {
    const uri = resolved(path, base);
    if (!uri) return { path, references: [], problem: 'not a path' };
    const format = formatOfFile(uri.split(/[?#]/)[0]);
    if (!format) return { path, uri, references: [], problem: 'not a .bib, .ris or .json file' };
    // The folder a bibliography may be in is the guideline's workspace folder, as for `use`.
    const policy = { folders: folder ? [folder] : [], maxBytes };
    const refused = refusal(uri, rootUri, policy);
    if (refused) return { path, uri, references: [], problem: `refused: ${refused}` };
    // With the scope: a link in the folder that leads out of it is refused too.
    const read = host.read(uri, Math.min(maxBytes, maxBibliographyBytes), useScope(rootUri, policy));
    if (!read) return { path, uri, references: [], problem: 'no such file' };
    if ('refused' in read) return { path, uri, references: [], problem: `refused: ${read.refused}` };
    const cached = parsed.get(uri);
    if (cached && cached.version === read.version && cached.file.path === path) return cached.file;
    const result = parseBibliography(read.text, format);
    const file: BibliographyFile = result.ok ? { path, uri, references: result.references } : { path, uri, references: [], problem: result.message };
    if (parsed.size > 20) parsed.clear();
    parsed.set(uri, { version: read.version, file });
    return file;
  });
}
