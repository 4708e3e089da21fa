// Diagnostics in two stages. On a change the quick stage (syntax, names, types,
// methodology) is computed and published at once, with the deep findings last published
// for the document carried over until they are recomputed; then the deep checks run one
// slice per turn of the event loop and their findings are published with the rest. A
// newer version abandons the deep run of an older one at its next slice. A burst of
// edits is coalesced: the next quick stage waits until as long as the last one took has
// passed, so analysis never takes more than about half the time while edits pour in, and
// a version is not analysed at all when a newer one has already been received.
// The deep run starts only once the document has been left alone for a moment
// (`deepDelayMs`): while someone types, the deep run of each version would be abandoned
// at the next keystroke anyway, and its slices would hold up the hovers and completions
// sent between keystrokes (over stdio on a busy machine, typing at 30 ms: hover median
// 17-42 ms with the pause, 470-1,090 ms without). Between two slices the deep run waits
// until no message waits in the connection's queue and no request is being answered, so
// a request meets at most the one slice running when it arrives.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Analysis } from '../pipeline/analysis.js';
import type { Finding } from '../model/findings.js';
import type { Workspace } from '../pipeline/workspace.js';
import { diagnosticsOf } from './convert.js';

export interface PublishTarget {
  /** The open document's version, or undefined when it is not open. */
  version(uri: string): number | undefined;
  /** Whether a newer version of the document has been received and waits to be applied (transport.ts). */
  overtaken(uri: string): boolean;
  /** Whether messages wait to be dispatched or requests to be answered: the next deep slice waits for them. */
  busy(): boolean;
  send(params: PublishDiagnosticsParams): void;
  error(message: string): void;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class StagedPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The pending start of each document's deep run. */
  private readonly deepTimers = new Map<string, NodeJS.Timeout>();
  /** The deep findings' diagnostics last published for each document. */
  private readonly deepShown = new Map<string, Diagnostic[]>();
  private lastCost = 0;
  private lastEnd = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly target: PublishTarget,
    private readonly deepDelayMs = 40,
  ) {}

  schedule(uri: string): void {
    if (this.target.version(uri) === undefined || this.timers.has(uri)) return;
    const delay = Math.max(0, this.lastEnd + this.lastCost - performance.now());
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri);
    }, delay));
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    clearTimeout(this.deepTimers.get(uri));
    this.deepTimers.delete(uri);
    this.deepShown.delete(uri);
  }

  /**
   * A turn, then as many more (up to 100) as the requests and messages waiting need: a
   * request yields before and after it computes, and each slice it let run first would
   * hold it up again.
   */
  private readonly afterRequests = async (): Promise<void> => {
    // Bounded, so that a count gone wrong (a client reusing a request id) cannot stall the deep run.
    for (let turns = 0; turns < 100; turns++) {
      await nextTurn();
      if (!this.target.busy()) return;
    }
  };

  private publish(uri: string): void {
    const version = this.target.version(uri);
    // An overtaken version is not worth analysing: the change waiting schedules the next.
    if (version === undefined || this.target.overtaken(uri)) return;
    const start = performance.now();
    const analysis = this.guard(uri, () => this.workspace.checked(uri));
    this.lastEnd = performance.now();
    this.lastCost = this.lastEnd - start;
    if (!analysis) return;
    if (analysis.stage === 'analysed') {
      this.target.send({ uri, version, diagnostics: diagnosticsOf(analysis) });
      return;
    }
    const quick = new Set<Finding>(analysis.findings);
    this.target.send({ uri, version, diagnostics: [...diagnosticsOf(analysis), ...(this.deepShown.get(uri) ?? [])] });
    const timer = setTimeout(() => {
      if (this.deepTimers.get(uri) === timer) this.deepTimers.delete(uri);
      if (this.target.version(uri) === version) void this.deepen(uri, version, analysis, quick);
    }, this.deepDelayMs);
    clearTimeout(this.deepTimers.get(uri));
    this.deepTimers.set(uri, timer);
  }

  private async deepen(uri: string, version: number, analysis: Analysis, quick: ReadonlySet<Finding>): Promise<void> {
    const done = await this.guardAsync(uri, () => this.workspace.deepen(uri, this.afterRequests));
    if (done !== analysis || this.target.version(uri) !== version) return;
    const all = diagnosticsOf(analysis);
    const deepOnly = analysis.findings.filter((f) => f.uri === uri).map((f, i) => (quick.has(f) ? undefined : all[i])).filter((d): d is Diagnostic => d !== undefined);
    this.deepShown.set(uri, deepOnly);
    this.target.send({ uri, version, diagnostics: all });
  }

  private guard<T>(uri: string, f: () => T): T | undefined {
    try {
      return f();
    } catch (err) {
      this.target.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  }

  private async guardAsync<T>(uri: string, f: () => Promise<T>): Promise<T | undefined> {
    try {
      return await f();
    } catch (err) {
      this.target.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  }
}
