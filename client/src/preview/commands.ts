// Registers the preview: the two open commands (their button sits in the title bar of
// guideline editors) and the serializer that restores a preview after a window reload.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import type { PreviewState } from './messages.js';
import { DecisionTreePanel } from './panel.js';
import { languageClientSource } from './tree-source.js';

export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const source = languageClientSource(client);
  const open = (column: vscode.ViewColumn) => (uri?: unknown) =>
    DecisionTreePanel.show(context.extensionUri, source, uri instanceof vscode.Uri ? uri : undefined, column);
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.openPreview', open(vscode.ViewColumn.Active)),
    vscode.commands.registerCommand('guideline.openPreviewToSide', open(vscode.ViewColumn.Beside)),
    vscode.window.registerWebviewPanelSerializer(DecisionTreePanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        DecisionTreePanel.revive(context.extensionUri, source, panel, typeof state === 'object' && state !== null ? (state as PreviewState) : undefined);
      },
    }),
  );
}
