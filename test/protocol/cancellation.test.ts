// Requests cancelled before they are answered: over stdio against the built server, a
// completion and its cancellation arrive in one write, so the server reads the
// cancellation before it could answer. It answers RequestCancelled, never with results;
// the same completion without a cancellation gets its results.
import * as assert from 'node:assert/strict';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';
import { oneRuleGuideline } from './one-rule.js';

const uri = 'file:///virtual/cancelled.guideline';
const text = oneRuleGuideline;
const completionAt = { textDocument: { uri }, position: { line: 4, character: 16 } };

describe('requests cancelled before they are answered', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1);
  });
  after(() => client.kill());

  it('answers a completion read together with its cancellation RequestCancelled', async () => {
    for (let id = 1_000; id < 1_010; id++) {
      const answers = await client.sendTogether([
        { id, method: 'textDocument/completion', params: completionAt },
        { method: '$/cancelRequest', params: { id } },
      ]);
      assert.equal(answers.get(id)?.error?.code, LSPErrorCodes.RequestCancelled, `answer to ${id}: ${JSON.stringify(answers.get(id))}`);
    }
  });

  it('answers the same completion, not cancelled, with results', async () => {
    const answers = await client.sendTogether([{ id: 2_000, method: 'textDocument/completion', params: completionAt }]);
    const result = answers.get(2_000)?.result as { items?: { label: string }[] } | null | undefined;
    assert.ok(result?.items?.some((i) => i.label === 'age'), JSON.stringify(result)?.slice(0, 300));
  });
});
