// Where file text comes from: open editor buffers first, then the file system. Parses are
// cached by URI and version, so a file `use`d by many others is parsed once per change,
// and a file on disk whose identity, size and modification time are unchanged is not read
// again: an edit to the file that uses it costs one `fstat`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type ParseResult } from '../../../grammar/src/index.js';
import { LineIndex } from './line-index.js';
import { reparse } from './reparse.js';

export interface SourceFile {
  readonly uri: string;
  readonly version: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly parse: ParseResult;
}

export type ReadResult = { text: string; version: string } | { refused: string } | undefined;

/** Folders a read file must really lie in, once links are followed, and what to say when it does not. */
export interface ReadScope {
  readonly folders: readonly string[];
  readonly outside: string;
}

export interface SourceHost {
  /**
   * The text and a version stamp of a file, undefined when it does not exist, or why it was
   * not read: not a regular file, more than `maxBytes`, or (with a scope) a link that leads
   * out of the scope's folders.
   */
  read(uri: string, maxBytes?: number, scope?: ReadScope): ReadResult;
  /** Drops what the host remembers of a file (it changed outside the editor). */
  forget?(uri: string): void;
}

/**
 * Reads file: URIs from disk; the version is the modification time and size. The file is
 * opened without blocking and checked through its descriptor before anything is read, so a
 * FIFO, a device or a file swapped in after a check is never read. With a scope, the path
 * is resolved through every link first and must lie in one of the scope's folders (resolved
 * the same way); the resolved path is what is opened, and not through a link, so a link
 * swapped in after the check is not followed either.
 */
export class DiskHost implements SourceHost {
  /** The last text read of each file, with the stat it was read under. */
  private readonly known = new Map<string, { stamp: string; text: string }>();

  forget(uri: string): void {
    this.known.delete(uri);
  }

  read(uri: string, maxBytes = Infinity, scope?: ReadScope): ReadResult {
    if (!uri.startsWith('file:')) return undefined;
    let fd: number | undefined;
    try {
      let file = fileURLToPath(uri);
      let flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;
      if (scope) {
        file = fs.realpathSync.native(file);
        if (!scope.folders.some((f) => isInside(file, realFolder(f)))) return { refused: `${scope.outside} once its links are followed` };
        flags |= fs.constants.O_NOFOLLOW ?? 0;
      }
      fd = fs.openSync(file, flags);
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) return { refused: 'it is a folder' };
      if (!stat.isFile()) return { refused: 'it is not a regular file' };
      if (stat.size > maxBytes) return { refused: `it has ${megabytes(stat.size)} MB, over the limit of ${megabytes(maxBytes)} MB (setting guideline.usedFileSizeLimit)` };
      const version = `disk:${stat.mtimeMs}:${stat.size}`;
      // The inode and change time too: a file replaced by another of the same size within one mtime tick is read again.
      const stamp = `${stat.dev}:${stat.ino}:${stat.ctimeMs}:${version}`;
      const known = this.known.get(uri);
      if (known && known.stamp === stamp) return { text: known.text, version };
      const text = fs.readFileSync(fd, 'utf8');
      this.known.set(uri, { stamp, text });
      return { text, version };
    } catch {
      this.known.delete(uri);
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}

/** A folder URI's path with its links followed; undefined when it does not exist. */
function realFolder(uri: string): string | undefined {
  try {
    return fs.realpathSync.native(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string | undefined): boolean {
  if (folder === undefined) return false;
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / 2 ** 20) * 10) / 10);
}

/** Open documents shadow the disk. */
export class OverlayHost implements SourceHost {
  private readonly open = new Map<string, { text: string; version: string }>();

  constructor(private readonly fallback: SourceHost = new DiskHost()) {}

  set(uri: string, text: string, version: number): void {
    this.open.set(uri, { text, version: `open:${version}` });
  }

  delete(uri: string): void {
    this.open.delete(uri);
  }

  forget(uri: string): void {
    this.fallback.forget?.(uri);
  }

  read(uri: string, maxBytes?: number, scope?: ReadScope): ReadResult {
    return this.open.get(uri) ?? this.fallback.read(uri, maxBytes, scope);
  }
}

/**
 * The longest text that is parsed and analysed by default, in characters (1 Mi, about 15
 * times the largest real guideline here; setting guideline.maxDocumentSize). Analysis grows
 * with the text and blocks the server while it runs; a longer text is read as an empty file
 * with one `document-too-large` error.
 */
export const maxDocumentChars = 2 ** 20;

/** Whether the file was over the size limit, so read as empty: there is nothing in it to ask about. */
export function isTooLarge(file: SourceFile): boolean {
  return file.parse.errors.length === 1 && file.parse.errors[0].code === 'document-too-large';
}

/** A text too long to analyse: an empty file with the one error that says why. */
function tooLarge(text: string, limit: number): ParseResult {
  const empty = parse('');
  const size = `${(text.length / 2 ** 20).toFixed(1)} Mi characters`;
  return { ...empty, errors: [{ code: 'document-too-large', message: `This file has ${size}, over the ${+(limit / 2 ** 20).toFixed(3)} Mi that are analysed (setting guideline.maxDocumentSize): it is not checked`, span: { start: 0, end: 0 } }] };
}

/**
 * The newest parse of each file. A new version of a file is parsed from the previous one
 * where only some declarations changed (reparse.ts), in full otherwise.
 */
export class ParseCache {
  private readonly files = new Map<string, SourceFile>();
  private limit = maxDocumentChars;

  /** The longest text parsed, in characters; a change drops every parse, as a refusal may no longer hold. */
  set maxChars(limit: number) {
    if (limit === this.limit) return;
    this.limit = limit;
    this.files.clear();
  }

  get(uri: string, text: string, version: string): SourceFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    // A too-long text is never parsed; one that was too long has no parse to start again from.
    const limit = this.limit;
    const parsed = text.length > limit ? tooLarge(text, limit) : cached && cached.text.length <= limit ? reparse(cached.text, cached.parse, text) : parse(text);
    const file: SourceFile = { uri, version, text, lines: new LineIndex(text), parse: parsed };
    this.files.set(uri, file);
    return file;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
