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
import { productVersion } from './model/version.js';
import { Workspace } from './pipeline/workspace.js';
import { registerFeatures } from './lsp/features.js';
import { WorkspaceFiles } from './lsp/workspace-files.js';
import { StagedPublisher } from './lsp/publish.js';
import { registerHeapRequest } from './lsp/heap-request.js';
import { clientSupport, noClientSupport, type ClientSupport } from './lsp/client-support.js';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const files = new WorkspaceFiles();
  let configurationSupport = false;
  let support: ClientSupport = noClientSupport;

  const publisher = new StagedPublisher(workspace, {
    version: (uri) => documents.get(uri)?.version,
    send: (params) => void connection.sendDiagnostics(params),
    error: (message) => connection.console.error(message),
  });
  const schedule = (uris: string[]): void => uris.forEach((uri) => publisher.schedule(uri));

  const loadSettings = async (): Promise<void> => {
    if (!configurationSupport) return;
    const raw: unknown = await connection.workspace.getConfiguration('guideline');
    workspace.settings = readSettings(raw);
    schedule(documents.keys());
  };

  connection.onInitialize((params) => {
    configurationSupport = !!params.capabilities.workspace?.configuration;
    support = clientSupport(params);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    files.setFolders(folders);
    workspace.folders = folders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...registerFeatures.capabilities,
      },
      serverInfo: { name: 'guideline-language-server', version: productVersion() },
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
    schedule(workspace.update(e.document.uri, e.document.getText(), e.document.version));
  });
  documents.onDidChangeContent((e) => {
    schedule(workspace.update(e.document.uri, e.document.getText(), e.document.version));
  });
  documents.onDidClose((e) => {
    publisher.forget(e.document.uri);
    schedule(workspace.close(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles((e) => {
    schedule(e.changes.flatMap((c) => workspace.fileChanged(c.uri)));
  });

  registerFeatures(connection, documents, workspace, files, () => support);
  registerHeapRequest(connection);
  documents.listen(connection);
  connection.listen();
}

// A bug must never take the server down: log it and keep serving.
process.on('uncaughtException', (err) => console.error('guideline-language-server: uncaught', err));
process.on('unhandledRejection', (err) => console.error('guideline-language-server: unhandled rejection', err));

startServer(createConnection(ProposedFeatures.all));
