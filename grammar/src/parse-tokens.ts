// Running the parser over a file's tokens: its concrete tree and errors, read again up to
// where it stopped when it passed the recovery limit (limits.ts).
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { cstParser } from './parser.js';
import { MAX_RECOVERIES, RecoveryLimit } from './limits.js';

export interface ParsedTokens {
  readonly cst: CstNode;
  readonly errors: IRecognitionException[];
  /** Where the parse stopped reading, past MAX_RECOVERIES errors: the offset of the first token not read. */
  readonly unreadFrom?: number;
}

/** `maxRecoveries`: MAX_RECOVERIES but in the tests that compare the recovery with Chevrotain's own. */
export function parseTokens(tokens: IToken[], maxRecoveries = MAX_RECOVERIES): ParsedTokens {
  // Each error the parser recovers from is an Error object; its stack trace is never read,
  // and taking one for every error was a third of the time of a file of broken statements.
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    try {
      return { cst: parseOnce(tokens, maxRecoveries), errors: cstParser.errors };
    } catch (e) {
      if (!(e instanceof RecoveryLimit)) throw e;
      // The text up to where it stopped, read again to the end of that part: its errors are
      // the same, and the few at its cut end cannot reach the limit again.
      const stop = tokens.indexOf(e.at);
      const read = stop < 0 ? tokens : tokens.slice(0, stop);
      const cst = parseOnce(read, Infinity);
      return { cst, errors: cstParser.errors, ...(stop < 0 ? {} : { unreadFrom: tokens[stop].startOffset }) };
    }
  } finally {
    Error.stackTraceLimit = traces;
    // The parser is one for the process: without this it would hold the last file's tokens.
    cstParser.input = [];
  }
}

function parseOnce(tokens: IToken[], recoveryLimit: number): CstNode {
  cstParser.resetResync();
  cstParser.recoveryLimit = recoveryLimit;
  cstParser.input = tokens;
  return cstParser.file();
}
