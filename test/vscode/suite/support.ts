// What the extension-host tests share: the test workspace's files, bounded polls that wait
// for an event (never a fixed sleep), and the extension's diagnostics in a form that
// compares with the command line's.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'guideline-tools.guideline';
export const SAMPLE = 'hcc-conversion-2021.guideline';

/** How long any single wait may take before the test fails. */
export const WAIT_MS = 15_000;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (the launcher opens one)');
  return folder.uri.fsPath;
}

export function workspaceUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), name));
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** Opens a workspace file in an editor (it becomes the active editor). */
export async function openFile(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

/** The guideline diagnostics of a document, once `accept` says they are the ones awaited. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'guideline');
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

/** The code of a diagnostic as a string (VS Code wraps it with its link when there is one). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The offset of `needle` in the document (its `occurrence`-th appearance), or a failure. */
export function offsetOf(doc: vscode.TextDocument, needle: string, occurrence = 1, from = 0): number {
  let at = from - 1;
  for (let i = 0; i < occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${path.basename(doc.uri.fsPath)}`);
  }
  return at;
}

/** Replaces the text at `offset` and waits for the document to show it. */
export async function replaceAt(editor: vscode.TextEditor, offset: number, length: number, text: string): Promise<void> {
  const doc = editor.document;
  const range = new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + length));
  const applied = await editor.edit((b) => b.replace(range, text));
  assert.ok(applied, 'the editor refused the edit');
}

/** Throws away unsaved edits so the next test sees the file as it is on disk. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`${path.basename(doc.uri.fsPath)} to be reverted`, () => (doc.isDirty ? undefined : true));
}

export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) await revert(doc);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A diagnostic in the shape `guideline check --format json` prints (1-based positions). */
export interface PlainDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const severityNames: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function plain(d: vscode.Diagnostic): PlainDiagnostic {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severityNames[d.severity],
    code: codeOf(d) ?? '',
    message: d.message,
  };
}

export function sortPlain(list: PlainDiagnostic[]): PlainDiagnostic[] {
  const key = (d: PlainDiagnostic) => [d.line, d.column, d.endLine, d.endColumn].map((n) => String(n).padStart(6, '0')).join(':') + d.code + d.message;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}

/** Runs the extension's own bundled command line: `guideline check --format json <file>`. */
export async function cliDiagnostics(file: string): Promise<PlainDiagnostic[]> {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  // Inside desktop VS Code, process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it Node.
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, 'check', '--format', 'json', file],
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: WAIT_MS, maxBuffer: 16 * 1024 * 1024 },
      (err, out, stderr) => {
        // Exit code 1 means "errors found", which is a normal answer here.
        if (err && typeof err.code !== 'number') reject(new Error(`${err.message}\n${stderr}`));
        else resolve(out);
      },
    );
  });
  const parsed = JSON.parse(stdout) as { file: string; diagnostics: PlainDiagnostic[] }[];
  assert.equal(parsed.length, 1, `the command line checked ${parsed.length} files, expected 1`);
  return parsed[0]!.diagnostics.map(({ line, column, endLine, endColumn, severity, code, message }) => ({ line, column, endLine, endColumn, severity, code, message }));
}

/** The text of every hover VS Code shows at a position. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Webview tabs (the preview) in all editor groups. */
export function webviewTabs(): { tab: vscode.Tab; viewType: string; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.flatMap((tab) => (tab.input instanceof vscode.TabInputWebview ? [{ tab, viewType: tab.input.viewType, column: group.viewColumn }] : [])),
  );
}
