// The language server: wires the connection to the workspace and the feature modules.
// It holds no logic of its own. Run with --stdio (any LSP client) or --node-ipc (VS Code).
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSettings } from './model/settings.js';
import { Workspace } from './pipeline/workspace.js';
import { diagnosticsOf } from './lsp/convert.js';
import { registerFeatures } from './lsp/features.js';
import { WorkspaceFiles } from './lsp/workspace-files.js';

const DEBOUNCE_MS = 120;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const files = new WorkspaceFiles();
  const pending = new Map<string, NodeJS.Timeout>();
  let configurationSupport = false;

  const publish = (uri: string): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const analysis = workspace.analysis(uri);
      if (analysis) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(analysis) });
    } catch (err) {
      connection.console.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  };

  const schedule = (uris: string[]): void => {
    for (const uri of uris) {
      if (!documents.get(uri)) continue;
      clearTimeout(pending.get(uri));
      pending.set(uri, setTimeout(() => {
        pending.delete(uri);
        publish(uri);
      }, DEBOUNCE_MS));
    }
  };

  const loadSettings = async (): Promise<void> => {
    if (!configurationSupport) return;
    const raw: unknown = await connection.workspace.getConfiguration('guideline');
    workspace.settings = readSettings(raw);
    schedule(documents.keys());
  };

  connection.onInitialize((params) => {
    configurationSupport = !!params.capabilities.workspace?.configuration;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    files.setFolders(folders);
    workspace.folders = folders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...registerFeatures.capabilities,
      },
      serverInfo: { name: 'guideline-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (configurationSupport) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'guideline' });
      void loadSettings();
    }
  });
  connection.onDidChangeConfiguration(() => void loadSettings());

  documents.onDidOpen((e) => {
    // Opening publishes at once: the user is looking at this file now.
    const stale = workspace.update(e.document.uri, e.document.getText(), e.document.version);
    publish(e.document.uri);
    schedule(stale.filter((u) => u !== e.document.uri));
  });
  documents.onDidChangeContent((e) => {
    schedule(workspace.update(e.document.uri, e.document.getText(), e.document.version));
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    schedule(workspace.close(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles((e) => {
    schedule(e.changes.flatMap((c) => workspace.fileChanged(c.uri)));
  });

  registerFeatures(connection, documents, workspace, files);
  documents.listen(connection);
  connection.listen();
}

// A bug must never take the server down: log it and keep serving.
process.on('uncaughtException', (err) => console.error('guideline-language-server: uncaught', err));
process.on('unhandledRejection', (err) => console.error('guideline-language-server: unhandled rejection', err));

startServer(createConnection(ProposedFeatures.all));
