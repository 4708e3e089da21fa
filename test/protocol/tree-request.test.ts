// The decision tree and statement details requests: over stdio against the built server,
// and the handler's answers to a cancelled request or a document that changed meanwhile.
import * as assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { registerTreeRequests } from '../../server/src/lsp/tree-requests.js';
import { decisionTreeMethod, statementDetailsMethod, type DecisionTreeResult, type SplitNode, type StatementDetails } from '../../server/src/protocol.js';
import { analyzeText } from '../helpers.js';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/tree.guideline';
const text = `enum Stage { I, II }
attribute stage: Stage
intervention surgery
reference 1 "A trial of surgery."
statement S1 "Operate early" {
  text "Operate on stage I."
  basis evidence strength strong certainty high agreement 90%
  cites 1
  rule early when stage = I then recommend surgery
}
decision d "Surgery" { ask stage }
`;

describe('decision tree requests', function () {
  this.timeout(30_000);

  it('serves the tree and statement details over stdio', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
      await client.diagnostics(uri);
      const result = await client.connection.sendRequest<DecisionTreeResult>(decisionTreeMethod, { uri });
      assert.deepEqual(result.decisions, [{ name: 'd', title: 'Surgery' }]);
      const tree = result.tree as SplitNode;
      assert.equal(tree.attribute, 'stage');
      assert.deepEqual(tree.branches.map((b) => [b.label, b.node.kind === 'leaf' && b.node.gap]), [['I', false], ['II', true]]);
      const details = await client.connection.sendRequest<StatementDetails>(statementDetailsMethod, { uri, statement: 'S1' });
      assert.deepEqual(details, { id: 'S1', title: 'Operate early', text: 'Operate on stage I.', citations: ['1. A trial of surgery.'] });
      const none = await client.connection.sendRequest<DecisionTreeResult | null>(decisionTreeMethod, { uri: 'file:///virtual/not-open.guideline' });
      assert.equal(none, null);
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await client.exited(), 0);
    } finally {
      client.kill();
    }
  });

  describe('the handler', () => {
    type Handler = (params: unknown, token: CancellationToken) => Promise<unknown> | unknown;
    const handlers = new Map<string, Handler>();
    const connection = { onRequest: (method: string, h: Handler) => handlers.set(method, h) } as unknown as Connection;
    let version = 1;
    const changedSince = () => {
      const asked = version;
      return () => version !== asked;
    };
    const analysis = analyzeText(text);
    registerTreeRequests(connection, changedSince, () => analysis);
    const token = (cancelled: () => boolean): CancellationToken => ({ get isCancellationRequested() { return cancelled(); }, onCancellationRequested: () => ({ dispose() {} }) });
    const request = (cancelled = () => false) => handlers.get(decisionTreeMethod)!({ uri }, token(cancelled));

    it('answers a current request with the tree', async () => {
      const result = (await request()) as DecisionTreeResult;
      assert.equal((result.tree as SplitNode).attribute, 'stage');
    });

    it('answers a request cancelled before it ran with RequestCancelled', async () => {
      let cancelled = false;
      const pending = request(() => cancelled);
      cancelled = true;
      const result = await pending;
      assert.ok(result instanceof ResponseError);
      assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    });

    it('answers a request whose document changed meanwhile with ContentModified', async () => {
      const pending = request();
      version = 2;
      const result = await pending;
      assert.ok(result instanceof ResponseError);
      assert.equal(result.code, LSPErrorCodes.ContentModified);
    });
  });
});
