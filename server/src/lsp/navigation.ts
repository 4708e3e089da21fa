// References, document highlights and rename over LSP. Workspace-wide requests read the
// analysis of every open file, every .guideline file of the workspace folders and every
// file the requesting one uses; each is the workspace's one cached analysis of that file.
import { DocumentHighlightKind, ErrorCodes, ResponseError, type Connection, type Location, type TextEdit, type ServerCapabilities, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../pipeline/analysis.js';
import type { Workspace } from '../pipeline/workspace.js';
import { highlights, references, symbolAt } from '../services/references.js';
import { prepareRename, renameEdits } from '../services/rename.js';
import type { WorkspaceFiles } from './workspace-files.js';

export function registerNavigation(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: Workspace,
  files: WorkspaceFiles,
  analysisOf: (uri: string) => Analysis | undefined,
): void {
  const everyAnalysis = (from: Analysis): Analysis[] => {
    const uris = new Set<string>([from.uri, ...documents.keys(), ...from.program.files.map((f) => f.uri), ...files.list([...documents.keys(), ...from.program.files.map((f) => f.uri)])]);
    const out: Analysis[] = [];
    for (const uri of uris) {
      try {
        const a = uri === from.uri ? from : workspace.analysis(uri);
        if (a) out.push(a);
      } catch (err) {
        connection.console.error(`Analysis of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      }
    }
    return out;
  };
  const linesOf = (analyses: readonly Analysis[], uri: string) =>
    analyses.find((a) => a.uri === uri)?.source.lines ?? analyses.flatMap((a) => a.program.files).find((f) => f.uri === uri)?.lines;

  connection.onReferences((params): Location[] | null => {
    const a = analysisOf(params.textDocument.uri);
    const target = a && symbolAt(a, a.source.lines.offset(params.position));
    if (!a || !target) return null;
    const all = everyAnalysis(a);
    return references(target, all, params.context.includeDeclaration).flatMap((loc) => {
      const lines = linesOf(all, loc.uri);
      return lines ? [{ uri: loc.uri, range: lines.range(loc.span) }] : [];
    });
  });

  connection.onDocumentHighlight((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    return highlights(a, a.source.lines.offset(params.position)).map((h) => ({
      range: a.source.lines.range(h.span),
      kind: h.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  });

  connection.onPrepareRename((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const target = prepareRename(a, a.source.lines.offset(params.position));
    if ('refused' in target) throw new ResponseError(ErrorCodes.InvalidRequest, target.refused);
    return { range: a.source.lines.range(target.span), placeholder: a.source.text.slice(target.span.start, target.span.end) };
  });

  connection.onRenameRequest((params): WorkspaceEdit | null => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    const target = prepareRename(a, a.source.lines.offset(params.position));
    if ('refused' in target) throw new ResponseError(ErrorCodes.InvalidRequest, target.refused);
    const all = everyAnalysis(a);
    const result = renameEdits(target.symbol, params.newName, all);
    if ('refused' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.refused);
    const changes: Record<string, TextEdit[]> = {};
    for (const file of result) {
      const lines = linesOf(all, file.uri);
      if (lines) changes[file.uri] = file.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText }));
    }
    return { changes };
  });
}

registerNavigation.capabilities = {
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
} satisfies ServerCapabilities;
