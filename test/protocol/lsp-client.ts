// A minimal LSP client over stdio for tests: spawns the built server the way an editor
// does and waits for the notifications it expects, each with a bounded timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers.js';

/** The built server, or another build named by GUIDELINE_SERVER (the bench compares two builds in one run that way). */
export function serverPath(): string {
  return process.env.GUIDELINE_SERVER || path.join(repoRoot, 'dist', 'server.js');
}

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  /** Called with every publication as it arrives (the bench times them). */
  readonly listeners: ((p: PublishDiagnosticsParams) => void)[] = [];

  /** `nodeArgs`: flags for the server's Node (`--expose-gc` for the memory tests). */
  constructor(nodeArgs: readonly string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, serverPath(), '--stdio'], { stdio: 'pipe' });
    this.process.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.listeners.forEach((l) => l(p));
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.listen();
  }

  /**
   * The handshake an editor starts with: `initialize`, then `initialized`. With `settings`
   * (the `guideline` section), the client offers workspace/configuration and resolves once
   * the server has asked for them.
   */
  async initialize(workspaceFolders: { uri: string; name: string }[] | null = null, settings?: Record<string, unknown>): Promise<InitializeResult> {
    let asked: Promise<void> = Promise.resolve();
    if (settings) {
      asked = new Promise((resolve) => {
        this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
          resolve();
          return p.items.map(() => settings);
        });
      });
      this.connection.onRequest('client/registerCapability', () => null);
    }
    const capabilities = settings ? { workspace: { configuration: true } } : {};
    const result = await this.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, workspaceFolders, capabilities });
    await this.connection.sendNotification('initialized', {});
    await asked;
    return result;
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`)), timeoutMs);
      const check = (): void => {
        const found = this.published.find((p) => p.uri === uri && accept(p));
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  exited(timeoutMs = 5_000): Promise<number | null> {
    if (this.process.exitCode !== null) return Promise.resolve(this.process.exitCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not exit')), timeoutMs);
      this.process.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  /**
   * Writes `messages` to the server in one write, so that it reads them together (a
   * request and its cancellation, say), and resolves with the server's answers to those
   * with an id, read off its output beside the connection (which ignores answers to ids it
   * did not send).
   */
  async sendTogether(messages: readonly object[]): Promise<Map<number, TogetherAnswer>> {
    const ids = new Set(messages.map((m) => (m as { id?: unknown }).id).filter((id): id is number => typeof id === 'number'));
    const answers = new Map<number, TogetherAnswer>();
    const frames = new FrameReader();
    const written = performance.now();
    return new Promise((resolve) => {
      const onData = (chunk: Buffer): void => {
        for (const body of frames.push(chunk)) {
          const m = JSON.parse(body) as { id?: unknown; method?: unknown; result?: unknown; error?: { code: number } };
          if (typeof m.id !== 'number' || m.method !== undefined || !ids.has(m.id)) continue;
          answers.set(m.id, { ...m, ms: performance.now() - written });
          if (answers.size === ids.size) {
            this.process.stdout!.off('data', onData);
            resolve(answers);
          }
        }
      };
      this.process.stdout!.on('data', onData);
      this.process.stdin!.write(Buffer.concat(messages.map(frame)));
    });
  }

  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** The server's answer to a request sent with others, and when it came: ms after they were written. */
export interface TogetherAnswer {
  readonly result?: unknown;
  readonly error?: { code: number };
  readonly ms: number;
}

/** A message as the base protocol frames it. */
function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** The bodies of the base protocol's frames, as the chunks that carry them come in. */
class FrameReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const bodies: string[] = [];
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return bodies;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (!Number.isFinite(length) || this.buffer.length < start + length) return bodies;
      bodies.push(this.buffer.subarray(start, start + length).toString('utf8'));
      this.buffer = this.buffer.subarray(start + length);
    }
  }
}
