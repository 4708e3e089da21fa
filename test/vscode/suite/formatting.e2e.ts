// Format Document and Format Selection through VS Code's own commands: whitespace only, the
// canonical sample is a fixed point, and a file with syntax errors loses no text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, offsetOf, openFile, replaceAt, revert, SAMPLE, waitFor } from './support.js';

const options = { tabSize: 4, insertSpaces: false };

async function applyAll(doc: vscode.TextDocument, edits: vscode.TextEdit[]): Promise<void> {
  const whole = new vscode.WorkspaceEdit();
  whole.set(doc.uri, edits);
  assert.ok(await vscode.workspace.applyEdit(whole), 'VS Code refused the formatting edits');
}

const tokens = (s: string) => s.split(/\s+/).filter(Boolean);

describe('formatting', () => {
  afterEach(closeAllEditors);

  it('formats a disordered sample back to itself with whitespace edits only', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const original = doc.getText();
    // The sample is in the canonical layout: pad every space of a rule.
    const rule = offsetOf(doc, 'rule flr_increase_alpps');
    const end = offsetOf(doc, '\n  rule ', 1, rule + 1);
    await replaceAt(editor, rule, end - rule, original.slice(rule, end).replace(/ +/g, '   '));
    try {
      const edits = await waitFor('formatting edits', async () => vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, options));
      for (const e of edits) assert.match(e.newText, /^\s*$/, 'an edit that is not whitespace');
      await applyAll(doc, edits);
      assert.equal(doc.getText(), original, 'formatting did not restore the canonical sample');
      const again = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
      assert.deepEqual(again ?? [], [], 'a second format changed the text again');
    } finally {
      await revert(doc);
    }
  });

  it('formats a selection and leaves the rest as it is', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const original = doc.getText();
    // Two rules padded; only the first is selected.
    const first = offsetOf(doc, 'rule flr_increase_alpps');
    const firstEnd = offsetOf(doc, '\n  rule ', 1, first + 1);
    const second = firstEnd + '\n  '.length;
    const secondEnd = offsetOf(doc, '\n', 2, second);
    const padded = (s: string) => s.replace(/ +/g, '   ');
    await replaceAt(editor, second, secondEnd - second, padded(original.slice(second, secondEnd)));
    await replaceAt(editor, first, firstEnd - first, padded(original.slice(first, firstEnd)));
    try {
      const selected = new vscode.Range(doc.positionAt(first), doc.positionAt(first + padded(original.slice(first, firstEnd)).length));
      const outside = doc.getText(new vscode.Range(selected.end, doc.positionAt(doc.getText().length)));
      const edits = await waitFor('range formatting edits', async () => {
        const found = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatRangeProvider', doc.uri, selected, options);
        return found && found.length > 0 ? found : undefined;
      });
      for (const e of edits) assert.ok(selected.contains(e.range), `an edit outside the selection at line ${e.range.start.line + 1}`);
      await applyAll(doc, edits);
      assert.equal(doc.getText().slice(0, first), original.slice(0, first), 'text before the selection changed');
      assert.ok(doc.getText().endsWith(outside), 'text after the selection changed');
      assert.ok(doc.getText().includes(original.slice(first, firstEnd)), 'the selected rule is not in its canonical layout');
    } finally {
      await revert(doc);
    }
  });

  it('keeps every token of a file with syntax errors', async () => {
    const editor = await openFile('broken.guideline');
    const doc = editor.document;
    const original = doc.getText();
    const edits = (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, options)) ?? [];
    try {
      if (edits.length > 0) await applyAll(doc, edits);
      assert.deepEqual(tokens(doc.getText()), tokens(original), 'formatting lost or changed a token');
    } finally {
      await revert(doc);
    }
  });
});
