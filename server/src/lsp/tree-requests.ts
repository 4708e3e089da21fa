// The preview's custom requests (server/src/protocol.ts): the decision tree and statement
// details. A tree request yields once before computing, so a change typed just after it
// arrives first; a request cancelled meanwhile, or whose document has moved on to a new
// version, is answered with the LSP's cancellation or content-modified error rather than
// with a stale tree.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import { cancelled, nextTurn } from './cancel.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../pipeline/analysis.js';
import { statementDetails } from '../services/statement-details.js';
import {
  decisionTreeMethod,
  statementDetailsMethod,
  type DecisionTreeParams,
  type DecisionTreeResult,
  type StatementDetails,
  type StatementDetailsParams,
} from '../protocol.js';
import { decisionTreeView } from '../services/tree-view/index.js';

export function registerTreeRequests(connection: Connection, documents: TextDocuments<TextDocument>, analysisOf: (uri: string) => Analysis | undefined): void {
  const stale = (uri: string, version: number, token: CancellationToken): ResponseError<void> | undefined => {
    if (token.isCancellationRequested) return cancelled();
    if (documents.get(uri)?.version !== version) return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed');
    return undefined;
  };

  connection.onRequest(decisionTreeMethod, async (params: DecisionTreeParams, token: CancellationToken): Promise<DecisionTreeResult | null | ResponseError<void>> => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const version = doc.version;
    await nextTurn();
    const before = stale(params.uri, version, token);
    if (before) return before;
    const analysis = analysisOf(params.uri);
    if (!analysis) return null;
    const result = decisionTreeView(analysis, params.decision);
    return stale(params.uri, version, token) ?? result;
  });

  connection.onRequest(statementDetailsMethod, (params: StatementDetailsParams): StatementDetails | null => {
    const analysis = analysisOf(params.uri);
    return (analysis && statementDetails(analysis, params.statement)) ?? null;
  });
}
