// The limits the parsers keep: past the nesting limits the recovering parser reports the
// nesting and drops what is too deep, and the direct parser leaves the file to it; past the
// recovery limit the recovering parser stops reading.
import type { IToken } from 'chevrotain';

/** Parentheses deeper than this are reported and ignored, so parsing cannot overflow the stack. */
export const MAX_NESTING = 64;
/** A run of `not` longer than this is shortened by pairs, which keeps its meaning. */
export const MAX_NOT_RUN = 8;

/**
 * Errors the parser recovers from in one parse before it stops reading. Chevrotain resumes a
 * repetition after an error by calling it again, one stack frame deeper each time: about
 * 9,400 recoveries in a row overflow the stack. A file past this is read up to here.
 */
export const MAX_RECOVERIES = 1000;

/** Thrown to stop a parse past MAX_RECOVERIES errors: not a recognition error, so Chevrotain lets it through. */
export class RecoveryLimit extends Error {
  /** `at`: the token the parser was at. */
  constructor(readonly at: IToken) {
    super('too many errors to recover from');
    this.name = 'RecoveryLimit';
  }
}
