// A request handler yields before computing and before answering: a cancellation that
// arrives meanwhile turns the answer into the cancellation error, never results.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { unlessCancelled } from '../../server/src/lsp/cancel.js';

describe('cancelled requests', () => {
  it('are answered with the cancellation error when cancelled before they compute', async () => {
    const source = new CancellationTokenSource();
    let computed = false;
    const answer = unlessCancelled(source.token, () => (computed = true));
    source.cancel();
    const result = await answer;
    assert.ok(result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled);
    assert.equal(computed, false);
  });

  it('are answered with the cancellation error when cancelled while they compute', async () => {
    const source = new CancellationTokenSource();
    const result = await unlessCancelled(source.token, () => {
      source.cancel();
      return 'results';
    });
    assert.ok(result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled);
  });

  it('are answered with results when not cancelled', async () => {
    assert.equal(await unlessCancelled(new CancellationTokenSource().token, () => 'results'), 'results');
  });
});
