// Wires each editor feature (a pure function over the analysis, in features/) to its LSP
// request. Each handler reads the newest stage of the document's current analysis (never
// waiting for the deep checks) and is not answered once cancelled or once its document
// has changed since it was sent (cancel.ts).
import { CodeActionKind, CompletionTriggerKind, FoldingRangeKind, MarkupKind, SymbolKind, type Connection, type DocumentSymbol, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../pipeline/analysis.js';
import type { Workspace } from '../pipeline/workspace.js';
import { isTooLarge } from '../model/sources.js';
import { hover } from '../services/hover.js';
import { quickFixes } from '../services/code-actions.js';
import { bibliographyFiles } from '../services/bibliography-files.js';
import { completions } from '../services/completion.js';
import { toCodeAction, toCompletionList } from './edits.js';
import { definition } from '../services/definition.js';
import { foldingSpans, outline, type OutlineItem, type OutlineKind } from '../services/outline.js';
import { registerTreeRequests } from './tree-requests.js';
import { registerExportRequest } from './export-request.js';
import { registerNavigation } from './navigation.js';
import { registerFormatting } from './formatting.js';
import { registerAnnotations } from './annotations.js';
import { registerCaseRequests } from './cases.js';
import type { WorkspaceFiles } from './workspace-files.js';
import { unlessCancelled, type Changed } from './cancel.js';
import type { ReceivedVersions } from './transport.js';
import type { ClientSupport } from './client-support.js';

type Documents = TextDocuments<TextDocument>;

export function registerFeatures(connection: Connection, documents: Documents, workspace: Workspace, files: WorkspaceFiles, client: () => ClientSupport, received: ReceivedVersions): void {
  /**
   * The analysis of an open document, or undefined if it is not open, was too large to
   * read (nothing in it to answer about, and reading its positions would read megabytes)
   * or analysis failed.
   */
  const analysisOf = (uri: string): Analysis | undefined => {
    if (!documents.get(uri)) return undefined;
    try {
      const a = workspace.checked(uri);
      return a && !isTooLarge(a.source) ? a : undefined;
    } catch (err) {
      connection.console.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  };

  /** Called as a request arrives: whether its document has changed since (cancel.ts). */
  const changedSince = (uri: string): Changed => {
    const asked = documents.get(uri)?.version;
    return () => documents.get(uri)?.version !== asked || received.overtaken(uri, asked);
  };

  connection.onHover((params, token) => unlessCancelled(token, () => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const result = hover(a, a.source.lines.offset(params.position));
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: a.source.lines.range(result.span) } : null;
  }, changedSince(params.textDocument.uri)));

  connection.onCodeAction((params, token) => unlessCancelled(token, () => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const only = params.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return null;
    const span = { start: a.source.lines.offset(params.range.start), end: a.source.lines.offset(params.range.end) };
    const bibliographies = () => bibliographyFiles(a.settings.bibliography, a.uri, workspace.folders, workspace, a.settings.usedFileSizeLimit * 2 ** 20);
    return quickFixes(a, span, { bibliographies }).map((fix) => toCodeAction(a, fix));
  }, changedSince(params.textDocument.uri)));

  connection.onCompletion((params, token) => unlessCancelled(token, () => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
    return toCompletionList(a, completions(a, a.source.lines.offset(params.position), { snippets: client().snippets, trigger }));
  }, changedSince(params.textDocument.uri)));

  connection.onDefinition((params, token) => unlessCancelled(token, () => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const target = definition(a, a.source.lines.offset(params.position));
    if (!target) return null;
    const lines = a.program.files.find((f) => f.uri === target.uri)?.lines;
    return lines ? { uri: target.uri, range: lines.range(target.span) } : null;
  }, changedSince(params.textDocument.uri)));

  connection.onDocumentSymbol((params, token) => unlessCancelled(token, () => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const toSymbol = (item: OutlineItem): DocumentSymbol => ({
      name: item.name,
      detail: item.detail,
      kind: outlineKinds[item.kind],
      range: a.source.lines.range(item.span),
      selectionRange: a.source.lines.range(item.selection),
      children: item.children.map(toSymbol),
    });
    return outline(a).map(toSymbol);
  }, changedSince(params.textDocument.uri)));

  connection.onFoldingRanges((params, token) => unlessCancelled(token, () => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    return foldingSpans(a).flatMap(({ span, comment }) => {
      const start = a.source.lines.position(span.start).line;
      const end = a.source.lines.position(span.end).line;
      return end > start ? [{ startLine: start, endLine: end, kind: comment ? FoldingRangeKind.Comment : undefined }] : [];
    });
  }, changedSince(params.textDocument.uri)));

  registerTreeRequests(connection, changedSince, analysisOf);
  registerExportRequest(connection, analysisOf);
  registerNavigation(connection, documents, workspace, files, analysisOf);
  registerFormatting(connection, analysisOf);
  registerAnnotations(connection, analysisOf);
  registerCaseRequests(connection, documents, workspace, files);
}

const outlineKinds: Record<OutlineKind, SymbolKind> = {
  guideline: SymbolKind.Module,
  grading: SymbolKind.Enum,
  enum: SymbolKind.Enum,
  attribute: SymbolKind.Field,
  intervention: SymbolKind.Function,
  reference: SymbolKind.Key,
  statement: SymbolKind.Class,
  rule: SymbolKind.Method,
  case: SymbolKind.Event,
  decision: SymbolKind.Interface,
  group: SymbolKind.Namespace,
};

registerFeatures.capabilities = {
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  // Not `{`: Enter after a brace must open a line, not accept a field. A space, `=` or `,`
  // opens a list only where a name or value must follow (services/completion-trigger.ts).
  completionProvider: { triggerCharacters: [' ', '=', ','] },
  definitionProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  ...registerNavigation.capabilities,
  ...registerFormatting.capabilities,
  ...registerAnnotations.capabilities,
} satisfies ServerCapabilities;
