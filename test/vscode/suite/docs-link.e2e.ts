// Docs one click away: a diagnostic's code links to the extension, which opens the
// explanation of the codes rendered in a webview, scrolled to the code's entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, extension, openFile, waitFor, waitForDiagnostics, webviewTabs } from './support.js';

interface DocsApi {
  docs: { last: { anchor: string; found: boolean } | undefined; onDidShow: vscode.Event<{ anchor: string; found: boolean }> };
}

function docs(): DocsApi['docs'] {
  const api = extension().exports as Partial<DocsApi> | undefined;
  assert.ok(api?.docs, 'the extension exposes no diagnostics page');
  return api.docs;
}

/** Resolves when the page reports having shown `anchor`. */
function shown(anchor: string): Promise<{ anchor: string; found: boolean }> {
  return waitFor(`the page to show #${anchor}`, () => (docs().last?.anchor === anchor ? docs().last : undefined));
}

const docsTabs = () => webviewTabs().filter((t) => /guideline\.diagnosticDocs/.test(t.viewType));

describe('diagnostic code links', () => {
  afterEach(closeAllEditors);

  it('link each code to the extension\'s page at its entry', async () => {
    const editor = await openFile('broken.guideline');
    const list = await waitForDiagnostics(editor.document.uri, 'diagnostics with codes', (l) => l.some((d) => codeOf(d) === 'unresolved-name'));
    for (const d of list) {
      assert.equal(typeof d.code, 'object', `${codeOf(d)} has no link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.equal(target.scheme, vscode.env.uriScheme);
      assert.equal(target.authority, extension().id.toLowerCase());
      assert.equal(target.path, '/diagnostics');
      assert.equal(target.fragment, codeOf(d));
    }
  });

  it('open the rendered page at the code\'s entry, as a click does', async () => {
    const editor = await openFile('broken.guideline');
    const list = await waitForDiagnostics(editor.document.uri, 'an unresolved name', (l) => l.some((d) => codeOf(d) === 'unresolved-name'));
    const d = list.find((x) => codeOf(x) === 'unresolved-name')!;
    // `vscode.open` on a URI that is not a file hands it to the same opener a click on the link does.
    await vscode.commands.executeCommand('vscode.open', (d.code as { target: vscode.Uri }).target);
    const [tab] = await waitFor('the diagnostics page', () => (docsTabs().length > 0 ? docsTabs() : undefined));
    assert.match(tab!.tab.label, /Guideline Diagnostics/);
    assert.deepEqual(await shown('unresolved-name'), { anchor: 'unresolved-name', found: true });
    // The editor is still there, beside the page.
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === editor.document.uri.toString()));

    // Another code reuses the page.
    await vscode.commands.executeCommand('guideline.showDiagnosticDocs', 'rule-conflict');
    assert.deepEqual(await shown('rule-conflict'), { anchor: 'rule-conflict', found: true });
    assert.equal(docsTabs().length, 1, 'a second page was opened');
  });

  it('replace the docs opened at an entry\'s line (the desktop\'s link) by the page at that entry', async () => {
    const file = vscode.Uri.joinPath(extension().extensionUri, 'docs', 'diagnostics.md');
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(file)).split('\n');
    const line = lines.indexOf('## case-failed');
    assert.ok(line > 0, 'docs/diagnostics.md has no entry for case-failed');
    const isDocs = (t: vscode.Tab) => t.input instanceof vscode.TabInputText && t.input.uri.path === file.path;
    const textTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isDocs);
    // The link a desktop diagnostic carries, opened as a click opens it.
    await vscode.commands.executeCommand('vscode.open', file.with({ fragment: `L${line + 1}` }));
    assert.deepEqual(await shown('case-failed'), { anchor: 'case-failed', found: true });
    await waitFor('the Markdown editor closed', () => (textTabs().length === 0 ? true : undefined));

    // Opened as any file is, at its top, it stays an editor of the Markdown.
    await closeAllEditors();
    const editor = await vscode.window.showTextDocument(file, { preview: false, selection: new vscode.Range(0, 0, 0, 0) });
    assert.equal(editor.selection.active.line, 0);
    // A round trip through the page (opened by its command) gives a replacement time to happen.
    await vscode.commands.executeCommand('guideline.showDiagnosticDocs', 'syntax');
    await shown('syntax');
    assert.equal(textTabs().length, 1, 'the Markdown opened at its top was replaced');
  });

  it('show the top of the page for a code it does not know', async () => {
    await vscode.commands.executeCommand('guideline.showDiagnosticDocs', '"><img src=x onerror=alert(1)>');
    assert.deepEqual(await shown('"><img src=x onerror=alert(1)>'), { anchor: '"><img src=x onerror=alert(1)>', found: false });
  });
});
