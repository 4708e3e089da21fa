// Syntax errors through the built server, as an editor shows them: on the token that is
// wrong or missing, in plain words, with the quick fix where the repair is certain, and
// without the case failures a half-typed rule would otherwise cause.
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/mistakes.guideline';
const text = `enum Stage { Ia, Ib }
attribute stage: Stage
intervention surgery
intervention chemo
statement S1 {
  basis evidence strength strong certainty high agreement 85
  rule r1 when stage = Ia then recommend surgery
  rule r2 when stage = Ib then recom
}
case "Stage Ib" {
  given stage = Ib
  expect recommend chemo
}
`;

describe('syntax errors over stdio', function () {
  this.timeout(60_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('reports each mistake at its token, offers the certain fix, and holds back the case a broken rule decides', async () => {
    await client.initialize();
    const seen: PublishDiagnosticsParams[] = [];
    client.listeners.push((p) => {
      if (p.uri === uri) seen.push(p);
    });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    // The quick stage, then the deep one (consistency and cases) for the same version.
    await client.diagnostics(uri, () => seen.filter((p) => p.version === 1).length >= 2, 30_000);
    const full = seen.filter((p) => p.version === 1)[1].diagnostics;
    const shown = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}..${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
    assert.deepEqual(full.filter((d) => d.severity === 1).map(shown), [
      '5:58..5:60 syntax A percentage needs `%`: `85%`',
      '7:31..7:36 syntax Write `recommend`, not `recom`',
    ]);

    const percent = full.find((d) => String(d.message).startsWith('A percentage'))!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: percent.range, context: { diagnostics: [percent] },
    });
    const fix = actions.find((a) => a.title === 'Add `%`');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: { line: 5, character: 60 }, end: { line: 5, character: 60 } }, newText: '%' }]);

    // `recom` then nothing: making it `recommend` would leave the rule without an intervention, so no fix.
    const verb = full.find((d) => String(d.message).includes('`recom`'))!;
    const verbActions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: verb.range, context: { diagnostics: [verb] },
    });
    assert.deepEqual(verbActions.filter((a) => a.diagnostics?.some((d) => d.message === verb.message)).map((a) => a.title), []);

    // With the rule complete, the case is run again and its failure is reported.
    const complete = text.replace('agreement 85', 'agreement 85%').replace('then recom\n', 'then recommend surgery\n');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: complete }] });
    await client.diagnostics(uri, () => seen.filter((p) => p.version === 2).length >= 2, 30_000);
    const after = seen.filter((p) => p.version === 2)[1].diagnostics;
    assert.deepEqual(after.filter((d) => d.severity === 1).map((d) => d.code), ['case-failed']);

    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
  });
});
