// Where file text comes from: open editor buffers first, then the file system. Parses are
// cached by URI and version, so a file `use`d by many others is parsed once per change.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type ParseResult } from '../../../grammar/src/index.js';
import { LineIndex } from './line-index.js';

export interface SourceFile {
  readonly uri: string;
  readonly version: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly parse: ParseResult;
}

export interface SourceHost {
  /** The text and a version stamp of a file, or undefined when it does not exist. */
  read(uri: string): { text: string; version: string } | undefined;
}

/** Reads file: URIs from disk; the version is the modification time and size. */
export class DiskHost implements SourceHost {
  read(uri: string): { text: string; version: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = fileURLToPath(uri);
      const stat = fs.statSync(file);
      if (!stat.isFile()) return undefined;
      return { text: fs.readFileSync(file, 'utf8'), version: `disk:${stat.mtimeMs}:${stat.size}` };
    } catch {
      return undefined;
    }
  }
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

  read(uri: string): { text: string; version: string } | undefined {
    return this.open.get(uri) ?? this.fallback.read(uri);
  }
}

export class ParseCache {
  private readonly files = new Map<string, SourceFile>();

  get(uri: string, text: string, version: string): SourceFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    const file: SourceFile = { uri, version, text, lines: new LineIndex(text), parse: parse(text) };
    this.files.set(uri, file);
    return file;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
