// The VS Code extension: starts the bundled language server over IPC, logs to the
// Guideline output channel (its start, version and settings; the protocol when
// `guideline.trace.server` asks), shows the server's state in the status bar, and offers
// a restart command.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TransportKind, type LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { registerPreview } from './preview/commands.js';
import { registerExport } from './export-command.js';
import { registerCaseTests, type CaseTests } from './testing.js';
import { registerDiagnosticDocs } from './docs/register.js';
import type { DiagnosticDocs } from './docs/panel.js';
import { GuidelineClient } from './language-client.js';
import { logStart, settingsNow } from './settings-log.js';
import { registerStatus, type ServerStatus } from './status/item.js';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and its tests). */
export interface GuidelineApi {
  client(): LanguageClient | undefined;
  cases: CaseTests;
  status: ServerStatus;
  docs: DiagnosticDocs;
  /** The folder the output channel's log file is written to. */
  logUri: vscode.Uri;
}

export async function activate(context: vscode.ExtensionContext): Promise<GuidelineApi> {
  const output = vscode.window.createOutputChannel('Guideline', { log: true });
  context.subscriptions.push(output);
  const manifest = context.extension.packageJSON as { version?: string };
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  logStart(output, manifest, serverModule);

  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const { docs, middleware } = registerDiagnosticDocs(context);
  // The client reads `guideline.trace.server` itself (its id is `guideline`) and writes the
  // trace into the same channel, between the lines it explains.
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'guideline' }],
    outputChannel: output,
    middleware,
    // The extension's snippet file offers the templates: the server leaves its own out.
    initializationOptions: { clientSnippets: true },
    synchronize: {
      configurationSection: 'guideline',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.guideline'),
    },
  };
  const { status, watch } = registerStatus(context, manifest.version ?? '');
  client = new GuidelineClient('guideline', 'Guideline Language Server', serverOptions, clientOptions);
  watch(client);

  const start = async (): Promise<void> => {
    try {
      await client?.start();
      output.info('The language server is ready');
    } catch (err) {
      output.error(`The language server did not start: ${String(err)}`);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.restartServer', async () => {
      output.info('Restarting the language server');
      if (client?.isRunning()) await client.stop().catch((err: unknown) => output.error(`Stopping the server failed: ${String(err)}`));
      await start();
    }),
    vscode.commands.registerCommand('guideline.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('guideline')) output.info(`Settings changed: ${settingsNow(manifest).join(', ')}`);
    }),
  );
  // Before the server starts, so a preview restored after a reload finds its serializer.
  registerPreview(context, () => client);
  registerExport(context, () => client);
  const cases = registerCaseTests(context, () => client);
  await start();
  void cases.refresh();
  return { client: () => client, cases, status, docs, logUri: context.logUri };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
