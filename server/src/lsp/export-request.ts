// The Export command's request (protocol.ts): runs the same exporters as `guideline export`
// on the open document's analysis and returns the files for the editor to write. A file
// with errors is refused with its errors, exactly as the command line refuses it.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { Analysis } from '../pipeline/analysis.js';
import { exportMethod, type ExportParams, type ExportResult } from '../protocol.js';
import { isExportFormat, runExport } from '../services/export/exporters.js';
import { productVersion } from '../model/version.js';

const version = productVersion();

export function registerExportRequest(connection: Connection, analysisOf: (uri: string) => Analysis | undefined): void {
  connection.onRequest(exportMethod, async (params: ExportParams, token: CancellationToken): Promise<ExportResult | ResponseError<void>> => {
    if (!isExportFormat(String(params?.format))) return new ResponseError(LSPErrorCodes.RequestFailed, `Unknown export format ${JSON.stringify(String(params?.format)).slice(0, 40)}`);
    const a = analysisOf(String(params.uri));
    if (!a) return new ResponseError(LSPErrorCodes.RequestFailed, 'The file could not be read');
    const errors = a.findings.filter((f) => f.severity === 'error').map((f) => {
      const at = a.source.lines.position(f.span.start);
      return `${at.line + 1}:${at.character + 1} ${f.code} ${f.message}`;
    });
    if (errors.length > 0) return { files: [], notes: [], errors };
    const out = await runExport(a, params.format, { version, separateImages: false });
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
    return {
      files: out.files.map(([name, data]) => ({ name, base64: Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64') })),
      notes: out.notes.map((n) => `${n.kind}: ${n.message}`),
      errors: [],
    };
  });
}
