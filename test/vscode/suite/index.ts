// The extension-host test runner. VS Code (desktop through @vscode/test-electron, or
// code-server) loads this file inside its extension host and calls `run()`; it runs every
// *.e2e.js beside it with mocha and rejects when a test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

export async function run(): Promise<void> {
  // mocha 12 is an ES module; import() loads it in any extension host.
  const { default: Mocha } = await import('mocha');
  const grep = process.env.GUIDELINE_E2E_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: 'spec',
    ...(grep ? { grep } : {}),
  });
  // The launcher names a file for the report: in code-server the extension host's console
  // only reaches the browser's log, as format strings.
  const report = process.env.GUIDELINE_E2E_REPORT;
  if (report) {
    const print = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
      fs.appendFileSync(report, `${format(...data)}\n`);
      print(...data);
    };
  }
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  if (files.length === 0) throw new Error(`no *.e2e.js test files in ${__dirname}`);
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  if (failures > 0) throw new Error(`${failures} extension-host test${failures === 1 ? '' : 's'} failed`);
}
