// Settings read by the server (from the editor's configuration) and the command line
// (from flags). Defaults here are the documented defaults.
import type { Severity } from './findings.js';

export interface Settings {
  /** Severity of a strong recommendation on low or very low certainty without a rationale. */
  discordantSeverity: Severity | 'off';
  /** Consensus threshold (percent) when a guideline has no panel block. */
  defaultConsensus: number;
  /** Strong-endorsement threshold (percent) when a guideline has no panel block. */
  defaultStrong: number;
  /** Report declarations (attributes, interventions, references) that nothing uses. */
  reportUnused: boolean;
  /** A `use`d file larger than this many megabytes is refused, not read. */
  usedFileSizeLimit: number;
  /** The longest text analysed, in Mi (2^20) characters; a longer one gets only `document-too-large`. */
  maxDocumentSize: number;
  /** Severity of two rules that recommend for and against the same intervention, unresolved by `overrides`. */
  conflictSeverity: Severity | 'off';
  /** Bibliography files (.bib, .ris, CSL .json), relative to the workspace folder, that the import fix reads. */
  bibliography: readonly string[];
}

export const defaultSettings: Settings = {
  discordantSeverity: 'information',
  defaultConsensus: 80,
  defaultStrong: 70,
  reportUnused: true,
  // As large as a file that is analysed at all (`maxDocumentSize`, 1 Mi characters).
  usedFileSizeLimit: 1,
  // About 15 times the largest real guideline: analysis grows with the text, and the editor
  // waits for its quick stage. Raised for a larger file, at that cost.
  maxDocumentSize: 1,
  conflictSeverity: 'error',
  bibliography: [],
};

const severities = ['error', 'warning', 'information', 'hint', 'off'];

/** One path or a list of them; anything else (or an empty string) is no path. */
function paths(v: unknown): string[] {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
  return list.filter((p): p is string => typeof p === 'string' && p.trim().length > 0).map((p) => p.trim()).slice(0, 20);
}

/** Accepts a partial, possibly malformed object (from JSON) and fills in defaults. */
export function readSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pct = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 && v <= 100 ? v : d);
  return {
    discordantSeverity: typeof o.discordantSeverity === 'string' && severities.includes(o.discordantSeverity) ? (o.discordantSeverity as Settings['discordantSeverity']) : defaultSettings.discordantSeverity,
    defaultConsensus: pct(o.defaultConsensus, defaultSettings.defaultConsensus),
    defaultStrong: pct(o.defaultStrong, defaultSettings.defaultStrong),
    reportUnused: typeof o.reportUnused === 'boolean' ? o.reportUnused : defaultSettings.reportUnused,
    usedFileSizeLimit: typeof o.usedFileSizeLimit === 'number' && o.usedFileSizeLimit > 0 && Number.isFinite(o.usedFileSizeLimit) ? o.usedFileSizeLimit : defaultSettings.usedFileSizeLimit,
    maxDocumentSize: typeof o.maxDocumentSize === 'number' && o.maxDocumentSize > 0 && Number.isFinite(o.maxDocumentSize) ? o.maxDocumentSize : defaultSettings.maxDocumentSize,
    bibliography: paths(o.bibliography),
    conflictSeverity: typeof o.conflictSeverity === 'string' && severities.includes(o.conflictSeverity) ? (o.conflictSeverity as Settings['conflictSeverity']) : defaultSettings.conflictSeverity,
  };
}
