// The document store: open documents by URI and version, and one cached analysis per
// document version. A change to any file drops the analyses that read it.
import { analyze, type Analysis } from './analysis.js';
import { defaultSettings, type Settings } from '../model/settings.js';
import { OverlayHost, ParseCache, type SourceHost } from '../model/sources.js';

export class Workspace {
  private readonly host: OverlayHost;
  private readonly cache = new ParseCache();
  private readonly analyses = new Map<string, Analysis>();
  private settingsValue: Settings = defaultSettings;
  private foldersValue: readonly string[] = [];

  constructor(fallback?: SourceHost) {
    this.host = new OverlayHost(fallback);
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  set settings(settings: Settings) {
    this.settingsValue = settings;
    this.analyses.clear();
  }

  /** The workspace folders (URIs) a `use` may read from; none: each file's own folder. */
  get folders(): readonly string[] {
    return this.foldersValue;
  }

  set folders(folders: readonly string[]) {
    this.foldersValue = folders;
    this.analyses.clear();
  }

  /** Opens or updates a document; returns the URIs whose analyses are now stale. */
  update(uri: string, text: string, version: number): string[] {
    this.host.set(uri, text, version);
    return this.invalidate(uri);
  }

  close(uri: string): string[] {
    this.host.delete(uri);
    this.cache.delete(uri);
    return this.invalidate(uri);
  }

  /** A file changed on disk (or was created or deleted). */
  fileChanged(uri: string): string[] {
    this.cache.delete(uri);
    return this.invalidate(uri);
  }

  /** The analysis of a document as it is now, computed at most once per version. */
  analysis(uri: string): Analysis | undefined {
    const cached = this.analyses.get(uri);
    if (cached) return cached;
    const read = this.host.read(uri);
    if (!read || 'refused' in read) return undefined;
    const source = this.cache.get(uri, read.text, read.version);
    const result = analyze(source, this.host, this.cache, this.settingsValue, this.foldersValue);
    this.analyses.set(uri, result);
    return result;
  }

  private invalidate(uri: string): string[] {
    const stale: string[] = [];
    for (const [root, analysis] of this.analyses) {
      if (root === uri || analysis.program.dependencies.has(uri)) {
        this.analyses.delete(root);
        stale.push(root);
      }
    }
    if (!stale.includes(uri)) stale.push(uri);
    return stale;
  }
}
