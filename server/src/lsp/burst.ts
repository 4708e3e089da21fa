// The messages read together, condensed before the connection gets them. In a burst of
// edits (a paste, an undo of many steps, a client that sends every keystroke at once) the
// connection dispatches one message per turn of the event loop, and a request waited for
// every edit before it to be applied, only to be answered ContentModified. Here:
// - a request about a document that an edit read after it changes is answered
//   ContentModified at once, as its handler would answer it (cancel.ts), without waiting
//   in the queue;
// - the edits to one document that now follow one another become one, with all their
//   changes in order and the last version: the document ends the same, and the versions
//   in between, which nobody waits for any more, are never applied one by one.
import { LSPErrorCodes, type Message } from 'vscode-languageserver/node.js';

/** The requests whose handlers answer ContentModified once their document changed (features.ts). */
const answeredWhenChanged: ReadonlySet<string> = new Set([
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/codeAction',
  'textDocument/definition',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
]);

interface Incoming {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: { textDocument?: { uri?: unknown; version?: unknown }; contentChanges?: unknown };
}

const uriOf = (m: Incoming): string | undefined => (typeof m.params?.textDocument?.uri === 'string' ? m.params.textDocument.uri : undefined);

/** A change to the document's text or its end: what makes an earlier request about it stale. */
const changes = (m: Incoming): boolean => m.method === 'textDocument/didChange' || m.method === 'textDocument/didClose';

export function condensed(read: readonly Message[], reply: (message: Message) => void): Message[] {
  if (read.length < 2) return [...read];
  // The documents changed after each position of the batch, from the end.
  const changedLater: Set<string>[] = new Array<Set<string>>(read.length);
  let after = new Set<string>();
  for (let i = read.length - 1; i >= 0; i--) {
    changedLater[i] = after;
    const m = read[i] as Incoming;
    const uri = uriOf(m);
    if (uri !== undefined && changes(m) && !after.has(uri)) {
      after = new Set(after);
      after.add(uri);
    }
  }
  const out: Message[] = [];
  /** The changes of the last message of `out`, when it is an edit made here from several (so its list is its own). */
  let merged: unknown[] | undefined;
  for (const [i, message] of read.entries()) {
    const m = message as Incoming;
    const uri = uriOf(m);
    if (m.id !== undefined && m.id !== null && m.method !== undefined && answeredWhenChanged.has(m.method) && uri !== undefined && changedLater[i].has(uri)) {
      reply({ jsonrpc: '2.0', id: m.id, error: { code: LSPErrorCodes.ContentModified, message: 'The document changed' } } as Message);
      continue;
    }
    const last = out[out.length - 1] as Incoming | undefined;
    if (m.method === 'textDocument/didChange' && last?.method === 'textDocument/didChange' && uri !== undefined && uriOf(last) === uri && Array.isArray(last.params?.contentChanges) && Array.isArray(m.params?.contentChanges)) {
      merged ??= [...(last.params!.contentChanges as unknown[])];
      for (const c of m.params!.contentChanges as unknown[]) merged.push(c);
      out[out.length - 1] = { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: m.params!.textDocument, contentChanges: merged } } as Message;
      continue;
    }
    merged = undefined;
    out.push(message);
  }
  return out;
}

/** How many of the last messages are requests of the kinds answered ContentModified once their document changed. */
export function trailingRequests(messages: readonly Message[]): number {
  let n = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as Incoming;
    if (m.id === undefined || m.id === null || m.method === undefined || !answeredWhenChanged.has(m.method) || uriOf(m) === undefined) break;
    n++;
  }
  return n;
}
