// Requests yield before they compute and again before they answer, so a cancellation (or
// an edit) sent right after them is read first. A request cancelled by then is answered
// with the LSP's cancellation error; one whose document has moved on to a newer version
// with ContentModified: its answer would be about a text the editor no longer shows, and
// in a burst of edits computing it would analyse a version nobody waits for (editors
// drop such answers and ask again).
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

export function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed');
}

/** Whether a document has changed since the request was sent: its version moved on or a newer one is waiting to be applied. */
export type Changed = () => boolean;

/**
 * Computes an answer unless the request is cancelled or (with `changed`) its document
 * changes before or while it is computed.
 */
export async function unlessCancelled<T>(token: CancellationToken, compute: () => T, changed?: Changed): Promise<T | ResponseError<void>> {
  const stale = (): ResponseError<void> | undefined => (token.isCancellationRequested ? cancelled() : changed?.() ? contentModified() : undefined);
  inFlight++;
  try {
    await nextTurn();
    const before = stale();
    if (before) return before;
    const result = compute();
    await nextTurn();
    return stale() ?? result;
  } finally {
    inFlight--;
  }
}

let inFlight = 0;

/** Requests dispatched and not yet answered: the deep slices wait for them (publish.ts). */
export function requestsInFlight(): number {
  return inFlight;
}
