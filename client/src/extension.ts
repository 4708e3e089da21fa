// The VS Code extension: starts the bundled language server over IPC, gives it an output
// channel, and offers a restart command.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { registerPreview } from './preview/commands.js';
import { registerExport } from './export-command.js';
import { registerCaseTests, type CaseTests } from './testing.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined; cases: CaseTests }> {
  const output = vscode.window.createOutputChannel('Guideline', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'guideline' }],
    outputChannel: output,
    synchronize: {
      configurationSection: 'guideline',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.guideline'),
    },
  };

  const start = async (): Promise<void> => {
    client = new LanguageClient('guideline', 'Guideline Language Server', serverOptions, clientOptions);
    await client.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.restartServer', async () => {
      output.info('Restarting the language server');
      if (client) await client.stop().catch((err: unknown) => output.error(`Stopping the server failed: ${String(err)}`));
      await start();
    }),
  );
  // Before the server starts, so a preview restored after a reload finds its serializer.
  registerPreview(context, () => client);
  registerExport(context, () => client);
  const cases = registerCaseTests(context, () => client);
  await start();
  void cases.refresh();
  return { client: () => client, cases };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
