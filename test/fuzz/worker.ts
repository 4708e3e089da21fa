// The fuzz worker: runs each input it is sent through the oracle and posts the violations
// back. It runs in a worker thread so the runner can stop it when an input hangs and
// replace it when one exhausts its memory.
import { parentPort, workerData } from 'node:worker_threads';
import { checkInput, type Companions, type OracleOptions, type Violation } from './oracle.js';

export interface WorkerRequest {
  id: number;
  text: string;
  options: OracleOptions;
}

export interface WorkerReply {
  id: number;
  violations: Violation[];
}

const companions = workerData as Companions;
const port = parentPort;
if (port) {
  port.on('message', (req: WorkerRequest) => {
    void checkInput(req.text, companions, req.options).then(
      (violations) => port.postMessage({ id: req.id, violations } satisfies WorkerReply),
      (err: unknown) => port.postMessage({ id: req.id, violations: [{ kind: 'exception', where: 'oracle', message: String(err) }] } satisfies WorkerReply),
    );
  });
}
