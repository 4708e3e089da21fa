// Condensing what is read together: a request is answered ContentModified only when an edit
// to its own document comes after it; edits in a row to one document become one, in order,
// with the last version; anything between two edits keeps them apart.
import * as assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node.js';
import { condensed } from '../../server/src/lsp/burst.js';

const edit = (uri: string, version: number, text: string) => ({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text }] } });
const hover = (id: number, uri: string) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } });
const run = (messages: object[]) => {
  const replies: Message[] = [];
  const out = condensed(messages as Message[], (m) => replies.push(m));
  return { out: out as unknown as Record<string, unknown>[], replies: replies as unknown as { id: number; error: { code: number } }[] };
};

describe('condensing messages read together', () => {
  it('answers a request an edit to its document overtakes, and merges the edits around it', () => {
    const { out, replies } = run([edit('a', 2, 'x'), hover(1, 'a'), edit('a', 3, 'y'), hover(2, 'a')]);
    assert.deepEqual(replies.map((r) => [r.id, r.error.code]), [[1, -32801]]);
    assert.deepEqual(out, [
      { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'a', version: 3 }, contentChanges: [{ text: 'x' }, { text: 'y' }] } },
      hover(2, 'a'),
    ]);
  });

  it('leaves a request about another document, and keeps the edits on either side of it apart', () => {
    const { out, replies } = run([edit('a', 2, 'x'), hover(1, 'b'), edit('a', 3, 'y')]);
    assert.deepEqual(replies, []);
    assert.deepEqual(out, [edit('a', 2, 'x'), hover(1, 'b'), edit('a', 3, 'y')]);
  });

  it('does not merge edits to different documents, nor answer requests it does not know', () => {
    const other = { jsonrpc: '2.0', id: 5, method: 'guideline/tree', params: { textDocument: { uri: 'a' } } };
    const { out, replies } = run([other, edit('a', 2, 'x'), edit('b', 2, 'y'), edit('b', 3, 'z')]);
    assert.deepEqual(replies, []);
    assert.equal(out.length, 3);
    assert.deepEqual(out[0], other);
    assert.deepEqual((out[2].params as { contentChanges: unknown[] }).contentChanges, [{ text: 'y' }, { text: 'z' }]);
  });

  it('passes a single message as it is', () => {
    const { out } = run([hover(1, 'a')]);
    assert.deepEqual(out, [hover(1, 'a')]);
  });
});
