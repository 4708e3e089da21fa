// The fuzz worker: a child process that runs each input it is sent through the oracle and
// sends the violations back. A process of its own, so the runner can kill it when an input
// hangs and replace it when one exhausts its memory or the runtime fails.
import { checkInput, type Companions, type OracleOptions, type Violation } from './oracle.js';

export interface WorkerRequest {
  id: number;
  text: string;
  options: OracleOptions;
  /** The files a seed may `use`: sent with a new worker's first input. */
  companions?: Companions;
}

export interface WorkerReply {
  id: number;
  violations: Violation[];
}

let companions: Companions = {};
const send = (reply: WorkerReply): void => {
  process.send?.(reply);
};
process.on('message', (req: WorkerRequest) => {
  if (req.companions) companions = req.companions;
  void checkInput(req.text, companions, req.options).then(
    (violations) => send({ id: req.id, violations }),
    (err: unknown) => send({ id: req.id, violations: [{ kind: 'exception', where: 'oracle', message: String(err) }] }),
  );
});
// The runner's end of the channel closing is the end of the run.
process.on('disconnect', () => process.exit(0));
