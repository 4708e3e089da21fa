// Runs fuzz inputs one at a time in a child process under a watchdog: an input that takes
// more than `hangMs` of the child's CPU time is a hang (the process is killed and replaced), and a process that
// dies (out of memory, a native stack overflow, a fatal error in the runtime) is a crash;
// neither stops the run. A process rather than a worker thread: a fatal error in a worker
// thread takes the whole fuzzer down with it, and a process's CPU time is its own, which
// the budget needs on a machine shared with other work.
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Companions, OracleOptions, Violation } from './oracle.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface RunnerOptions {
  hangMs: number;
  /** The child's heap limit: past it the input counts as a memory crash. */
  heapMb: number;
}

/** How many times `hangMs` of wall time a starved child is given before it counts as hung. */
const maxStarvation = 30;

/**
 * The watchdog of one input. The per-request budget covers inputs of up to 100 KB; a larger
 * one is given time in proportion, up to 6 times, for its analysis and each of up to 20
 * fixes' re-analyses (each about a second at 700 KB), so that only a real hang trips it.
 */
export function watchdogMs(hangMs: number, length: number): number {
  return hangMs * Math.min(6, Math.max(1, length / 100_000));
}

/** The CPU time (user and system, ms) a process has used, from /proc where there is one. */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: state is the 3rd field, utime the 14th, stime the 15th (in ticks of 10 ms).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

export class FuzzRunner {
  private child: ChildProcess | undefined;
  private nextId = 0;
  /** Whether the current child has not been sent the companions yet. */
  private fresh = true;

  constructor(private readonly companions: Companions, private readonly options: RunnerOptions) {}

  async run(text: string, oracle: OracleOptions): Promise<Violation[]> {
    const child = this.child ?? this.start();
    const id = this.nextId++;
    const hangMs = watchdogMs(this.options.hangMs, text.length);
    return new Promise<Violation[]>((resolve) => {
      const done = (violations: Violation[], restart: boolean): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
        if (restart) {
          this.child = undefined;
          child.kill('SIGKILL');
        }
        resolve(violations);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id === id) done(reply.violations, false);
      };
      const onError = (err: Error): void => done([{ kind: 'crash', where: 'worker', message: `${err.name}: ${err.message}`.slice(0, 240) }], true);
      const onExit = (code: number | null, signal: string | null): void =>
        done([{ kind: 'crash', where: 'worker', message: `worker exited with ${code !== null ? `code ${code}` : `signal ${signal}`}` }], true);
      // A hang is `hangMs` of the child's own CPU time (where the system tells it) without an
      // answer: on a loaded machine a starved child is waited for, up to `maxStarvation` times longer.
      const startedAt = Date.now();
      const cpuAtStart = cpuMsOf(child.pid);
      const check = (): void => {
        const used = cpuAtStart === undefined ? undefined : (cpuMsOf(child.pid) ?? Infinity) - cpuAtStart;
        const waited = Date.now() - startedAt;
        if (used !== undefined && used < hangMs && waited < hangMs * maxStarvation) {
          timer = setTimeout(check, Math.max(250, hangMs - used));
          return;
        }
        done([{ kind: 'hang', where: 'input', message: `no answer within ${hangMs} ms` }], true);
      };
      let timer = setTimeout(check, hangMs);
      child.on('message', onMessage);
      child.on('error', onError);
      child.on('exit', onExit);
      child.send({ id, text, options: oracle, companions: this.fresh ? this.companions : undefined } satisfies WorkerRequest);
      this.fresh = false;
    });
  }

  async close(): Promise<void> {
    const c = this.child;
    this.child = undefined;
    if (!c || c.exitCode !== null) return;
    // Held until it has exited: an unreferenced child alone would let the runtime quit first.
    c.ref();
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  }

  private start(): ChildProcess {
    // Structured-clone messages: fuzz text holds lone surrogates and NULs, which must arrive as sent.
    this.child = fork(path.join(__dirname, 'worker.js'), [], {
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${this.options.heapMb}`],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.fresh = true;
    this.child.unref();
    this.child.channel?.unref();
    return this.child;
  }
}
