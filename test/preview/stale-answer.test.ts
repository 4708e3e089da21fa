// A tree answer for a superseded version is dropped by the panel: the server answers such a
// request with LSP's RequestCancelled or ContentModified, and the panel recognises both
// (the server side is in test/protocol/tree-request.test.ts, the webview's in test/browser).
import * as assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isStaleAnswer } from '../../client/src/preview/tree-source.js';

describe('a stale tree answer', () => {
  it('is recognised by its error code, as the language client delivers it', () => {
    assert.equal(isStaleAnswer(new ResponseError(LSPErrorCodes.ContentModified, 'The document changed')), true);
    assert.equal(isStaleAnswer(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled')), true);
  });

  it('is not confused with a real failure', () => {
    for (const err of [new ResponseError(-32603, 'internal error'), new Error('boom'), undefined, null, 'text', { code: '-32801' }]) {
      assert.equal(isStaleAnswer(err), false, String(err));
    }
  });
});
