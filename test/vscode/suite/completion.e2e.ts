// Completion while writing a rule: after `when`, every attribute in scope is offered,
// those of the file and those of the files it `use`s.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, offsetOf, openFile, replaceAt, SAMPLE, waitFor, workspaceUri } from './support.js';

function declaredAttributes(text: string): string[] {
  return [...text.matchAll(/^attribute\s+([A-Za-z_][A-Za-z0-9_]*)/gm)].map((m) => m[1]!);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('completion', () => {
  after(closeAllEditors);

  it('offers the attributes in a new rule\'s condition', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const vocabulary = fs.readFileSync(workspaceUri('hcc-vocabulary.guideline').fsPath, 'utf8');
    const expected = [...declaredAttributes(doc.getText()), ...declaredAttributes(vocabulary)];
    assert.ok(expected.length > 10, 'the sample declares its attributes');

    // Type a new rule at the end of statement S8, the cursor after `when `.
    const s8 = offsetOf(doc, 'statement S8');
    const end = doc.getText().lastIndexOf('}', offsetOf(doc, '\nstatement ', 1, s8 + 1));
    const typed = '\n  rule probe\n    when ';
    await replaceAt(editor, end, 0, `${typed}\n    then suggest pve\n`);
    const cursor = doc.positionAt(end + typed.length);

    const labels = await waitFor('completion items with the attributes', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, cursor);
      // Word-based suggestions (kind Text) would list any word of the file: only the server's count.
      const found = new Set(list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map(labelOf));
      return expected.every((a) => found.has(a)) ? found : undefined;
    });
    for (const name of expected) assert.ok(labels.has(name), `attribute ${name} not offered`);
  });
});
