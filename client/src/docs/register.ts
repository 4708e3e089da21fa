// Docs one click away: the command and the UriHandler that open the diagnostics page, the
// client middleware that points each diagnostic's code at it (see link.ts for the two
// kinds of link), and, for the desktop's kind, the editor of the entry's line replaced by
// the page at that entry.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node.js';
import { anchorOnLine, DOCS_PATH, docsAnchor, docsLineLink, docsLink } from './link.js';
import { DiagnosticDocs } from './panel.js';
import type { DocsHeading } from './page.js';

export type LinkKind = 'extension' | 'line';

export function registerDiagnosticDocs(context: vscode.ExtensionContext): { docs: DiagnosticDocs; middleware: Middleware } {
  const docs = new DiagnosticDocs(vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md'));
  const extensionId = context.extension.id;
  // In the browser the workbench opens the extension's own links without asking.
  const kind: LinkKind = vscode.env.uiKind === vscode.UIKind.Web ? 'extension' : 'line';
  let headings: DocsHeading[] = [];
  void docs.rendered().then((r) => (headings = r.headings));

  let opened: vscode.TextEditor | undefined;
  const isDocsFile = (uri: vscode.Uri): boolean => uri.scheme === docs.docsFile.scheme && uri.path === docs.docsFile.path;
  /** An editor opened on the docs file at an entry's heading (line 0 is the title, as any plain opening). */
  const replaceEditor = async (editor: vscode.TextEditor | undefined): Promise<void> => {
    if (!editor || !isDocsFile(editor.document.uri) || editor.document.isDirty) return;
    const line = editor.selection.active.line;
    const anchor = line > 0 ? anchorOnLine(headings, line) : undefined;
    if (anchor === undefined) return;
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && isDocsFile(t.input.uri));
    if (tab) await vscode.window.tabGroups.close(tab, true);
    await docs.show(anchor);
  };

  context.subscriptions.push(
    docs,
    vscode.commands.registerCommand('guideline.showDiagnosticDocs', (code?: unknown) => docs.show(typeof code === 'string' ? code : '')),
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        if (uri.path === DOCS_PATH) void docs.show(uri.fragment);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      opened = editor && isDocsFile(editor.document.uri) ? editor : undefined;
      void replaceEditor(editor);
    }),
    // The line a link opens at can reach the editor just after it became active. Only that
    // first move counts, and not one made by the mouse or the keyboard: a person editing
    // the file who clicks on a heading keeps the editor.
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== opened) return;
      opened = undefined;
      if (e.kind === vscode.TextEditorSelectionChangeKind.Mouse || e.kind === vscode.TextEditorSelectionChangeKind.Keyboard) return;
      void replaceEditor(e.textEditor);
    }),
  );

  const relink = (d: vscode.Diagnostic): vscode.Diagnostic => {
    if (typeof d.code !== 'object') return d;
    const href = d.code.target.toString();
    const anchor = docsAnchor(href);
    if (anchor === undefined) return d;
    if (kind === 'extension') {
      d.code = { value: d.code.value, target: vscode.Uri.parse(docsLink(vscode.env.uriScheme, extensionId, anchor)) };
    } else {
      const line = headings.find((h) => h.anchor === anchor)?.line;
      if (line !== undefined) d.code = { value: d.code.value, target: vscode.Uri.parse(docsLineLink(href, line)) };
    }
    return d;
  };
  const middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(relink)),
  };
  return { docs, middleware };
}
