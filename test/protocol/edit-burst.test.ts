// A burst of 1,000 random incremental edits sent without waiting: the server stays alive,
// its last diagnostics are exactly what `guideline check` reports for the final text, and
// its memory comes back down once the burst is over.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { random } from '../bench/generate.js';
import { repoRoot, samplesDir } from '../helpers.js';
import { TestClient } from './lsp-client.js';

const EDITS = 1000;
const words = [' and ', ' or ', ' not ', 'stage', ' = ', '{', '}', '(', ')', '"', '\n', 'rule r when ', ' then recommend ', '%', '3', ' x', '\u00e9', '😀'];

/** Resident memory of a process in MB, from /proc. */
function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const severities = ['', 'error', 'warning', 'information', 'hint'];

describe('a burst of edits', function () {
  this.timeout(240_000);
  let client: TestClient;
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-burst-'));
    for (const f of fs.readdirSync(samplesDir)) fs.copyFileSync(path.join(samplesDir, f), path.join(dir, f));
    client = new TestClient();
  });
  after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stays alive, ends with the diagnostics `guideline check` gives, and gives its memory back', async () => {
    await client.initialize();
    const file = path.join(dir, 'hcc-conversion-2021.guideline');
    const uri = pathToFileURL(file).href;
    let doc = TextDocument.create(uri, 'guideline', 1, fs.readFileSync(file, 'utf8'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text: doc.getText() } });
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    const pid = client.process.pid!;
    const before = residentMb(pid);

    const rnd = random(1000);
    const sends: Promise<void>[] = [];
    for (let v = 2; v <= EDITS + 1; v++) {
      const length = doc.getText().length;
      const at = Math.floor(rnd() * length);
      const deleting = rnd() < 0.4;
      const end = deleting ? Math.min(length, at + 1 + Math.floor(rnd() * 5)) : at;
      const text = deleting ? '' : words[Math.floor(rnd() * words.length)];
      const range = { start: doc.positionAt(at), end: doc.positionAt(end) };
      doc = TextDocument.update(doc, [{ range, text }], v);
      sends.push(client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] }));
    }
    await Promise.all(sends);
    const last = await client.diagnostics(uri, (p) => p.version === EDITS + 1, 120_000);
    const peak = residentMb(pid);

    // Alive: it still answers a request.
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');

    // The same findings as a fresh check of the final text.
    fs.writeFileSync(file, doc.getText());
    let out: string;
    try {
      out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    } catch (err) {
      out = String((err as { stdout?: string }).stdout ?? '');
    }
    const cli = (JSON.parse(out) as { diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[] }[])[0].diagnostics;
    const fromCli = cli.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`);
    const fromServer = last.diagnostics.map((d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severities[d.severity ?? 1]} ${String(d.code)} ${d.message}`);
    assert.ok(fromCli.length > 0);
    assert.deepEqual(fromServer, fromCli);

    // Memory: after the burst and a moment idle, resident memory is back near where it started.
    await new Promise((r) => setTimeout(r, 2000));
    const after = residentMb(pid);
    assert.ok(after < before + 200, `resident memory ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the end of the burst, ${after.toFixed(0)} MB after`);
    assert.equal(client.process.exitCode, null);
  });
});
