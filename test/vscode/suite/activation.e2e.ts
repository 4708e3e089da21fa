// Opening a .guideline file activates the extension and starts its language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, hoverText, offsetOf, openFile, SAMPLE, waitFor } from './support.js';

interface GuidelineApi {
  client(): { isRunning(): boolean } | undefined;
}

export function serverRunning(): boolean {
  const api = extension().exports as GuidelineApi | undefined;
  return api?.client()?.isRunning() === true;
}

describe('activation', () => {
  after(closeAllEditors);

  it('activates on a .guideline file and answers requests', async () => {
    const editor = await openFile(SAMPLE);
    assert.equal(editor.document.languageId, 'guideline');
    await waitFor('the extension to activate', () => (extension().isActive ? true : undefined));
    await waitFor('the language server to run', () => (serverRunning() ? true : undefined));
    // A request that only the server can answer: hover over the first statement's name.
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'statement S1') + 'statement '.length);
    const text = await waitFor('a hover from the server', async () => (await hoverText(doc.uri, at)) || undefined);
    assert.match(text, /Statement S1/);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['guideline.restartServer', 'guideline.openPreview', 'guideline.openPreviewToSide']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
