// Document and range formatting through the built server.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/format.guideline';
const text = 'attribute   a :boolean\nintervention   i\nstatement S { basis evidence strength strong certainty high agreement 90%\n rule r when a then recommend i }\n';

describe('formatting over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('formats a document and a range with whitespace edits only', async () => {
    const init = await client.initialize();
    assert.equal(init.capabilities.documentFormattingProvider, true);
    assert.equal(init.capabilities.documentRangeFormattingProvider, true);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri);
    const options = { tabSize: 8, insertSpaces: false };
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    assert.ok(edits.every((e) => /^\s*$/.test(e.newText)), JSON.stringify(edits));
    const doc = TextDocument.create(uri, 'guideline', 1, text);
    assert.equal(TextDocument.applyEdits(doc, edits), 'attribute a: boolean\nintervention i\nstatement S {\n  basis evidence\n  strength strong\n  certainty high\n  agreement 90%\n  rule r\n    when a\n    then recommend i\n}\n');

    const range = await client.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri }, options, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } },
    });
    assert.equal(TextDocument.applyEdits(doc, range), text.replace('intervention   i', 'intervention i'));
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
  });
});
