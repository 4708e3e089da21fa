// The status-bar item: the server's state and the active guideline file's errors and
// warnings; clicking it opens the Guideline output. Shown while a guideline file is the
// active editor.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';
import { statusView, type FileCounts, type ServerState } from './view.js';

export interface ServerStatus {
  readonly item: vscode.StatusBarItem;
  readonly state: ServerState;
}

export function registerStatus(context: vscode.ExtensionContext, version: string): { status: ServerStatus; watch(client: LanguageClient): void } {
  const item = vscode.window.createStatusBarItem('guideline.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Guideline';
  item.command = 'guideline.showOutput';
  let state: ServerState = 'starting';

  const counts = (uri: vscode.Uri): FileCounts => {
    const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'guideline');
    return {
      errors: list.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
      warnings: list.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
    };
  };
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId !== 'guideline') {
      item.hide();
      return;
    }
    const view = statusView(state, state === 'ready' ? counts(doc.uri) : undefined, version);
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor = view.alarm ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
  );
  update();

  const states: Record<State, ServerState> = { [State.Starting]: 'starting', [State.Running]: 'ready', [State.Stopped]: 'stopped' };
  return {
    status: {
      item,
      get state() {
        return state;
      },
    },
    watch(client: LanguageClient) {
      context.subscriptions.push(
        client.onDidChangeState((e) => {
          state = states[e.newState];
          update();
        }),
      );
    },
  };
}
