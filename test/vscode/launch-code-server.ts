// Runs the extension-host suite (test/vscode/suite) in real VS Code: code-server with the
// extension loaded from this folder (extensionDevelopmentPath), opened in headless
// Chromium. The suite's exit code is this process's exit code.
//
//   npm run test:vscode          (installs code-server into .cache/ on first use)
//   GUIDELINE_E2E_GREP=hover ... (runs only the tests whose names match)
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { openBrowser, chromiumPath } from './code-server/browser.js';
import { ensureCodeServer, cacheDir } from './code-server/install.js';
import { CodeServer, runFolders, tail } from './code-server/instance.js';
import { runMain, withDeadline } from './deadline.js';
import { prepareWorkspace, repoRoot, writeUserSettings } from './workspace-setup.js';

const SUITE_TIMEOUT_MS = 8 * 60_000;

let server: CodeServer | undefined;
let browser: BrowserContext | undefined;

/** Prints what is appended to a file (the suite's report) while the suite runs. */
class Follower {
  private printed = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly file: string) {
    this.timer = setInterval(() => this.flush(), 250);
  }

  flush(): void {
    const text = fs.readFileSync(this.file, 'utf8');
    if (text.length > this.printed) process.stdout.write(text.slice(this.printed));
    this.printed = text.length;
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}

let follower: Follower | undefined;

async function main(): Promise<number> {
  chromiumPath(); // fail early, with the install command, when Chromium is missing
  let t = Date.now();
  const install = ensureCodeServer();
  const installSeconds = (Date.now() - t) / 1000;

  const folders = runFolders(path.join(cacheDir, 'runs', 'extension-host'));
  fs.rmSync(folders.root, { recursive: true, force: true });
  const workspace = prepareWorkspace(path.join(folders.root, 'workspace'));
  writeUserSettings(folders.userData);
  const suite = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: build first (npm run build)`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: build first (npm run build)');

  // The suite writes mocha's report here (see suite/index.ts); print it as it grows.
  const report = path.join(folders.root, 'report.txt');
  fs.writeFileSync(report, '');
  process.env.GUIDELINE_E2E_REPORT = report;
  follower = new Follower(report);

  t = Date.now();
  // The smoke-test driver option makes the web workbench honour the test payload below.
  server = await CodeServer.start(install, folders, workspace, ['--vscode-option', 'enable-smoke-test-driver']);
  const remote = (p: string): string => `vscode-remote://${new URL(server!.url).host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(suite)],
  ];
  browser = await openBrowser(folders.root);
  const page = browser.pages()[0] ?? (await browser.newPage());

  const workbenchLog: string[] = [];
  const exitCode = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (level: string, message: string) => workbenchLog.push(`[${level}] ${message}`));
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));

  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { timeout: 60_000 });
  let code: number;
  try {
    code = await withDeadline(exitCode, SUITE_TIMEOUT_MS, 'the extension-host suite did not finish');
  } finally {
    follower.stop();
    fs.writeFileSync(path.join(folders.root, 'workbench.log'), workbenchLog.join('\n'));
  }
  const suiteSeconds = (Date.now() - t) / 1000;
  console.log(`\ncode-server ${installSeconds > 5 ? `installed in ${installSeconds.toFixed(0)} s, ` : ''}suite ran in ${suiteSeconds.toFixed(1)} s: ${code === 0 ? 'PASSED' : `FAILED (exit code ${code})`}`);
  if (code !== 0) {
    console.log(`Logs: ${folders.root} (code-server.log, workbench.log, report.txt)`);
    // No report at all means the suite never ran: the server's log says why.
    if (fs.readFileSync(report, 'utf8').trim() === '') console.log(tail(folders.log, 30));
  }
  return code;
}

runMain('test:vscode', 15 * 60_000 + 30 * 60_000 /* first run includes the install */, main, async () => {
  follower?.stop();
  await browser?.close().catch(() => undefined);
  await server?.stop();
});
