// `guideline/heapAfterGc`, for the memory tests only: when the server runs under
// `node --expose-gc`, the bytes of JavaScript heap in use right after a full collection.
// Without the flag the request is not registered (the client gets "method not found"), so
// an editor never triggers a collection.
import type { Connection } from 'vscode-languageserver';

export function registerHeapRequest(connection: Connection): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  connection.onRequest('guideline/heapAfterGc', () => {
    gc();
    return process.memoryUsage().heapUsed;
  });
}
