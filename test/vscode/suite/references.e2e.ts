// Find All References and highlights through VS Code's own commands (the ones its UI
// calls), on the sample and the vocabulary it `use`s.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, offsetOf, openFile, SAMPLE, waitFor, workspaceUri } from './support.js';

const VOCABULARY = 'hcc-vocabulary.guideline';

async function references(uri: vscode.Uri, at: vscode.Position): Promise<vscode.Location[]> {
  return (await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', uri, at)) ?? [];
}

describe('references', () => {
  afterEach(closeAllEditors);

  it('finds an attribute\'s uses in the sample and its declaration in the vocabulary', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'flr_slv', 1, offsetOf(doc, 'rule flr_increase_alpps')) + 2);
    const locations = await waitFor('references of flr_slv', async () => {
      const found = await references(doc.uri, at);
      return found.length > 0 ? found : undefined;
    });
    const inVocabulary = locations.filter((l) => l.uri.toString() === workspaceUri(VOCABULARY).toString());
    assert.equal(inVocabulary.length, 1, 'the declaration in the vocabulary');
    // Every whole-word use of the name outside comments and strings, no more, no fewer.
    const code = doc.getText().replace(/\/\/.*|"""[\s\S]*?"""|"[^"\n]*"/g, (s) => ' '.repeat(s.length));
    const uses = [...code.matchAll(/\bflr_slv\b/g)].length;
    assert.equal(locations.filter((l) => l.uri.toString() === doc.uri.toString()).length, uses);
    for (const l of locations) {
      const text = (await vscode.workspace.openTextDocument(l.uri)).getText(l.range);
      assert.equal(text, 'flr_slv');
    }
  });

  it('finds an intervention from its declaration, across the files that use it', async () => {
    const editor = await openFile(VOCABULARY);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'intervention resection') + 'intervention '.length + 1);
    const locations = await waitFor('references of resection', async () => {
      const found = await references(doc.uri, at);
      return found.some((l) => l.uri.toString() === workspaceUri(SAMPLE).toString()) ? found : undefined;
    });
    for (const l of locations) assert.equal((await vscode.workspace.openTextDocument(l.uri)).getText(l.range), 'resection');
  });

  it('highlights the name under the cursor in its file, and nothing inside a comment', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'flr_slv', 1, offsetOf(doc, 'rule flr_increase_alpps')) + 2);
    const lights = await waitFor('highlights of flr_slv', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentHighlight[] | undefined>('vscode.executeDocumentHighlights', doc.uri, at);
      return found && found.length > 0 ? found : undefined;
    });
    for (const h of lights) assert.equal(doc.getText(h.range), 'flr_slv');
    const comment = doc.getText().search(/\/\/ *\S/);
    assert.ok(comment >= 0, 'the sample has a comment');
    const inComment = await references(doc.uri, doc.positionAt(comment + doc.getText().slice(comment).search(/[A-Za-z]/) + 1));
    assert.deepEqual(inComment, []);
  });
});
