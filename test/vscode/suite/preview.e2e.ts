// The decision-tree preview: its commands open a webview panel for the active file, in the
// same editor group or beside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFile, SAMPLE, waitFor, webviewTabs } from './support.js';

describe('preview', () => {
  afterEach(closeAllEditors);

  it('guideline.openPreviewToSide opens the preview beside the editor', async () => {
    const editor = await openFile(SAMPLE, vscode.ViewColumn.One);
    assert.equal(webviewTabs().length, 0, 'a webview is open before the test');
    await vscode.commands.executeCommand('guideline.openPreviewToSide');
    const [panel] = await waitFor('the preview panel', () => {
      const tabs = webviewTabs();
      return tabs.length > 0 ? tabs : undefined;
    });
    assert.notEqual(panel!.column, editor.viewColumn, 'the preview opened in the editor\'s own group');
    assert.match(panel!.tab.label, /hcc|conversion|preview|decision|tree/i, `unexpected preview title "${panel!.tab.label}"`);
    // The editor is still visible beside it.
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === editor.document.uri.toString()), 'the editor was replaced');
  });

  it('guideline.openPreview opens the preview in the active group', async () => {
    await openFile(SAMPLE, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('guideline.openPreview');
    const [panel] = await waitFor('the preview panel', () => {
      const tabs = webviewTabs();
      return tabs.length > 0 ? tabs : undefined;
    });
    assert.equal(panel!.column, vscode.ViewColumn.One);
  });
});
