// A finding is what a check reports: severity, a stable code, a message and where.
// LSP diagnostics and the command line's output are both made from findings.
import type { Span } from '../../../grammar/src/index.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  uri: string;
  span: Span;
  message: string;
}

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  uri: string;
  span: Span;
  related?: RelatedLocation[];
  /** Marks unused or deprecated code for the editor to fade or strike through. */
  tags?: ('unnecessary' | 'deprecated')[];
  /** What a quick fix needs, keyed by code (e.g. suggested names). */
  data?: FindingData;
}

export interface FindingData {
  /** "Did you mean" candidates, best first. */
  suggestions?: string[];
  [key: string]: unknown;
}
