// Requests whose document changed before they were answered: over stdio against the built
// server, an edit, a hover and a second edit arrive together (one write, as a burst of
// typing reaches the server). The hover is answered ContentModified, not computed for the
// version in between, and that version's diagnostics are never computed either; a hover
// after the edits gets results.
import * as assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';
import { oneRuleGuideline } from './one-rule.js';

const uri = 'file:///virtual/modified.guideline';
const text = oneRuleGuideline;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('requests on a document that changed', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('answers ContentModified when an edit to the document arrived behind the request', async () => {
    await client.initialize();
    const seen: PublishDiagnosticsParams[] = [];
    client.listeners.push((p) => void (p.uri === uri && seen.push(p)));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1);
    const hoverAt = { textDocument: { uri }, position: { line: 0, character: 12 } };
    const typeAt = (version: number, character: number, inserted: string) => ({
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 6, character }, end: { line: 6, character } }, text: inserted }],
    });
    // Held back and written at once, so the server reads the three messages together.
    const stdin = client.process.stdin!;
    stdin.cork();
    void client.connection.sendNotification('textDocument/didChange', typeAt(2, 0, '// a'));
    const early = client.connection.sendRequest<Hover | null>('textDocument/hover', hoverAt).then((h) => h, (err: unknown) => err);
    void client.connection.sendNotification('textDocument/didChange', typeAt(3, 4, 'b'));
    await sleep(100);
    stdin.uncork();
    const answer = await early;
    assert.ok(answer instanceof ResponseError, `expected an error, got ${JSON.stringify(answer)}`);
    assert.equal(answer.code, LSPErrorCodes.ContentModified);

    await client.diagnostics(uri, (p) => p.version === 3);
    const later = await client.connection.sendRequest<Hover | null>('textDocument/hover', hoverAt);
    assert.ok(later && JSON.stringify(later.contents).includes('age'));
    assert.deepEqual([...new Set(seen.map((p) => p.version))], [1, 3]);
  });
});
