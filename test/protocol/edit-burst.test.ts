// A burst of 1,000 random incremental edits sent without waiting: the server stays alive,
// its last diagnostics are exactly what `guideline check` reports for the final text, and
// its memory comes back down once the burst is over. Memory is the JavaScript heap after
// a full collection, asked of a server started with `--expose-gc` (see heap-request.ts):
// resident memory depends on when the allocator hands pages back, the live heap does not.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { random } from '../bench/generate.js';
import { repoRoot, samplesDir } from '../helpers.js';
import { TestClient } from './lsp-client.js';

const EDITS = 1000;
const words = [' and ', ' or ', ' not ', 'stage', ' = ', '{', '}', '(', ')', '"', '\n', 'rule r when ', ' then recommend ', '%', '3', ' x', '\u00e9', '😀'];

const WARM_UP = 50;

const severities = ['', 'error', 'warning', 'information', 'hint'];

describe('a burst of edits', function () {
  this.timeout(240_000);
  let client: TestClient;
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-burst-'));
    for (const f of fs.readdirSync(samplesDir)) fs.copyFileSync(path.join(samplesDir, f), path.join(dir, f));
    client = new TestClient(['--expose-gc']);
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
    // The complete diagnostics of a version are its second publication (the first is the quick stage).
    const publications: PublishDiagnosticsParams[] = [];
    client.listeners.push((p) => void (p.uri === uri && publications.push(p)));
    const ofVersion = (version: number) => publications.filter((p) => p.version === version);
    const complete = async (version: number, timeoutMs: number): Promise<PublishDiagnosticsParams> => {
      await client.diagnostics(uri, () => ofVersion(version).length >= 2, timeoutMs);
      return ofVersion(version)[ofVersion(version).length - 1];
    };
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text: doc.getText() } });

    const rnd = random(1000);
    const sendEdits = (from: number, to: number): Promise<void>[] => {
      const sends: Promise<void>[] = [];
      for (let v = from; v <= to; v++) {
        const length = doc.getText().length;
        const at = Math.floor(rnd() * length);
        const deleting = rnd() < 0.4;
        const end = deleting ? Math.min(length, at + 1 + Math.floor(rnd() * 5)) : at;
        const text = deleting ? '' : words[Math.floor(rnd() * words.length)];
        const range = { start: doc.positionAt(at), end: doc.positionAt(end) };
        doc = TextDocument.update(doc, [{ range, text }], v);
        sends.push(client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] }));
      }
      return sends;
    };
    // A few edits first, so the level before the burst is that of a server already at work
    // (its code compiled, its caches filled), not of one just started.
    await Promise.all(sendEdits(2, WARM_UP + 1));
    await complete(WARM_UP + 1, 60_000);
    const before = await client.connection.sendRequest<number>('guideline/heapAfterGc');

    const last = WARM_UP + 1 + EDITS;
    await Promise.all(sendEdits(WARM_UP + 2, last));
    const final = await complete(last, 120_000);

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
    const fromServer = final.diagnostics.map((d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severities[d.severity ?? 1]} ${String(d.code)} ${d.message}`);
    assert.ok(fromCli.length > 0);
    assert.deepEqual(fromServer, fromCli);

    // Memory: once the burst is over, the live heap is back within 20% of where it was.
    const after = await client.connection.sendRequest<number>('guideline/heapAfterGc');
    const mb = (x: number): string => (x / 2 ** 20).toFixed(1);
    assert.ok(after <= before * 1.2, `heap after a full collection: ${mb(before)} MB before the burst, ${mb(after)} MB after`);
    assert.equal(client.process.exitCode, null);
  });
});
