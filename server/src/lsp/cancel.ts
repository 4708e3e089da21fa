// Requests yield before they compute and again before they answer, so a cancellation (or
// an edit) sent right after them is read first; a request cancelled by then is answered
// with the LSP's cancellation error, never with results.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

export async function unlessCancelled<T>(token: CancellationToken, compute: () => T): Promise<T | ResponseError<void>> {
  await nextTurn();
  if (token.isCancellationRequested) return cancelled();
  const result = compute();
  await nextTurn();
  return token.isCancellationRequested ? cancelled() : result;
}
