// The stdio framing. Reading: messages split across chunks anywhere (inside a header,
// inside a character of several bytes) are read whole and in order, every message a chunk
// completes is delivered in that chunk's turn, and a bad frame is reported and skipped.
// Writing: each message is one write, at once, that the reader reads back as it was.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node.js';
import { FramedReader, FramedWriter } from '../../server/src/lsp/framing.js';

const frame = (body: object): Buffer => {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`, 'ascii'), bytes]);
};

function reading(): { stream: PassThrough; got: Message[][]; errors: unknown[] } {
  const stream = new PassThrough();
  const reader = new FramedReader(stream);
  const got: Message[][] = [];
  const errors: unknown[] = [];
  let turn: Message[] | undefined;
  reader.onError((e) => errors.push(e));
  reader.listen((m) => {
    if (!turn) {
      turn = [];
      got.push(turn);
      queueMicrotask(() => (turn = undefined));
    }
    turn.push(m);
  });
  return { stream, got, errors };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the stdio reader', () => {
  const messages = [
    { jsonrpc: '2.0', method: 'textDocument/didChange', params: { text: 'é😀 rule r when age >= 3' } },
    { jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: {} },
    { jsonrpc: '2.0', method: 'exit' },
  ];
  const bytes = Buffer.concat(messages.map(frame));

  it('reads messages split at any byte, in order', async () => {
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const { stream, got, errors } = reading();
      stream.write(bytes.subarray(0, cut));
      await tick();
      stream.write(bytes.subarray(cut));
      await tick();
      assert.deepEqual(got.flat(), messages, `cut at ${cut}`);
      assert.deepEqual(errors, []);
    }
  });

  it('delivers the messages of one chunk in one turn', async () => {
    const { stream, got } = reading();
    stream.write(bytes);
    await tick();
    assert.deepEqual(got.map((turn) => turn.length), [3]);
  });

  for (const [what, bad] of [
    ['a message without a length', 'X-Nothing: 1\r\n\r\n'],
    ['a body that is not JSON', 'Content-Length: 3\r\n\r\n{{{'],
  ]) {
    it(`reports ${what} and reads on`, async () => {
      const { stream, got, errors } = reading();
      stream.write(Buffer.concat([Buffer.from(bad, 'ascii'), frame(messages[1])]));
      await tick();
      assert.equal(errors.length, 1);
      assert.deepEqual(got.flat(), [messages[1]]);
    });
  }

  it('writes each message in one write, at once, as the reader reads it back', async () => {
    const out = new PassThrough();
    const writes: Buffer[] = [];
    out.on('data', (chunk: Buffer) => writes.push(chunk));
    const writer = new FramedWriter(out);
    for (const m of messages) void writer.write(m as Message);
    await tick();
    assert.equal(writes.length, messages.length);
    const { stream, got } = reading();
    stream.write(Buffer.concat(writes));
    await tick();
    assert.deepEqual(got.flat(), messages);
  });
});
