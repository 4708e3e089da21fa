// The bench's bad-input run, over stdio against the built server started with
// `--expose-gc`: a 5 MB file, 20,000 rules, a rule whose condition expands to 10,000
// boxes, and a burst of 1,000 edits to the sample. For each: how long the first complete
// diagnostics take, the hover and completion round trips sent right after edits (p95 and
// the slowest), whether the final diagnostics equal what `guideline check` prints for the
// final text, and the live heap after a full collection before and after the edits (from
// a server already at work: after a few edits, as a person opens a file and starts typing).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../protocol/lsp-client.js';
import { generate, random } from './generate.js';
import { percentile } from './measure.js';
import { answered, noAnswers, timed, type Answers } from './lsp-latency.js';
import { readSample, scaledSample } from './scale.js';

export interface BadInputResult {
  readonly name: string;
  readonly bytes: number;
  readonly edits: number;
  /** didOpen -> complete diagnostics, ms. */
  readonly firstComplete: number;
  /** Last edit -> complete diagnostics of the final version, ms. */
  readonly lastComplete: number;
  readonly hover: Answers;
  readonly completion: Answers;
  readonly equalsCheck: boolean;
  readonly diagnostics: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const severities = ['', 'error', 'warning', 'information', 'hint'];
const burstWords = [' and ', ' or ', ' not ', 'stage', ' = ', '{', '}', '(', ')', '"', '\n', 'rule r when ', ' then recommend ', '%', '3', ' x', '\u00e9'];

interface Input {
  readonly name: string;
  readonly file: string;
  readonly files: Record<string, string>;
  /** `typing`: characters typed at 30 ms into a comment in the first statement; `burst`: random edits sent at once. */
  readonly mode: 'typing' | 'burst';
  readonly edits: number;
  /** The longest document analysed (setting guideline.maxDocumentSize), when not the default. */
  readonly maxDocumentSize?: number;
}

/** A rule over 40 flags whose condition is four `or`s of ten, 10,000 boxes once spread out. */
function tenThousandBoxes(): string {
  const flags = Array.from({ length: 40 }, (_, i) => `attribute f${i}: boolean`).join('\n');
  const groups = Array.from({ length: 4 }, (_, g) => `(${Array.from({ length: 10 }, (_, i) => `f${g * 10 + i}`).join(' or ')})`).join(' and ');
  return `${flags}
intervention x
intervention y

statement S1 {
  basis consensus strength weak certainty low agreement 80%
  rule huge when ${groups} then recommend x
  rule small when f0 and not f1 then recommend y
  rule other when f2 then recommend against x
}

decision d { ask f0, f1, f2 }
`;
}

function inputs(repoRoot: string): Input[] {
  const { main, vocabulary } = readSample(repoRoot);
  const withVocabulary = (text: string): Record<string, string> => ({ 'main.guideline': text, 'hcc-vocabulary.guideline': vocabulary });
  const big = scaledSample(main, 5_000_000);
  return [
    { name: 'a 5 MB file (the sample grown), refused', file: 'main.guideline', files: withVocabulary(big), mode: 'typing', edits: 10 },
    { name: 'a 5 MB file, with guideline.maxDocumentSize 8', file: 'main.guideline', files: withVocabulary(big), mode: 'typing', edits: 10, maxDocumentSize: 8 },
    { name: '20,000 rules', file: 'main.guideline', files: { 'main.guideline': generate({ rules: 20_000, attributes: 30 }) }, mode: 'typing', edits: 10 },
    { name: 'a rule of 10,000 boxes', file: 'main.guideline', files: { 'main.guideline': tenThousandBoxes() }, mode: 'typing', edits: 50 },
    { name: 'a burst of 1,000 edits to the sample', file: 'main.guideline', files: withVocabulary(main), mode: 'burst', edits: 1000 },
  ];
}

/** `guideline check --format json` of a file, as `line:col-line:col severity code message` strings. */
function checked(repoRoot: string, file: string, flags: readonly string[]): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', file, '--format', 'json', ...flags], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  } catch (err) {
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  const diagnostics = (JSON.parse(out) as { diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[] }[])[0].diagnostics;
  return diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`);
}

function served(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severities[d.severity ?? 1]} ${String(d.code)} ${d.message}`);
}

async function run(repoRoot: string, input: Input): Promise<BadInputResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-bad-input-'));
  for (const [name, text] of Object.entries(input.files)) fs.writeFileSync(path.join(dir, name), text);
  const file = path.join(dir, input.file);
  const uri = pathToFileURL(file).href;
  const client = new TestClient(['--expose-gc']);
  const publications: PublishDiagnosticsParams[] = [];
  const arrived = new Map<PublishDiagnosticsParams, number>();
  client.listeners.push((p) => {
    if (p.uri !== uri) return;
    publications.push(p);
    arrived.set(p, performance.now());
  });
  const ofVersion = (version: number) => publications.filter((p) => p.version === version);
  // The complete diagnostics of a version are its second publication (the first is the quick stage).
  const complete = async (version: number): Promise<PublishDiagnosticsParams> => {
    await client.diagnostics(uri, () => ofVersion(version).length >= 2, 30 * 60_000);
    return ofVersion(version)[ofVersion(version).length - 1];
  };
  try {
    await client.initialize(null, input.maxDocumentSize ? { maxDocumentSize: input.maxDocumentSize } : undefined);
    let doc = TextDocument.create(uri, 'guideline', 1, input.files[input.file]);
    const opened = performance.now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text: doc.getText() } });
    const first = await complete(1);
    const firstComplete = arrived.get(first)! - opened;
    const text = doc.getText();
    let hoverAt = doc.positionAt(0);
    let whenAt = hoverAt;
    /** Hover on the first attribute's name, complete right after the first `when`. */
    const aim = (): void => {
      const now = doc.getText();
      hoverAt = doc.positionAt(Math.max(0, now.indexOf('attribute ') + 10));
      whenAt = doc.positionAt(Math.max(0, now.indexOf(' when ') + 6));
    };
    aim();
    const hover = noAnswers();
    const completion = noAnswers();
    const requests: Promise<unknown>[] = [];
    const ask = (): void => {
      requests.push(timed(hover, () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt })));
      requests.push(timed(completion, () => client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: whenAt })));
    };
    let lastSent = 0;
    const change = (version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, inserted: string): void => {
      doc = TextDocument.update(doc, [{ range, text: inserted }], version);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] });
      lastSent = performance.now();
    };
    let version = 1;
    // The level before the edits is that of a server already at work: after the comment line
    // is opened and three characters typed, their complete diagnostics, and a full collection.
    const warmUp = 3;
    const line = doc.positionAt(text.indexOf('\n', text.indexOf('\nstatement ') + 1) + 1).line;
    change(++version, { start: { line, character: 0 }, end: { line, character: 0 } }, '  // \n');
    for (let i = 0; i < warmUp; i++) change(++version, { start: { line, character: 5 + i }, end: { line, character: 5 + i } }, '-');
    await complete(version);
    await sleep(200);
    const heapBefore = await client.connection.sendRequest<number>('guideline/heapAfterGc');
    aim();
    if (input.mode === 'typing') {
      // Typing into the comment line in the first statement's body, below the position hover and completion ask about.
      for (let i = 0; i < input.edits; i++) {
        const at = { line, character: 5 + warmUp + i };
        change(++version, { start: at, end: at }, 'abcdefghij'[i % 10]);
        ask();
        await sleep(30);
      }
    } else {
      // Made first, then written at once, so the round trips are the server's from the
      // moment it could read the burst, not the time this loop takes to make it.
      const rnd = random(1000);
      const messages: object[] = [];
      const kinds = new Map<number, Answers>();
      for (let i = 0; i < input.edits; i++) {
        const length = doc.getText().length;
        const at = Math.floor(rnd() * length);
        const deleting = rnd() < 0.4;
        const end = deleting ? Math.min(length, at + 1 + Math.floor(rnd() * 5)) : at;
        const range = { start: doc.positionAt(at), end: doc.positionAt(end) };
        const inserted = deleting ? '' : burstWords[Math.floor(rnd() * burstWords.length)];
        doc = TextDocument.update(doc, [{ range, text: inserted }], ++version);
        messages.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] } });
        if (i % 10 === 9) {
          aim();
          const id = 1_000_000 + i;
          kinds.set(id, hover).set(id + 1, completion);
          messages.push({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position: hoverAt } });
          messages.push({ id: id + 1, method: 'textDocument/completion', params: { textDocument: { uri }, position: whenAt } });
        }
      }
      const sent = client.sendTogether(messages);
      lastSent = performance.now();
      for (const [id, answer] of await sent) {
        const into = kinds.get(id)!;
        if (answer.error?.code === LSPErrorCodes.ContentModified) {
          into.modified++;
          into.modifiedMs.push(answer.ms);
        } else if (answer.error) into.failed++;
        else into.ms.push(answer.ms);
      }
    }
    await Promise.all(requests);
    const final = await complete(version);
    const lastComplete = arrived.get(final)! - lastSent;
    await sleep(200);
    const heapAfter = await client.connection.sendRequest<number>('guideline/heapAfterGc');
    fs.writeFileSync(file, doc.getText());
    const equalsCheck = JSON.stringify(served(final)) === JSON.stringify(checked(repoRoot, file, input.maxDocumentSize ? ['--max-document-size', String(input.maxDocumentSize)] : []));
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    return { name: input.name, bytes: Buffer.byteLength(text), edits: input.edits, firstComplete, lastComplete, hover, completion, equalsCheck, diagnostics: final.diagnostics.length, heapBefore, heapAfter };
  } finally {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function badInput(repoRoot: string, only: (name: string) => boolean = () => true): Promise<{ results: BadInputResult[]; lines: string[] }> {
  const results: BadInputResult[] = [];
  for (const input of inputs(repoRoot).filter((i) => only(i.name))) results.push(await run(repoRoot, input));
  const ms = (x: number): string => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
  const mb = (x: number): string => `${(x / 2 ** 20).toFixed(1)} MB`;
  const p95 = (a: Answers): string => (a.ms.length === 0 ? 'n/a' : ms(percentile(a.ms, 95)));
  const max = (a: Answers): string => (a.ms.length === 0 ? 'n/a' : ms(Math.max(...a.ms)));
  const requests = (a: Answers): string => `${p95(a)} / ${max(a)} (${answered(a)})`;
  const lines = [
    '| input | size | edits | open → complete diagnostics | last edit → complete | hover p95 / slowest (of the answers with results) | completion p95 / slowest | final = `guideline check` | heap after GC, before → after edits |',
    '|---|---:|---:|---:|---:|---:|---:|:-:|---:|',
    ...results.map((r) => `| ${r.name} | ${(r.bytes / 1e6).toFixed(2)} MB | ${r.edits} | ${ms(r.firstComplete)} | ${ms(r.lastComplete)} | ${requests(r.hover)} | ${requests(r.completion)} | ${r.equalsCheck ? `yes (${r.diagnostics})` : 'NO'} | ${mb(r.heapBefore)} → ${mb(r.heapAfter)} (${((r.heapAfter / r.heapBefore - 1) * 100).toFixed(0)}%) |`),
  ];
  return { results, lines };
}
