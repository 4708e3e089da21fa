// The preview's custom requests (server/src/protocol.ts): the decision tree and statement
// details. A tree request yields once before computing, so a change typed just after it
// arrives first; a request cancelled meanwhile, or whose document has moved on to a new
// version, is answered with the LSP's cancellation or content-modified error rather than
// with a stale tree.
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import { cancelled, contentModified, nextTurn, type Changed } from './cancel.js';
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

export function registerTreeRequests(connection: Connection, changedSince: (uri: string) => Changed, analysisOf: (uri: string) => Analysis | undefined): void {
  connection.onRequest(decisionTreeMethod, async (params: DecisionTreeParams, token: CancellationToken): Promise<DecisionTreeResult | null | ResponseError<void>> => {
    const changed = changedSince(params.uri);
    const stale = (): ResponseError<void> | undefined => (token.isCancellationRequested ? cancelled() : changed() ? contentModified() : undefined);
    await nextTurn();
    const before = stale();
    if (before) return before;
    const analysis = analysisOf(params.uri);
    if (!analysis) return null;
    const result = decisionTreeView(analysis, params.decision);
    return stale() ?? result;
  });

  connection.onRequest(statementDetailsMethod, (params: StatementDetailsParams): StatementDetails | null => {
    const analysis = analysisOf(params.uri);
    return (analysis && statementDetails(analysis, params.statement)) ?? null;
  });
}
