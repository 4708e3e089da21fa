// Quick fixes, completion and settings through the built server, as an editor uses them.
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionList } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/edit.guideline';
const text = `enum ChildPugh { A, B, C }
attribute child_pugh: ChildPugh
intervention resection
statement S1 {
  basis evidence strength conditional certainty low agreement 90%
  rule r when child_pugh = A then recommend resection
}`;

describe('quick fixes and completion over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('offers the verb fix for a published diagnostic, and enum members after =', async () => {
    const init = await client.initialize();
    assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, [' ', '=', ',']);
    assert.ok(init.capabilities.codeActionProvider);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    const mismatch = published.diagnostics.find((d) => d.code === 'verb-strength-mismatch');
    assert.ok(mismatch, JSON.stringify(published.diagnostics));
    assert.match(String(mismatch.codeDescription?.href), /diagnostics\.md#verb-strength-mismatch$/);

    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch] },
    });
    const fix = actions.find((a) => a.title === 'Change to `suggest`');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: mismatch.range, newText: 'suggest' }]);

    // `child_pugh = |A`: the cursor right after `= `.
    const completion = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri }, position: { line: 5, character: 27 },
    });
    assert.deepEqual(completion.items.map((i) => i.label), ['A', 'B', 'C']);
    assert.equal(completion.items[0].detail, 'ChildPugh');

    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
  });
});
