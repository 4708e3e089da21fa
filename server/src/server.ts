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
import { readSettings } from './model/settings.js';
import { productVersion } from './model/version.js';
import { Workspace } from './pipeline/workspace.js';
import { registerFeatures } from './lsp/features.js';
import { WorkspaceFiles } from './lsp/workspace-files.js';
import { StagedPublisher } from './lsp/publish.js';
import { registerHeapRequest } from './lsp/heap-request.js';
import { clientSupport, noClientSupport, type ClientSupport } from './lsp/client-support.js';
import { lookAheadTransport, ReceivedVersions } from './lsp/transport.js';
import { requestsInFlight } from './lsp/cancel.js';
import { editedDocuments } from './lsp/edited-document.js';

export function startServer(connection: Connection, received = new ReceivedVersions()): void {
  const documents = new TextDocuments(editedDocuments);
  const workspace = new Workspace();
  const files = new WorkspaceFiles();
  let configurationSupport = false;
  let support: ClientSupport = noClientSupport;

  /** Whether an edit to the document newer than its current version is already waiting to be applied. */
  const overtaken = (uri: string): boolean => received.overtaken(uri, documents.get(uri)?.version);
  const publisher = new StagedPublisher(workspace, {
    version: (uri) => documents.get(uri)?.version,
    overtaken,
    busy: () => received.waiting || requestsInFlight() > 0,
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

  registerFeatures(connection, documents, workspace, files, () => support, received);
  registerHeapRequest(connection);
  documents.listen(connection);
  connection.listen();
}

// A bug must never take the server down: log it and keep serving.
process.on('uncaughtException', (err) => console.error('guideline-language-server: uncaught', err));
process.on('unhandledRejection', (err) => console.error('guideline-language-server: unhandled rejection', err));

const received = new ReceivedVersions();
const transport = lookAheadTransport(process.argv.slice(2), received);
if (transport) {
  const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer, { messageStrategy: received.strategy });
  let shutdown = false;
  connection.onShutdown(() => void (shutdown = true));
  transport.attach((message) => connection.console.log(message), () => process.exit(shutdown ? 0 : 1));
  startServer(connection, received);
} else startServer(createConnection(ProposedFeatures.all), received);
