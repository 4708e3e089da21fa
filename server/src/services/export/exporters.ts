// Every export format in one table, for the command line and the editor's Export command:
// the analysis in, named files and notes out. Writing the files is the caller's job.
import type { Analysis } from '../../pipeline/analysis.js';
import { docxDocument, htmlDocument, markdownDocument } from './documents.js';
import { fhirExport } from './fhir.js';
import type { ExportNote } from './notes.js';
import { summaryOf } from './summary.js';

export interface ExportOutput {
  /** File name -> contents. The first file is the main one (printed when nothing is written). */
  readonly files: [string, string | Uint8Array][];
  readonly notes: ExportNote[];
}

export interface ExportOptions {
  /** Canonical base URL of the FHIR resources. */
  readonly base?: string;
  /** The tool's version, recorded in FHIR resources. */
  readonly version: string;
  /** Markdown: write decision trees as separate SVG files rather than inline. */
  readonly separateImages: boolean;
}

export const exportFormats = ['fhir', 'markdown', 'html', 'docx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

/** The name files of an export start with: the guideline file's name without `.guideline`. */
export function exportStem(uri: string): string {
  let name = uri;
  try { name = decodeURIComponent(new URL(uri).pathname); } catch { /* not a URL: use it as written */ }
  return (name.split('/').pop() ?? 'guideline').replace(/\.guideline$/, '') || 'guideline';
}

export async function runExport(analysis: Analysis, format: ExportFormat, options: ExportOptions): Promise<ExportOutput> {
  const stem = exportStem(analysis.uri);
  switch (format) {
    case 'fhir': {
      const result = fhirExport(analysis, { base: options.base, version: options.version });
      return {
        files: [
          [`${stem}.fhir.json`, JSON.stringify(result.bundle, null, 2) + '\n'],
          [`${stem}.elm.json`, JSON.stringify(result.elm, null, 2) + '\n'],
        ],
        notes: result.notes,
      };
    }
    case 'markdown': return markdownDocument(await summaryOf(analysis), stem, options.separateImages);
    case 'html': return htmlDocument(await summaryOf(analysis), stem);
    case 'docx': return docxDocument(await summaryOf(analysis), stem);
  }
}
