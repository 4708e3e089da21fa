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

  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
