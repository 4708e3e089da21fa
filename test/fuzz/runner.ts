// Runs fuzz inputs one at a time in a worker thread under a watchdog: an input that takes
// longer than `hangMs` is a hang (the worker is stopped and replaced), and a worker that
// dies (out of memory, a native stack overflow) is a crash; neither stops the run.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Companions, OracleOptions, Violation } from './oracle.js';
import type { WorkerReply } from './worker.js';

export interface RunnerOptions {
  hangMs: number;
  /** The worker's heap limit: past it the input counts as a memory crash. */
  heapMb: number;
}

export class FuzzRunner {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(private readonly companions: Companions, private readonly options: RunnerOptions) {}

  async run(text: string, oracle: OracleOptions): Promise<Violation[]> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Violation[]>((resolve) => {
      const done = (violations: Violation[], restart: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(violations);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id === id) done(reply.violations, false);
      };
      const onError = (err: Error): void => done([{ kind: 'crash', where: 'worker', message: `${err.name}: ${err.message}`.slice(0, 240) }], true);
      const onExit = (code: number): void => done([{ kind: 'crash', where: 'worker', message: `worker exited with code ${code}` }], true);
      const timer = setTimeout(() => done([{ kind: 'hang', where: 'input', message: `no answer within ${this.options.hangMs} ms` }], true), this.options.hangMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, text, options: oracle });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private start(): Worker {
    this.worker = new Worker(path.join(__dirname, 'worker.js'), {
      workerData: this.companions,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, stackSizeMb: 1 },
    });
    this.worker.unref();
    return this.worker;
  }
}
