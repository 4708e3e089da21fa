// Runs the same extension-host suite in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code (or have it: set VSCODE_EXECUTABLE). On Linux without
// a display, run it under `xvfb-run -a`.
//
//   npm run test:vscode:electron
//   VSCODE_VERSION=1.91.0 npm run test:vscode:electron   (the oldest VS Code we support)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { runMain, withDeadline } from './deadline.js';
import { prepareWorkspace, repoRoot, writeUserSettings } from './workspace-setup.js';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const cacheDir = path.join(repoRoot, '.cache');

async function vscodeExecutable(): Promise<string> {
  const local = process.env.VSCODE_EXECUTABLE;
  if (local) {
    if (!fs.existsSync(local)) throw new Error(`VSCODE_EXECUTABLE=${local} does not exist`);
    return local;
  }
  const version = process.env.VSCODE_VERSION ?? 'stable';
  try {
    return await withDeadline(
      downloadAndUnzipVSCode({ version, cachePath: path.join(cacheDir, 'vscode-test'), timeout: 30_000 }),
      DOWNLOAD_TIMEOUT_MS,
      `downloading VS Code ${version}`,
    );
  } catch (err) {
    throw new Error(
      `Could not download VS Code ${version}: ${err instanceof Error ? err.message : String(err)}\n` +
        '  This launcher needs access to update.code.visualstudio.com (or VSCODE_EXECUTABLE set to an installed VS Code).\n' +
        '  Without it, run the same suite in code-server: npm run test:vscode',
    );
  }
}

async function main(): Promise<number> {
  const suite = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: build first (npm run build)`);
  const executable = await vscodeExecutable();

  const run = path.join(cacheDir, 'runs', 'electron');
  fs.rmSync(run, { recursive: true, force: true });
  const workspace = prepareWorkspace(path.join(run, 'workspace'));
  const userData = path.join(run, 'user-data');
  writeUserSettings(userData);
  const started = Date.now();
  try {
    // VS Code's own exit code is the suite's: 0 when every test passed.
    const code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', path.join(run, 'extensions'), '--disable-extensions', '--disable-workspace-trust'],
    });
    console.log(`desktop VS Code: suite ran in ${((Date.now() - started) / 1000).toFixed(1)} s: ${code === 0 ? 'PASSED' : 'FAILED'}`);
    return code;
  } catch (err) {
    console.error(`desktop VS Code: the suite failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

runMain('test:vscode:electron', 30 * 60_000, main, async () => undefined);
