// Bad input never takes the language server down: a file of binary garbage and a file
// that `use`s a missing file get diagnostics, and the next good file is still analysed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { serverRunning } from './activation.e2e.js';
import {
  cliDiagnostics,
  closeAllEditors,
  codeOf,
  hoverText,
  offsetOf,
  openFile,
  plain,
  replaceAt,
  SAMPLE,
  sortPlain,
  waitFor,
  waitForDiagnostics,
} from './support.js';

describe('bad input', () => {
  after(closeAllEditors);

  it('reports diagnostics for binary garbage, as the command line does', async () => {
    const editor = await openFile('garbage.guideline');
    const doc = editor.document;
    const shown = await waitForDiagnostics(doc.uri, 'diagnostics for the garbage', (list) => list.length > 0);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    for (const d of shown) assert.ok(d.range.end.isBeforeOrEqual(end), `diagnostic ${codeOf(d)} at ${d.range.end.line}:${d.range.end.character} lies outside the file`);
    assert.ok(shown.length <= 200, `${shown.length} diagnostics for one file: the list should be capped`);

    const expected = sortPlain(await cliDiagnostics(doc.uri.fsPath));
    assert.deepEqual(sortPlain(shown.map(plain)), expected);

    // Requests on garbage get answers (maybe empty), not a dead server.
    for (const offset of [0, Math.floor(doc.getText().length / 2), doc.getText().length]) await hoverText(doc.uri, doc.positionAt(offset));
    assert.ok(serverRunning(), 'the language server stopped');
  });

  it('reports a `use` of a missing file on its path', async () => {
    const editor = await openFile('missing-use.guideline');
    const doc = editor.document;
    const path = offsetOf(doc, '"no-such-file.guideline"');
    const range = new vscode.Range(doc.positionAt(path), doc.positionAt(path + '"no-such-file.guideline"'.length));
    const list = await waitForDiagnostics(doc.uri, 'the missing-file diagnostic', (l) => l.some((d) => codeOf(d) === 'missing-file'));
    const missing = list.find((d) => codeOf(d) === 'missing-file')!;
    assert.ok(missing.range.isEqual(range), `missing-file is at ${JSON.stringify(missing.range)}, expected the path string`);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(serverRunning(), 'the language server stopped');
  });

  it('still analyses the next good file', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const s1 = doc.positionAt(offsetOf(doc, 'statement S1') + 'statement '.length);
    assert.match(await waitFor('a hover on the sample', async () => (await hoverText(doc.uri, s1)) || undefined), /Statement S1/);

    // A fresh mistake in the good file is found at once.
    const at = offsetOf(doc, 'rule flr_increase_pve');
    const attr = offsetOf(doc, 'and age', 1, at) + 'and '.length;
    await replaceAt(editor, attr, 'age'.length, 'aeg');
    const typo = new vscode.Range(doc.positionAt(attr), doc.positionAt(attr + 3));
    await waitForDiagnostics(doc.uri, 'the new mistake in the sample', (l) => l.some((d) => codeOf(d) === 'unresolved-name' && d.range.isEqual(typo)));
  });
});
