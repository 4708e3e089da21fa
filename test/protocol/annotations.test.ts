// Semantic tokens, inlay hints, code lens and the Testing view's case requests through the
// built server; 10,000 cases list and run without hanging the server.
import * as assert from 'node:assert/strict';
import type { CodeLens, InlayHint, InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { listCasesMethod, runCasesMethod, type ListCasesResult, type RunCasesResult } from '../../server/src/protocol.js';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/annotated.guideline';
const head = `attribute age: years
intervention x
statement S { basis evidence strength strong certainty high votes A 9, B 0, C 1
  rule r when age < 780 months then recommend x }
`;
const text = `${head}case "young" { given age = 50 years expect recommend x }
case "old" { given age = 70 years expect recommend x }
`;

describe('semantic tokens, inlay hints, code lens and cases over stdio', function () {
  this.timeout(120_000);
  let client: TestClient;
  let init: InitializeResult;
  before(async () => {
    client = new TestClient();
    init = await client.initialize();
  });
  after(() => client.kill());

  it('answers each request from the analysis of the open document', async () => {
    const legend = init.capabilities.semanticTokensProvider?.legend;
    assert.ok(legend && init.capabilities.inlayHintProvider && init.capabilities.codeLensProvider);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri);

    const tokens = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    // The first token: `age`, declared on line 0 at column 10, a property.
    assert.deepEqual(tokens.data.slice(0, 5), [0, 10, 3, legend.tokenTypes.indexOf('property'), 1]);

    const hints = await client.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[2, ' = 90% agreement'], [3, ' = 65 years']]);

    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [2, '1 rule · 1 case', ''],
      [4, '$(play) Run', 'guideline.runCase'], [4, '$(pass) passed', ''],
      [5, '$(play) Run', 'guideline.runCase'], [5, '$(error) failed: 1 expectation', ''],
    ]);
    assert.deepEqual(lenses[1].command?.arguments, [uri, 'young']);

    const listed = await client.connection.sendRequest<ListCasesResult>(listCasesMethod, { uris: [uri] });
    assert.deepEqual(listed.files.map((f) => [f.uri, f.cases.map((c) => c.id)]), [[uri, ['young', 'old']]]);
    const run = await client.connection.sendRequest<RunCasesResult>(runCasesMethod, { uri, ids: ['old'] });
    assert.equal(run.results.length, 1);
    assert.deepEqual(run.results[0].failures.map((f) => [f.range.start.line, f.expected, f.actual]), [[5, 'recommend x', 'nothing']]);
  });

  it('lists and runs 10,000 cases, and still answers afterwards', async () => {
    const many = 'file:///virtual/many.guideline';
    let big = head;
    for (let i = 0; i < 10_000; i++) big += `case "c${i}" { given age = ${i % 100} years expect recommend x }\n`;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: many, languageId: 'guideline', version: 1, text: big } });
    const listed = await client.connection.sendRequest<ListCasesResult>(listCasesMethod, { uris: [many] });
    assert.equal(listed.files[0].cases.length, 10_000);
    const run = await client.connection.sendRequest<RunCasesResult>(runCasesMethod, { uri: many });
    assert.equal(run.results.length, 10_000);
    assert.equal(run.results.filter((r) => !r.passed).length, 3_500);
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 5);
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
  });
});
