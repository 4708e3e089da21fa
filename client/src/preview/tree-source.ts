// Where the preview gets its data: the language server's custom requests, sent through the
// extension's LanguageClient. The panel sees only this interface, so it needs no client to
// be tested and survives the server restarting.
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
  decisionTreeMethod,
  statementDetailsMethod,
  type DecisionTreeParams,
  type DecisionTreeResult,
  type StatementDetails,
  type StatementDetailsParams,
} from '../../../server/src/protocol.js';

export interface TreeSource {
  /** Undefined when the server does not know the document (not open, or not yet synced). */
  decisionTree(params: DecisionTreeParams): Promise<DecisionTreeResult | undefined>;
  statementDetails(params: StatementDetailsParams): Promise<StatementDetails | undefined>;
}

export class ServerUnavailable extends Error {}

export function languageClientSource(client: () => LanguageClient | undefined): TreeSource {
  const running = (): LanguageClient => {
    const c = client();
    if (!c || !c.isRunning()) throw new ServerUnavailable('The Guideline language server is not running');
    return c;
  };
  return {
    async decisionTree(params) {
      return (await running().sendRequest<DecisionTreeResult | null>(decisionTreeMethod, params)) ?? undefined;
    },
    async statementDetails(params) {
      return (await running().sendRequest<StatementDetails | null>(statementDetailsMethod, params)) ?? undefined;
    },
  };
}

// JSON-RPC error codes the server answers a superseded request with (LSP's RequestCancelled
// and ContentModified): a newer request follows, so the preview waits for that one.
const requestCancelled = -32800;
const contentModified = -32801;

export function isStaleAnswer(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === requestCancelled || code === contentModified;
}
