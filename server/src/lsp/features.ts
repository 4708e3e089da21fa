// Wires each editor feature (a pure function over the analysis, in features/) to its LSP
// request. Each handler reads the one analysis of the document's current version.
import { MarkupKind, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis/analysis.js';
import type { Workspace } from '../analysis/workspace.js';
import { hover } from '../features/hover.js';
import { definition } from '../features/definition.js';

type Documents = TextDocuments<TextDocument>;

export function registerFeatures(connection: Connection, documents: Documents, workspace: Workspace): void {
  /** The analysis of an open document, or undefined if it is not open or analysis failed. */
  const analysisOf = (uri: string): Analysis | undefined => {
    if (!documents.get(uri)) return undefined;
    try {
      return workspace.analysis(uri);
    } catch (err) {
      connection.console.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return undefined;
    }
  };

  connection.onHover((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const result = hover(a, a.source.lines.offset(params.position));
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: a.source.lines.range(result.span) } : null;
  });

  connection.onDefinition((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const target = definition(a, a.source.lines.offset(params.position));
    if (!target) return null;
    const lines = a.program.files.find((f) => f.uri === target.uri)?.lines;
    return lines ? { uri: target.uri, range: lines.range(target.span) } : null;
  });
}

registerFeatures.capabilities = {
  hoverProvider: true,
  definitionProvider: true,
} satisfies ServerCapabilities;
