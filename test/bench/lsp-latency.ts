// The editor's view of speed, over stdio against the built server: typing 200 characters
// into the sample at 30 ms intervals, with a hover and a completion sent right after each
// keystroke, after 200 such keystrokes that warm the server up (reported apart, as cold).
// For each keystroke: the time to its first diagnostics (syntax, names, types,
// methodology) and to its complete ones (with the consistency, gap and case findings),
// and the hover and completion round trips. A request whose document changed before it
// was answered gets ContentModified instead of results: those are counted apart, and the
// round trips are those of the answers with results. Then completions cancelled at once:
// a cancelled request must not be answered with results. And hovers while the deep checks
// of a 100 KB file run (hoverDuringDeep).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../protocol/lsp-client.js';
import { percentile } from './measure.js';
import { readSample, scaledSample } from './scale.js';

/** The answers to one kind of request: round trips of those with results, and how many were not. */
export interface Answers {
  readonly ms: number[];
  /** Answered with ContentModified: the document had changed. */
  modified: number;
  /** Round trips of the ContentModified answers, ms. */
  readonly modifiedMs: number[];
  /** Answered with RequestCancelled or another error. */
  failed: number;
}

export const noAnswers = (): Answers => ({ ms: [], modified: 0, modifiedMs: [], failed: 0 });

/** Sends a request through `send` and files its answer in `into`. */
export async function timed(into: Answers, send: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  try {
    await send();
    into.ms.push(performance.now() - t0);
  } catch (err) {
    if (err instanceof ResponseError && err.code === LSPErrorCodes.ContentModified) {
      into.modified++;
      into.modifiedMs.push(performance.now() - t0);
    } else into.failed++;
  }
}

/** `n of N with results, k ContentModified (p95 of those)`, for the tables. */
export function answered(a: Answers): string {
  const total = a.ms.length + a.modified + a.failed;
  const modifiedIn = a.modified > 0 ? ` in ${percentile(a.modifiedMs, 95).toFixed(0)} ms p95` : '';
  return `${a.ms.length} of ${total} with results, ${a.modified} ContentModified${modifiedIn}${a.failed ? `, ${a.failed} failed` : ''}`;
}

/** One run of typed characters: what the client saw for each keystroke. */
export interface TypingPhase {
  readonly keystrokes: number;
  /** Keystroke -> first diagnostics of its version, ms. */
  readonly firstDiagnostics: number[];
  /** Keystroke -> complete diagnostics of its version, ms (versions the next keystroke did not overtake). */
  readonly completeDiagnostics: number[];
  /** The last keystroke -> complete diagnostics of its version. */
  readonly lastComplete: number;
  readonly hover: Answers;
  readonly completion: Answers;
}

export interface LatencyResult {
  /** The first keystrokes after the server started, while its code is still being compiled. */
  readonly cold: TypingPhase;
  /** The keystrokes after those: the figures an editor sees once it has been in use. */
  readonly warm: TypingPhase;
  /** Completions sent together with their cancellation (one write) that were answered with results. */
  readonly cancelledAnswered: number;
  /** Completions cancelled through the connection right after they were sent that were answered with results before the cancellation arrived. */
  readonly raceAnswered: number;
  readonly cancelledTotal: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types `characters` characters into the sample twice over, at `intervalMs` intervals: the
 * first run warms the server (its figures are kept as the cold ones), the second is measured.
 */
export async function lspLatency(repoRoot: string, characters = 200, intervalMs = 30): Promise<LatencyResult> {
  const file = path.join(repoRoot, 'samples', 'hcc-conversion-2021.guideline');
  const uri = pathToFileURL(file).href;
  const text = fs.readFileSync(file, 'utf8');
  const client = new TestClient();
  const arrivals = new Map<number, number[]>();
  client.listeners.push((p: PublishDiagnosticsParams) => {
    if (p.uri !== uri || p.version === undefined) return;
    const list = arrivals.get(p.version) ?? [];
    list.push(performance.now());
    arrivals.set(p.version, list);
  });
  try {
    await client.initialize();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    await sleep(500);
    // Type a comment into statement S1's body (a line inserted below its first line, so the
    // lines after move down by one), hover over `phase` above it and complete after `when ` below.
    const lines = text.split('\n');
    const typeLine = lines.findIndex((l) => l.startsWith('statement S1 ')) + 1;
    const hoverLine = lines.findIndex((l) => /^attribute phase\b/.test(l));
    const whenLine = lines.findIndex((l) => /^\s+when phase = initial_assessment/.test(l));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: typeLine, character: 0 }, end: { line: typeLine, character: 0 } }, text: '  // \n' }],
    });
    const typed = 'The panel discussed this statement at length before the vote; the wording follows it. ';

    /** Types characters `from` to `from + count - 1` of the comment, each as one version. */
    const typeRun = async (from: number, count: number): Promise<TypingPhase> => {
      const sent = new Map<number, number>();
      const hover = noAnswers();
      const completion = noAnswers();
      const requests: Promise<void>[] = [];
      for (let i = from; i < from + count; i++) {
        const version = 3 + i;
        sent.set(version, performance.now());
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line: typeLine, character: 5 + i }, end: { line: typeLine, character: 5 + i } }, text: typed[i % typed.length] }],
        });
        requests.push(timed(hover, () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 11 } })));
        requests.push(timed(completion, () => client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: whenLine + 1, character: 10 } })));
        await sleep(intervalMs);
      }
      await Promise.all(requests);
      const last = 2 + from + count;
      await client.diagnostics(uri, (p) => p.version === last && (arrivals.get(last)?.length ?? 0) >= 2, 60_000);
      const firstDiagnostics: number[] = [];
      const completeDiagnostics: number[] = [];
      for (const [version, at] of sent) {
        const got = arrivals.get(version) ?? [];
        if (got.length > 0) firstDiagnostics.push(got[0] - at);
        if (got.length > 1) completeDiagnostics.push(got[got.length - 1] - at);
      }
      const lastArrivals = arrivals.get(last) ?? [];
      const lastComplete = lastArrivals[lastArrivals.length - 1] - sent.get(last)!;
      return { keystrokes: count, firstDiagnostics, completeDiagnostics, lastComplete, hover, completion };
    };
    const cold = await typeRun(0, characters);
    const warm = await typeRun(characters, characters);

    // Completions cancelled at once, in two ways. Together: the request and its
    // cancellation in one write, so the server has both before it could answer; a server
    // that honours cancellation never answers such a request with results. Through the
    // connection, as an editor cancels: the cancellation follows in a write of its own once
    // the request's is done, and a completion answered within that moment (about a
    // millisecond) goes out before the cancellation has arrived, which no server can help.
    const cancelledTotal = 20;
    let cancelledAnswered = 0;
    const completionAt = { textDocument: { uri }, position: { line: whenLine + 1, character: 10 } };
    for (let i = 0; i < cancelledTotal; i++) {
      const id = 1_000_000 + i;
      const answers = await client.sendTogether([
        { id, method: 'textDocument/completion', params: completionAt },
        { method: '$/cancelRequest', params: { id } },
      ]);
      const answer = answers.get(id);
      if (answer?.error === undefined && answer?.result !== null && answer?.result !== undefined) cancelledAnswered++;
    }
    let raceAnswered = 0;
    for (let i = 0; i < cancelledTotal; i++) {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/completion', completionAt, source.token);
      source.cancel();
      try {
        const answer = await pending;
        if (answer !== null && answer !== undefined) raceAnswered++;
      } catch {
        // Answered with the cancellation error.
      }
    }
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    return { cold, warm, cancelledAnswered, raceAnswered, cancelledTotal };
  } finally {
    client.kill();
  }
}

export function p95(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : percentile(xs, 95);
}

/**
 * Hovers sent one after another (15 ms apart) while the deep checks of a 100 KB guideline
 * (the sample scaled) run: after it is opened and after each of 4 edits, for 600 ms each.
 * A hover arriving during a deep slice waits for that slice.
 */
export async function hoverDuringDeep(repoRoot: string): Promise<Answers> {
  const { main, vocabulary } = readSample(repoRoot);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-deep-hover-'));
  const text = scaledSample(main, 100_000);
  fs.writeFileSync(path.join(dir, 'main.guideline'), text);
  fs.writeFileSync(path.join(dir, 'hcc-vocabulary.guideline'), vocabulary);
  const uri = pathToFileURL(path.join(dir, 'main.guideline')).href;
  const client = new TestClient();
  const hover = noAnswers();
  try {
    await client.initialize();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    const line = text.split('\n').findIndex((l) => /^attribute /.test(l));
    for (let version = 1; version <= 5; version++) {
      if (version > 1) {
        const at = { line: line + 1, character: 0 };
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: '// x\n' }] });
      }
      await client.diagnostics(uri, (p) => p.version === version, 60_000);
      const until = performance.now() + 600;
      while (performance.now() < until) {
        await timed(hover, () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } }));
        await sleep(15);
      }
    }
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    return hover;
  } finally {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
