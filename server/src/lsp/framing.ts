// The base protocol's framing over a stream (`Content-Length` headers, UTF-8 JSON bodies),
// both ways. Reading: every message a chunk completes is delivered in the same turn; the
// protocol library's reader decodes each message in a turn of its own, so a burst sent in
// one write reached the look-ahead one message at a time and could not be seen whole
// (burst.ts). Writing: a message is one write, made when it is sent; the library's writer
// takes a turn per message and writes its header and body apart, so nothing else could be
// written beside it (the transport answers overtaken requests itself) and in a burst the
// answers waited behind the work between those turns.
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message, type MessageWriter } from 'vscode-languageserver/node.js';

const headerEnd = Buffer.from('\r\n\r\n');

export class FramedReader extends AbstractMessageReader {
  /** Bytes read and not yet delivered, joined only once a whole message is there. */
  private chunks: Buffer[] = [];
  private size = 0;
  /** Where the body of the message at the front starts and ends, once its headers are read. */
  private body: { start: number; end: number } | undefined;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  /** Whether bytes of a message whose end has not arrived are held. */
  get midMessage(): boolean {
    return this.size > 0;
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => {
      this.chunks.push(chunk);
      this.size += chunk.length;
      for (const message of this.complete()) callback(message);
    };
    const onError = (error: unknown): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('close', onClose);
      },
    };
  }

  /** The messages now complete, in order. */
  private complete(): Message[] {
    const out: Message[] = [];
    for (;;) {
      if (this.body === undefined) {
        const bytes = this.joined();
        const end = bytes.indexOf(headerEnd);
        if (end < 0) break;
        const headers = bytes.toString('ascii', 0, end);
        const length = /(?:^|\r\n)content-length:\s*(\d+)/i.exec(headers);
        if (!length) {
          this.fireError(new Error(`A message without a Content-Length header: ${JSON.stringify(headers.slice(0, 200))}`));
          this.keep(bytes.subarray(end + headerEnd.length));
          continue;
        }
        this.body = { start: end + headerEnd.length, end: end + headerEnd.length + Number(length[1]) };
      }
      if (this.size < this.body.end) break;
      const bytes = this.joined();
      const text = bytes.toString('utf8', this.body.start, this.body.end);
      this.keep(bytes.subarray(this.body.end));
      this.body = undefined;
      try {
        out.push(JSON.parse(text) as Message);
      } catch (error) {
        this.fireError(error);
      }
    }
    return out;
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
  }
}

export class FramedWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.stream.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    return Promise.resolve();
  }

  end(): void {
    this.stream.end();
  }
}
