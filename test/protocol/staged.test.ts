// Diagnostics over stdio come in two publications per version: the quick stage first,
// then everything.
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/staged.guideline';
const text = `intervention resection
attribute age: years
statement S1 {
  basis evidence strength strong certainty high agreement 90%
  rule old when age >= 80 years then recommend against resection
  rule older when age >= 70 years then recommend resection
  rule typo when age >= 90 years then recommend resecton
}`;

describe('staged diagnostics over stdio', function () {
  this.timeout(60_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('publishes the quick stage, then the deep findings with it', async () => {
    await client.initialize();
    const seen: PublishDiagnosticsParams[] = [];
    client.listeners.push((p) => {
      if (p.uri === uri) seen.push(p);
    });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'rule-conflict'), 30_000);
    assert.equal(seen.length, 2);
    const [quick, full] = seen.map((p) => p.diagnostics.map((d) => String(d.code)));
    assert.ok(quick.includes('unresolved-name') && !quick.includes('rule-conflict'));
    assert.ok(full.includes('unresolved-name') && full.includes('rule-conflict'));
    assert.deepEqual(seen.map((p) => p.version), [1, 1]);
  });
});
