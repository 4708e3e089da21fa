// "Guideline: Export…": asks for a format and a folder, has the server export the active
// guideline file (the same exporters as `guideline export`), and writes the files there.
// A file with errors is refused with its errors, and nothing is written.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { exportMethod, type ExportParams, type ExportResult } from '../../server/src/protocol.js';

type Format = ExportParams['format'];

const formats: readonly { format: Format; label: string; detail: string }[] = [
  { format: 'fhir', label: 'FHIR R4 (CPG-on-FHIR) with ELM logic', detail: 'a Bundle and the ELM library, as JSON' },
  { format: 'markdown', label: 'Summary of recommendations: Markdown', detail: 'numbered statements, grading, references, trees' },
  { format: 'html', label: 'Summary of recommendations: HTML', detail: 'a page with no script' },
  { format: 'docx', label: 'Summary of recommendations: Word', detail: 'a .docx document' },
];

/** Written files' URIs, or undefined when the user cancelled or the export was refused. */
export type ExportOutcome = vscode.Uri[] | undefined;

export function registerExport(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.export', (uri?: vscode.Uri, format?: Format, folder?: vscode.Uri) => exportFile(client(), uri, format, folder)),
  );
}

async function exportFile(client: LanguageClient | undefined, uri?: vscode.Uri, format?: Format, folder?: vscode.Uri): Promise<ExportOutcome> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!client || !target) {
    void vscode.window.showErrorMessage('Open a guideline file to export it.');
    return undefined;
  }
  const chosen = format ?? (await vscode.window.showQuickPick(formats.map((f) => ({ ...f, description: f.format })), { title: 'Export the guideline as' }))?.format;
  if (!chosen) return undefined;
  const dir = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export here', defaultUri: vscode.Uri.joinPath(target, '..') }))?.[0];
  if (!dir) return undefined;
  const result = await client.sendRequest<ExportResult>(exportMethod, { uri: target.toString(), format: chosen } satisfies ExportParams);
  if (result.errors.length > 0) {
    const first = result.errors.slice(0, 3).join('; ');
    void vscode.window.showErrorMessage(`Not exported: the file has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (${first}${result.errors.length > 3 ? '; …' : ''}).`);
    return undefined;
  }
  const written: vscode.Uri[] = [];
  for (const file of result.files) {
    // Names come from the server's exporters; keep only the last path part all the same.
    const name = file.name.split(/[\\/]/).pop() || 'export';
    const out = vscode.Uri.joinPath(dir, name);
    await vscode.workspace.fs.writeFile(out, Buffer.from(file.base64, 'base64'));
    written.push(out);
  }
  const notes = result.notes.length > 0 ? ` ${result.notes.length} note${result.notes.length === 1 ? '' : 's'}: ${result.notes.slice(0, 2).join('; ')}${result.notes.length > 2 ? '; …' : ''}` : '';
  void vscode.window.showInformationMessage(`Exported ${written.map((w) => w.path.split('/').pop()).join(', ')}.${notes}`);
  return written;
}
