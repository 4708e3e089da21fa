// The connection's transport, read through a look-ahead that notes each document change
// as it arrives, before the connection gets round to applying it (it dispatches one
// message per turn of the event loop, so in a burst of edits many wait in its queue). The
// requests and the publisher use it to skip work on a version that is already outdated:
// a request behind which an edit to its document is waiting is answered ContentModified,
// and the quick stage is not computed for a version an edit has overtaken. What is read
// together is condensed first (burst.ts): a request an edit read with it overtakes is
// answered here, and the edits to a document in a row reach the connection as one.
import { format } from 'node:util';
import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';
import { condensed } from './burst.js';
import { FramedReader } from './framed-reader.js';

/**
 * The newest document versions received, by URI, whether or not they have been applied
 * yet; and how many messages wait in the connection's queue, not yet dispatched.
 */
export class ReceivedVersions {
  private readonly versions = new Map<string, number>();
  private received = 0;
  private dispatched = 0;

  /** Counts each message as the connection dispatches it (its `messageStrategy`). */
  readonly strategy = {
    handleMessage: (message: Message, next: (message: Message) => void): void => {
      this.dispatched++;
      next(message);
    },
  };

  /** Whether messages have been read that the connection has not dispatched yet. */
  get waiting(): boolean {
    return this.dispatched < this.received;
  }

  note(message: Message): void {
    // A cancellation may be consumed on arrival, never dispatched: it is not counted.
    if ((message as { method?: string }).method !== '$/cancelRequest') this.received++;
    const m = message as { method?: string; params?: { textDocument?: { uri?: unknown; version?: unknown } } };
    const doc = m.params?.textDocument;
    if (typeof doc?.uri !== 'string') return;
    if (m.method === 'textDocument/didChange' || m.method === 'textDocument/didOpen') {
      if (typeof doc.version === 'number') this.versions.set(doc.uri, doc.version);
    } else if (m.method === 'textDocument/didClose') this.versions.delete(doc.uri);
  }

  /** Whether a change to `uri` newer than `version` has been received (applied or still waiting). */
  overtaken(uri: string, version: number | undefined): boolean {
    const received = this.versions.get(uri);
    return version !== undefined && received !== undefined && received > version;
  }
}

class LookAheadReader implements MessageReader {
  private batch: Message[] = [];

  constructor(private readonly inner: MessageReader, private readonly received: ReceivedVersions, private readonly reply: (message: Message) => void) {}
  get onError(): MessageReader['onError'] {
    return this.inner.onError;
  }
  get onClose(): MessageReader['onClose'] {
    return this.inner.onClose;
  }
  get onPartialMessage(): MessageReader['onPartialMessage'] {
    return this.inner.onPartialMessage;
  }
  /**
   * The messages read together (one chunk of the stream, or the messages of one read of
   * the IPC channel, delivered before the microtasks run) are looked at together before
   * the connection gets them (burst.ts).
   */
  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      this.batch.push(message);
      if (this.batch.length === 1) {
        queueMicrotask(() => {
          const read = this.batch;
          this.batch = [];
          for (const m of condensed(read, this.reply)) {
            this.received.note(m);
            callback(m);
          }
        });
      }
    });
  }
  dispose(): void {
    this.inner.dispose();
  }
}

export interface Transport {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** Called once the connection exists, to route `console.log` to it when stdout carries the protocol. */
  readonly attach: (log: (message: string) => void, exit: () => void) => void;
}

/**
 * The transport the command line asks for (`--stdio` or `--node-ipc`), read through the
 * look-ahead; undefined for the others (sockets, pipes), which the connection then opens
 * itself, without look-ahead.
 */
export function lookAheadTransport(argv: readonly string[], received: ReceivedVersions): Transport | undefined {
  if (argv.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    return { reader: new LookAheadReader(new IPCMessageReader(process), received, (m) => void writer.write(m)), writer, attach: () => undefined };
  }
  if (!argv.includes('--stdio')) return undefined;
  const writer = new StreamMessageWriter(process.stdout);
  return {
    reader: new LookAheadReader(new FramedReader(process.stdin), received, (m) => void writer.write(m)),
    writer,
    attach: (log, exit) => {
      // stdout carries the protocol: anything printed there would corrupt it.
      console.log = console.info = console.debug = (...args: unknown[]) => log(format(...args));
      // The editor went away: nothing is left to serve.
      process.stdin.on('end', exit);
      process.stdin.on('close', exit);
    },
  };
}
