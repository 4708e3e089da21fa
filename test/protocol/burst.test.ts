// A burst of edits read together (one write, as a paste or a replayed undo reaches the
// server): each request an edit behind it overtakes is answered ContentModified without
// waiting for the edits before it, the edits reach the document as one (no version in
// between is analysed), and the document ends as the editor's does.
import * as assert from 'node:assert/strict';
import { LSPErrorCodes, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './lsp-client.js';
import { oneRuleGuideline } from './one-rule.js';

const uri = 'file:///virtual/burst.guideline';

describe('a burst of edits read together', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('answers the overtaken requests at once, applies the edits as one and ends with the editor’s text', async () => {
    await client.initialize();
    const seen: PublishDiagnosticsParams[] = [];
    client.listeners.push((p) => void (p.uri === uri && seen.push(p)));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text: oneRuleGuideline } });
    await client.diagnostics(uri, (p) => p.version === 1);

    // A rule typed character by character into S1 (a new line after its first rule), with
    // a hover over `age` after every tenth character and one after the last.
    let doc = TextDocument.create(uri, 'guideline', 1, oneRuleGuideline);
    const typed = '  rule extra when agee >= 3 years then recommend resection\n';
    const messages: object[] = [];
    const hovers: number[] = [];
    const hover = (id: number) => ({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 12 } } });
    for (let i = 0; i < typed.length; i++) {
      const version = 2 + i;
      const at = doc.positionAt(oneRuleGuideline.indexOf('\n}') + 1 + i);
      const change = { range: { start: at, end: at }, text: typed[i] };
      doc = TextDocument.update(doc, [change], version);
      messages.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [change] } });
      if (i % 10 === 9) {
        hovers.push(100 + i);
        messages.push(hover(100 + i));
      }
    }
    const last = 1 + typed.length;
    messages.push(hover(999));
    const answers = await client.sendTogether(messages);
    for (const id of hovers) assert.equal(answers.get(id)?.error?.code, LSPErrorCodes.ContentModified, `hover ${id}: ${JSON.stringify(answers.get(id))}`);
    assert.ok(JSON.stringify(answers.get(999)?.result).includes('age'), JSON.stringify(answers.get(999)));

    const final = await client.diagnostics(uri, (p) => p.version === last);
    // No version between the first and the last was analysed.
    assert.deepEqual([...new Set(seen.map((p) => p.version))], [1, last]);
    const at = doc.getText().indexOf('agee');
    const unknown = final.diagnostics.filter((d) => String(d.code).startsWith('unresolved'));
    assert.deepEqual(unknown.map((d) => d.range), [{ start: doc.positionAt(at), end: doc.positionAt(at + 4) }]);
  });
});
