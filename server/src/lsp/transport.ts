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
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';
import { condensed, trailingRequests } from './burst.js';
import { FramedReader, FramedWriter } from './framing.js';

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
  /** Requests read last while a message was still arriving: held until it is read (or a moment passes), which may overtake them. */
  private held: Message[] = [];
  private release: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly inner: MessageReader,
    private readonly received: ReceivedVersions,
    private readonly reply: (message: Message) => void,
    /** Whether the reader holds the start of a message whose end has not arrived (more of a burst is on its way). */
    private readonly midMessage: () => boolean = () => false,
  ) {}
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
    const deliver = (messages: readonly Message[]): void => {
      for (const m of messages) {
        this.received.note(m);
        callback(m);
      }
    };
    return this.inner.listen((message) => {
      this.batch.push(message);
      if (this.batch.length > 1) return;
      queueMicrotask(() => {
        clearTimeout(this.release);
        const read = [...this.held, ...this.batch];
        this.batch = [];
        const out = condensed(read, this.reply);
        // A burst cut by the end of a chunk: its last requests wait for the next chunk,
        // whose edits may overtake them, rather than for the edits queued before them.
        const kept = this.midMessage() ? out.length - trailingRequests(out) : out.length;
        this.held = out.slice(kept);
        deliver(out.slice(0, kept));
        if (this.held.length > 0) {
          this.release = setTimeout(() => {
            const held = this.held;
            this.held = [];
            deliver(held);
          }, heldAtMostMs);
        }
      });
    });
  }
  dispose(): void {
    clearTimeout(this.release);
    this.inner.dispose();
  }
}

/** How long a request is held for the rest of a message that is arriving. */
const heldAtMostMs = 20;

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
  const writer = new FramedWriter(process.stdout);
  const framed = new FramedReader(process.stdin);
  return {
    reader: new LookAheadReader(framed, received, (m) => void writer.write(m), () => framed.midMessage),
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
