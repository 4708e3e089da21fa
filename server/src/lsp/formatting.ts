// Document and range formatting over LSP: the formatter's whitespace edits on the
// document's one analysis (its parse), as LSP text edits. The layout is the language's
// one canonical layout, whatever the editor's tab settings.
import type { Connection, ServerCapabilities, TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../pipeline/analysis.js';
import { formatEdits } from '../services/format.js';

export function registerFormatting(connection: Connection, analysisOf: (uri: string) => Analysis | undefined): void {
  const edits = (a: Analysis, range?: { start: number; end: number }): TextEdit[] =>
    formatEdits(a.source.text, a.source.parse, range).map((e) => ({ range: a.source.lines.range(e.span), newText: e.newText }));

  connection.onDocumentFormatting((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? edits(a) : null;
  });
  connection.onDocumentRangeFormatting((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    return edits(a, { start: a.source.lines.offset(params.range.start), end: a.source.lines.offset(params.range.end) });
  });
}

registerFormatting.capabilities = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
} satisfies ServerCapabilities;
