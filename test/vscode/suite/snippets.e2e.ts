// Help where the user writes: the extension's snippets in completion (each once: the server
// leaves its own templates out for VS Code), a snippet inserted with its placeholders and
// parsing once in place, no completion triggered by `{`, and hover on a keyword.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, hoverText, offsetOf, openFile, SAMPLE, waitFor, waitForDiagnostics } from './support.js';

interface SnippetEntry {
  prefix: string;
  body: string[];
}

interface GuidelineApi {
  client(): { initializeResult?: { capabilities: { completionProvider?: { triggerCharacters?: string[] } } } } | undefined;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The extension's snippet file, as packaged. */
function snippetFile(): Record<string, SnippetEntry> {
  return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'snippets', 'guideline.json'), 'utf8')) as Record<string, SnippetEntry>;
}

/** A snippet body as it reads inserted with every default (first choice of each list). */
function withDefaults(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .trimEnd();
}

async function newGuideline(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'guideline', content: '' });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Runs `test` in a new untitled guideline editor, then closes it unsaved (closeAllEditors cannot revert an untitled one). */
async function inNewGuideline(test: (editor: vscode.TextEditor) => Promise<void>): Promise<void> {
  const editor = await newGuideline();
  try {
    await test(editor);
  } finally {
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('snippets and help', () => {
  after(closeAllEditors);

  it('offers each of the extension\'s snippets once in an empty file', () => inNewGuideline(async (editor) => {
    const prefixes = Object.values(snippetFile()).map((s) => s.prefix).sort();
    assert.deepEqual(prefixes, ['case', 'decision', 'guideline', 'rule', 'statement']);
    const snippets = await waitFor('snippet completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
      const found = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
      // The server's keywords arrive too: it has answered, so any template of its own would be here.
      const keywords = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Keyword).map(labelOf);
      return prefixes.every((p) => found.includes(p)) && keywords.includes('statement') ? found : undefined;
    });
    for (const p of prefixes) assert.equal(snippets.filter((l) => l === p).length, 1, `${p} offered ${snippets.filter((l) => l === p).length} times`);
  }));

  it('inserts the statement snippet with its placeholders, and it parses', () => inNewGuideline(async (editor) => {
    const doc = editor.document;
    const statement = Object.entries(snippetFile()).find(([, s]) => s.prefix === 'statement');
    assert.ok(statement, 'a statement snippet');
    const [name, entry] = statement;
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'guideline', name });
    await waitFor('the snippet to be inserted', () => (doc.getText().length > 0 ? true : undefined));
    assert.equal(doc.getText().trimEnd(), withDefaults(entry.body));
    // Tab stops: the id first, then the title.
    assert.equal(doc.getText(editor.selection), 'S1');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(doc.getText(editor.selection), 'Title');

    // Once in place, only the placeholders for names are reported: no syntax error.
    const diagnostics = await waitForDiagnostics(doc.uri, 'diagnostics of the inserted snippet', (d) => d.length > 0);
    const codes = diagnostics.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    assert.ok(!codes.includes('syntax'), `syntax errors: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.ok(codes.includes('unresolved-name'), `the placeholder names are reported: ${JSON.stringify(codes)}`);
  }));

  it('registers no completion trigger on `{`', async () => {
    await openFile(SAMPLE);
    const api = extension().exports as GuidelineApi;
    const triggers = await waitFor('the server\'s capabilities', () => api.client()?.initializeResult?.capabilities.completionProvider?.triggerCharacters);
    assert.ok(!triggers.includes('{'), JSON.stringify(triggers));
  });

  it('hovers on a keyword with what it means', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, '  certainty ') + 3);
    const text = await waitFor('a hover on `certainty`', async () => (await hoverText(doc.uri, at)) || undefined);
    assert.match(text, /certainty.*\(keyword\)/);
    assert.match(text, /GRADE certainty of the evidence/);
  });
});
