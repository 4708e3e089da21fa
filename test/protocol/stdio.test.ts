// The built server over stdio, as Neovim, Emacs or any LSP client sees it.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/main.guideline';

const broken = `intervention resection "Surgical resection"
attribute age: years
statement S1 "Old age" {
  basis evidence strength strong certainty high agreement 90%
  rule r1 when age >= 80 years then recommend against resecton
}`;

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('initializes, publishes, hovers, updates, survives garbage and shuts down', async () => {
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'guideline-language-server');
    assert.ok(init.capabilities.hoverProvider);

    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text: broken } });
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    const errors = first.diagnostics.filter((d) => d.severity === 1);
    assert.deepEqual(errors.map((d) => [d.range.start.line, d.code, d.message]), [
      [4, 'unresolved-name', 'Unknown intervention `resecton`; did you mean `resection`?'],
    ]);
    assert.match(String(errors[0].codeDescription?.href), /diagnostics\.md#unresolved-name$/);

    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 11 } });
    assert.match((hover.contents as MarkupContent).value, /Strong recommendation · ⊕⊕⊕⊕ high certainty/);

    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 54 }, end: { line: 4, character: 62 } }, text: 'resection' }],
    });
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(second.diagnostics, []);

    const garbageUri = 'file:///virtual/garbage.guideline';
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: garbageUri, languageId: 'guideline', version: 1, text: crypto.randomBytes(50_000).toString('latin1') },
    });
    const garbage = await client.diagnostics(garbageUri);
    assert.ok(garbage.diagnostics.length > 0);

    // Still serving after the garbage.
    const again = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 11 } });
    assert.ok(again);

    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited(), 0);
  });
});
