// The document store: open documents by URI and version, and one cached analysis per
// document version, in the newest stage reached. A change to any file drops the analyses
// that read it; a deep run of a dropped analysis stops at its next slice.
import { analyzeChecked, deepWork, type Analysis, type DeepWork } from './analysis.js';
import type { DeepSnapshot } from './deep-reuse.js';
import type { CarriedResults } from '../model/document.js';
import { PerObject } from '../model/per-object.js';
import { checksOf } from '../checks/index.js';
import { defaultSettings, type Settings } from '../model/settings.js';
import { OverlayHost, ParseCache, type ReadResult, type SourceHost } from '../model/sources.js';
import { DeclarationCache } from '../model/symbols.js';

export class Workspace {
  private readonly host: OverlayHost;
  private readonly cache = new ParseCache();
  private readonly declarations = new DeclarationCache();
  private readonly analyses = new Map<string, Analysis>();
  /** The deep work of each analysis: slices run so far and the rest (dropped once finished), and the checks it reused. */
  private readonly deep = new PerObject<Analysis, { work?: DeepWork; done: number; readonly reused: readonly string[] }>('deep work');
  /** Each document's last complete deep result, which a version that reads the same to the deep checks reuses. */
  private readonly lastDeep = new Map<string, DeepSnapshot>();
  /** What each document's deep checks carry from one version to the next (model/document.ts). */
  private readonly carried = new Map<string, CarriedResults>();
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
    this.cache.maxChars = settings.maxDocumentSize * 2 ** 20;
    this.analyses.clear();
    this.lastDeep.clear();
    this.carried.clear();
  }

  /** The workspace folders (URIs) a `use` may read from; none: each file's own folder. */
  get folders(): readonly string[] {
    return this.foldersValue;
  }

  set folders(folders: readonly string[]) {
    this.foldersValue = folders;
    this.analyses.clear();
    this.lastDeep.clear();
    this.carried.clear();
  }

  /** A file as the analyses see it (an open document's text, else the disk's), for the services that read other files. */
  read(uri: string, maxBytes?: number): ReadResult {
    return this.host.read(uri, maxBytes);
  }

  /** Opens or updates a document; returns the URIs whose analyses are now stale. */
  update(uri: string, text: string, version: number): string[] {
    this.host.set(uri, text, version);
    return this.invalidate(uri);
  }

  close(uri: string): string[] {
    this.host.delete(uri);
    this.cache.delete(uri);
    this.lastDeep.delete(uri);
    this.carried.delete(uri);
    return this.invalidate(uri);
  }

  /** A file changed on disk (or was created or deleted). */
  fileChanged(uri: string): string[] {
    this.host.forget(uri);
    this.cache.delete(uri);
    return this.invalidate(uri);
  }

  /** The complete (`analysed`) analysis of a document as it is now, computed at most once per version. */
  analysis(uri: string): Analysis | undefined {
    const a = this.checked(uri);
    if (a) while (this.step(a));
    return a;
  }

  /** The newest stage of the document's analysis: at least `checked`, never forcing the deep checks. */
  checked(uri: string): Analysis | undefined {
    const cached = this.analyses.get(uri);
    if (cached) return cached;
    const read = this.host.read(uri);
    if (!read || 'refused' in read) return undefined;
    const source = this.cache.get(uri, read.text, read.version);
    let carried = this.carried.get(uri);
    if (!carried) this.carried.set(uri, (carried = new Map()));
    const result = analyzeChecked(source, this.host, this.cache, this.settingsValue, this.foldersValue, this.declarations, carried);
    this.analyses.set(uri, result);
    return result;
  }

  /** The deep checks whose findings `analysis` took from an earlier version, moved to its positions (they did not run). */
  reusedChecks(analysis: Analysis): readonly string[] {
    return this.deep.get(analysis)?.reused ?? [];
  }

  /** Whether every deep finding of `analysis` is an earlier version's, moved (no deep check ran). */
  reusedDeep(analysis: Analysis): boolean {
    return this.reusedChecks(analysis).length === checksOf('analysed').length;
  }

  /** Whether `analysis` is still the one for the document's current version. */
  isCurrent(analysis: Analysis): boolean {
    return this.analyses.get(analysis.uri) === analysis;
  }

  /**
   * Runs the deep checks of the document's current analysis one slice per turn of the
   * event loop, so requests and edits are served in between. Resolves with the `analysed`
   * analysis, or undefined when the document changed first (the rest is abandoned).
   */
  async deepen(uri: string, nextTurn: () => Promise<void>): Promise<Analysis | undefined> {
    const a = this.checked(uri);
    if (!a) return undefined;
    for (;;) {
      if (!this.isCurrent(a)) return undefined;
      if (!this.step(a)) return a;
      await nextTurn();
    }
  }

  /** Runs one slice of the deep checks; false when there was none left (the analysis is `analysed`). */
  private step(a: Analysis): boolean {
    if (a.stage === 'analysed') return false;
    let state = this.deep.get(a);
    if (!state) {
      const work = deepWork(a, this.lastDeep.get(a.uri));
      this.deep.set(a, (state = { work, done: 0, reused: work.reused }));
    }
    const work = state.work!;
    if (state.done < work.slices.length) {
      work.slices[state.done++]();
      return true;
    }
    this.lastDeep.set(a.uri, work.finish());
    state.work = undefined;
    return false;
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
