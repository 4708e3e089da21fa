// The transport VS Code uses: the server forked with `--node-ipc`, messages over Node's
// IPC channel. It reads them through the same look-ahead as over stdio (lsp/transport.ts).
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { serverPath } from './lsp-client.js';

const uri = 'file:///virtual/ipc.guideline';
const text = 'attribute age: years\nintervention resection\n';

describe('the server over node IPC', function () {
  this.timeout(30_000);

  it('publishes diagnostics, hovers and exits cleanly', async () => {
    const child = fork(serverPath(), ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.listen();
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
      const diagnostics = await published;
      assert.equal(diagnostics.version, 1);
      const hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } });
      assert.ok(hover && JSON.stringify(hover.contents).includes('age'));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
