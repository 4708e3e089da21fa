// A quick fix for a misspelt name: the light bulb offers the name it meant, applying it
// puts that name in the text, and the diagnostic goes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, offsetOf, openFile, replaceAt, SAMPLE, waitFor, waitForDiagnostics } from './support.js';

describe('quick fix', () => {
  after(closeAllEditors);

  it('replaces a misspelt attribute with the one it meant', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const rule = offsetOf(doc, 'rule flr_increase_alpps');
    const at = offsetOf(doc, 'flr_slv', 1, rule);
    await replaceAt(editor, at, 'flr_slv'.length, 'flr_slvv');
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'flr_slvv'.length));
    const isTypo = (d: vscode.Diagnostic) => codeOf(d) === 'unresolved-name' && d.range.isEqual(range);

    const [diagnostic] = (await waitForDiagnostics(doc.uri, 'the unresolved name', (list) => list.some(isTypo))).filter(isTypo);
    const fix = await waitFor('a quick fix that writes flr_slv', async () => {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', doc.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value,
      );
      return actions.find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /flr_slv\b/.test(a.title));
    });
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${fix.title}" is not a quick fix`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code refused the quick fix\'s edit');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    assert.equal(doc.getText().slice(at, at + 'flr_slv '.length), 'flr_slv ', 'the fix did not write the attribute\'s name');
    await waitForDiagnostics(doc.uri, 'the diagnostic to go', (list) => !list.some((d) => codeOf(d) === 'unresolved-name'));
  });
});
