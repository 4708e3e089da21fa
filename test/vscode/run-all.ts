// `npm run test:vscode` (after `npm run package`): the extension-host suite from the
// source folder, then the UI test against the installed .vsix. Both run even when the
// first fails, so one run shows everything; the exit code is 1 if either failed.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const parts = [
  { name: 'extension-host suite (code-server)', script: 'launch-code-server.js', limitMs: 45 * 60_000 },
  { name: 'UI test (installed .vsix)', script: 'ui.js', limitMs: 45 * 60_000 },
];

const results = parts.map((part) => {
  console.log(`\n=== ${part.name} ===`);
  const started = Date.now();
  // Each part has its own watchdog; this limit only catches a part that ignores it.
  const run = spawnSync(process.execPath, [path.join(__dirname, part.script)], { stdio: 'inherit', timeout: part.limitMs, killSignal: 'SIGTERM' });
  const ok = run.status === 0;
  return { ...part, ok, seconds: (Date.now() - started) / 1000, detail: run.error ? ` (${run.error.message})` : run.signal ? ` (${run.signal})` : '' };
});

console.log('\n=== test:vscode summary ===');
for (const r of results) console.log(`${r.ok ? 'PASSED' : 'FAILED'}  ${r.name} in ${r.seconds.toFixed(0)} s${r.detail}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
