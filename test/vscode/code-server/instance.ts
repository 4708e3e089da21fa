// One code-server for one test run: its own home, temp, config and data folders under the
// run folder (nothing written to the real home or /tmp), its own process group so that
// stopping it stops the extension host, the language server and the file watcher too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { CodeServerInstall } from './install.js';

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunFolders {
  root: string;
  userData: string;
  extensions: string;
  log: string;
}

export function runFolders(root: string): RunFolders {
  return { root, userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions'), log: path.join(root, 'code-server.log') };
}

/** The environment that keeps code-server (and what it starts) inside the run folder. */
function environment(install: CodeServerInstall, root: string): NodeJS.ProcessEnv {
  const dirs = { HOME: 'home', TMPDIR: 'tmp', XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache' };
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${install.nodeBin}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const [name, dir] of Object.entries(dirs)) {
    env[name] = path.join(root, dir);
    fs.mkdirSync(env[name]!, { recursive: true });
  }
  // Variables of an enclosing `npm run` or VS Code would leak into the extension host.
  for (const name of Object.keys(env)) {
    if (/^(npm_|VSCODE_)/i.test(name) || ['ELECTRON_RUN_AS_NODE', 'NODE', 'INIT_CWD'].includes(name)) delete env[name];
  }
  return env;
}

function commonArgs(folders: RunFolders): string[] {
  return [
    '--config', path.join(folders.root, 'config.yaml'),
    '--user-data-dir', folders.userData,
    '--extensions-dir', folders.extensions,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/** `code-server --install-extension file.vsix` into the run's extensions folder. */
export function installExtension(install: CodeServerInstall, folders: RunFolders, vsix: string): string {
  const result = spawnSync(install.codeServer, [...commonArgs(folders), '--install-extension', vsix], {
    env: environment(install, folders.root),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return output;
}

export function listExtensions(install: CodeServerInstall, folders: RunFolders): string[] {
  const result = spawnSync(install.codeServer, [...commonArgs(folders), '--list-extensions', '--show-versions'], {
    env: environment(install, folders.root),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error || result.status !== 0) throw new Error(`code-server --list-extensions failed: ${result.stderr ?? result.error?.message}`);
  return result.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class CodeServer {
  private exited = false;
  private readonly exitListeners: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly folders: RunFolders,
  ) {
    child.once('exit', () => {
      this.exited = true;
      for (const listener of this.exitListeners.splice(0)) listener();
    });
    // If this process dies first, take the whole group with it.
    process.once('exit', this.killGroupNow);
  }

  /** Starts code-server on a free port with `workspace` open and waits until it is healthy. */
  static async start(install: CodeServerInstall, folders: RunFolders, workspace: string, extraArgs: string[] = []): Promise<CodeServer> {
    const port = await freePort();
    fs.mkdirSync(folders.root, { recursive: true });
    fs.writeFileSync(path.join(folders.root, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const log = fs.openSync(folders.log, 'a');
    const child = spawn(
      install.codeServer,
      [
        ...commonArgs(folders),
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...extraArgs,
        workspace,
      ],
      // detached: a new session and process group (setsid), so the group can be stopped whole.
      { env: environment(install, folders.root), stdio: ['ignore', log, log], detached: true },
    );
    fs.closeSync(log);
    const server = new CodeServer(child, `http://127.0.0.1:${port}`, folders);
    try {
      await server.waitHealthy();
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  private async waitHealthy(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`code-server exited while starting; see ${this.folders.log}:\n${tail(this.folders.log)}`);
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`code-server did not answer ${this.url}/healthz within ${START_TIMEOUT_MS / 1000} s; see ${this.folders.log}:\n${tail(this.folders.log)}`);
  }

  private readonly killGroupNow = (): void => {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  /** Stops code-server's whole process group: TERM, then KILL if it lingers. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.killGroupNow);
    const pid = this.child.pid;
    if (pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-pid, signal);
      } catch {
        // the group is gone
      }
    };
    signalGroup('SIGTERM');
    if (!this.exited) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
        this.exitListeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    // The leader may be gone while children (extension host, language server) remain.
    signalGroup('SIGKILL');
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
