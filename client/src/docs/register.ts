// Docs one click away: the command and the UriHandler that open the diagnostics page, and
// the client middleware that points each diagnostic's code at them.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node.js';
import { DOCS_PATH, docsAnchor, docsLink } from './link.js';
import { DiagnosticDocs } from './panel.js';

export function registerDiagnosticDocs(context: vscode.ExtensionContext): { docs: DiagnosticDocs; middleware: Middleware } {
  const docs = new DiagnosticDocs(vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md'));
  const extensionId = context.extension.id;
  context.subscriptions.push(
    docs,
    vscode.commands.registerCommand('guideline.showDiagnosticDocs', (code?: unknown) => docs.show(typeof code === 'string' ? code : '')),
    vscode.window.registerUriHandler({
      handleUri(uri: vscode.Uri) {
        if (uri.path === DOCS_PATH) void docs.show(uri.fragment);
      },
    }),
  );
  const relink = (d: vscode.Diagnostic): vscode.Diagnostic => {
    if (typeof d.code !== 'object') return d;
    const anchor = docsAnchor(d.code.target.toString());
    if (anchor === undefined) return d;
    d.code = { value: d.code.value, target: vscode.Uri.parse(docsLink(vscode.env.uriScheme, extensionId, anchor)) };
    return d;
  };
  const middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(relink)),
  };
  return { docs, middleware };
}
