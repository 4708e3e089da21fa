// The Testing view's requests (protocol.ts): list the cases of files and run them. Runs go
// in batches with a turn of the event loop between them, so edits and cancellation get
// through while thousands of cases run.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../pipeline/analysis.js';
import type { Workspace } from '../pipeline/workspace.js';
import {
  listCasesMethod,
  runCasesMethod,
  type ListCasesParams,
  type ListCasesResult,
  type RunCasesParams,
  type RunCasesResult,
} from '../protocol.js';
import { caseEntries, runCases } from '../services/cases.js';
import type { WorkspaceFiles } from './workspace-files.js';

const BATCH = 250;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');

export function registerCaseRequests(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace, files: WorkspaceFiles): void {
  const analysisOf = (uri: string): Analysis | undefined => {
    try {
      return workspace.analysis(uri);
    } catch (err) {
      connection.console.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  };

  connection.onRequest(listCasesMethod, async (params: ListCasesParams, token: CancellationToken): Promise<ListCasesResult | ResponseError<void>> => {
    const uris = params.uris ?? [...new Set([...documents.keys(), ...files.list(documents.keys())])];
    const result: ListCasesResult = { files: [] };
    for (const uri of uris) {
      await nextTurn();
      if (token.isCancellationRequested) return cancelled();
      const a = analysisOf(uri);
      if (!a) continue;
      result.files.push({ uri, cases: caseEntries(a).map((c) => ({ id: c.id, title: c.title, range: a.source.lines.range(c.span) })) });
    }
    return result;
  });

  connection.onRequest(runCasesMethod, async (params: RunCasesParams, token: CancellationToken): Promise<RunCasesResult | ResponseError<void>> => {
    const a = analysisOf(params.uri);
    if (!a) return { uri: params.uri, results: [], error: 'The file could not be read' };
    const ids = params.ids ?? caseEntries(a).map((c) => c.id);
    const result: RunCasesResult = { uri: params.uri, results: [] };
    for (let i = 0; i < ids.length; i += BATCH) {
      await nextTurn();
      if (token.isCancellationRequested) return cancelled();
      for (const outcome of runCases(a, ids.slice(i, i + BATCH))) {
        result.results.push({ ...outcome, failures: outcome.failures.map((f) => ({ range: a.source.lines.range(f.span), message: f.message, expected: f.expected, actual: f.actual })) });
      }
    }
    return result;
  });
}
