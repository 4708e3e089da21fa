// Rename (F2) through VS Code's own command: across the files that `use` each other, with
// no new error, and refused with a reason for a name that cannot be.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, offsetOf, openFile, revert, SAMPLE, waitFor, waitForDiagnostics, workspaceUri } from './support.js';

const VOCABULARY = 'hcc-vocabulary.guideline';

const rename = (uri: vscode.Uri, at: vscode.Position, name: string) =>
  Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', uri, at, name));

describe('rename', () => {
  afterEach(closeAllEditors);

  it('renames an attribute across both files without a new error', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'flr_slv', 1, offsetOf(doc, 'rule flr_increase_alpps')) + 2);
    const edit = await waitFor('a rename edit', () => rename(doc.uri, at, 'flr_ratio'));
    const files = edit.entries().map(([uri]) => uri.toString()).sort();
    assert.deepEqual(files, [workspaceUri(SAMPLE).toString(), workspaceUri(VOCABULARY).toString()].sort());
    assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code refused the rename');
    try {
      assert.ok(!/\bflr_slv\b/.test(doc.getText().replace(/\/\/.*|"""[\s\S]*?"""|"[^"\n]*"/g, '')), 'a use of flr_slv was left');
      await waitForDiagnostics(doc.uri, 'diagnostics without unresolved names', (list) => !list.some((d) => codeOf(d)?.startsWith('unresolved')) && doc.getText().includes('flr_ratio'));
    } finally {
      for (const name of [SAMPLE, VOCABULARY]) await revert(await vscode.workspace.openTextDocument(workspaceUri(name)));
    }
  });

  it('refuses a reserved word, an invalid name and a name already taken, saying why', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'flr_slv', 1, offsetOf(doc, 'rule flr_increase_alpps')) + 2);
    await waitFor('the server to answer a rename', () => rename(doc.uri, at, 'flr_probe'));
    await assert.rejects(rename(doc.uri, at, 'when'), /reserved word/);
    await assert.rejects(rename(doc.uri, at, '2x'), /is not a name/);
    await assert.rejects(rename(doc.uri, at, ''), /cannot be empty/);
    // `age` is another attribute of the vocabulary: the refusal names the clash.
    await assert.rejects(rename(doc.uri, at, 'age'), /`age` is already the name of/);
    assert.equal(doc.isDirty, false, 'a refused rename changed the file');
  });
});
