// What an exporter could not carry over faithfully: said, never silently dropped.
export interface ExportNote {
  code: string;
  message: string;
}
