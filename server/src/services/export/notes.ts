// What an exporter could not carry over faithfully: said, never silently dropped.
export interface ExportNote {
  /** Stable, for tests and scripts: unit-arbitrary, unit-not-ucum, ... (docs/export.md lists them). */
  kind: string;
  message: string;
}
