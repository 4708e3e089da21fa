// One document after parsing, loading what it `use`s and resolving names: the stage every
// check and the logic read. The pipeline builds it and adds the checks' findings on top.
import type { Finding } from './findings.js';
import type { Program } from './program.js';
import type { Resolution } from './resolve.js';
import type { Settings } from './settings.js';
import type { SourceFile } from './sources.js';
import type { SymbolTable } from './symbols.js';

export interface ResolvedDocument {
  readonly uri: string;
  readonly source: SourceFile;
  readonly program: Program;
  readonly symbols: SymbolTable;
  readonly resolution: Resolution;
  readonly settings: Settings;
  /** What parsing, loading and name resolution found in the root file. */
  readonly resolveFindings: readonly Finding[];
  /**
   * What the deep checks keep from one version of this document for the next, by check:
   * the workspace gives each open document one. Without it (the command line, a fresh
   * analysis) nothing is carried over. A check keeps only what it can tell is still valid.
   */
  readonly carried?: CarriedResults;
}

/** A check's results kept across versions of one document, by the check's own key. */
export type CarriedResults = Map<string, unknown>;
