// Test helpers shared by the suites: in-memory workspaces, `|` cursor markers, and
// diagnostics as `[line:col..line:col] code message` strings (1-based, as editors show).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../server/src/pipeline/analysis.js';
import { readSettings, type Settings } from '../server/src/model/settings.js';
import type { SourceHost } from '../server/src/model/sources.js';
import { Workspace } from '../server/src/pipeline/workspace.js';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const samplesDir = path.join(repoRoot, 'samples');

/** A host over a map of file name -> text, as if the files sat together in /mem/. */
export class MemoryHost implements SourceHost {
  constructor(private readonly files: Record<string, string>) {}
  read(uri: string): { text: string; version: string } | undefined {
    let name: string | undefined;
    try {
      name = uri.startsWith(MEM) ? decodeURIComponent(uri.slice(MEM.length)) : undefined;
    } catch {
      return undefined; // a malformed escape names no file, as on disk
    }
    const text = name !== undefined ? this.files[name] : undefined;
    return text === undefined ? undefined : { text, version: 'mem' };
  }
}

export const MEM = 'file:///mem/';

export function memUri(name: string): string {
  return MEM + name;
}

/** Analyses `main.guideline` (or `root`) among the given in-memory files. */
export function analyzeFiles(files: Record<string, string>, root = 'main.guideline', settings?: Partial<Settings>): Analysis {
  const ws = new Workspace(new MemoryHost(files));
  if (settings) ws.settings = readSettings(settings);
  const a = ws.analysis(memUri(root));
  if (!a) throw new Error(`no file ${root}`);
  return a;
}

export function analyzeText(text: string, settings?: Partial<Settings>): Analysis {
  return analyzeFiles({ 'main.guideline': text }, 'main.guideline', settings);
}

/** Removes the `|` cursor marker and returns the text and the marker's offset. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const offset = textWithMarker.indexOf('|');
  if (offset < 0) throw new Error('no | marker in test source');
  return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 1), offset };
}

/** Findings of the root file as `[1:5..1:9] code message` strings. */
export function diagnosticStrings(a: Analysis, filter?: (code: string) => boolean): string[] {
  return a.findings
    .filter((f) => f.uri === a.uri && (!filter || filter(f.code)))
    .map((f) => {
      const s = a.source.lines.position(f.span.start);
      const e = a.source.lines.position(f.span.end);
      return `[${s.line + 1}:${s.character + 1}..${e.line + 1}:${e.character + 1}] ${f.code} ${f.message}`;
    });
}

/** Just the codes of the root file's findings. */
export function codes(a: Analysis): string[] {
  return a.findings.filter((f) => f.uri === a.uri).map((f) => f.code);
}

/** The text a span covers. */
export function spanText(a: Analysis, span: { start: number; end: number }): string {
  return a.source.text.slice(span.start, span.end);
}

export function fileUrl(p: string): string {
  return pathToFileURL(p).href;
}
