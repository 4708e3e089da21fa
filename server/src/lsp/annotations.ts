// Semantic tokens, inlay hints and code lens over LSP, each read off the document's one
// analysis by its service.
import { InlayHintKind, SemanticTokensBuilder, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import type { Analysis } from '../pipeline/analysis.js';
import { runCaseCommand } from '../protocol.js';
import { codeLenses } from '../services/code-lens.js';
import { inlayHints } from '../services/inlay-hints.js';
import { semanticTokenLegend, semanticTokens, semanticTokenTypes } from '../services/semantic-tokens.js';

export function registerAnnotations(connection: Connection, analysisOf: (uri: string) => Analysis | undefined): void {
  const typeIndex = new Map(semanticTokenLegend.tokenTypes.map((t, i) => [t, i]));
  const encode = (a: Analysis, range?: { start: number; end: number }) => {
    const builder = new SemanticTokensBuilder();
    for (const t of semanticTokens(a, range)) {
      const p = a.source.lines.position(t.span.start);
      builder.push(p.line, p.character, t.span.end - t.span.start, typeIndex.get(semanticTokenTypes[t.kind]) ?? 0, t.declaration ? 1 : 0);
    }
    return builder.build();
  };
  const spanOf = (a: Analysis, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    start: a.source.lines.offset(range.start),
    end: a.source.lines.offset(range.end),
  });

  connection.languages.semanticTokens.on((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? encode(a) : { data: [] };
  });
  connection.languages.semanticTokens.onRange((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? encode(a, spanOf(a, params.range)) : { data: [] };
  });

  connection.languages.inlayHint.on((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    return inlayHints(a, spanOf(a, params.range)).map((h) => ({
      position: a.source.lines.position(h.offset),
      label: h.label,
      tooltip: h.tooltip,
      kind: InlayHintKind.Type,
    }));
  });

  connection.onCodeLens((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) return null;
    return codeLenses(a).map((lens) => ({
      range: a.source.lines.range({ start: lens.span.start, end: lens.span.start }),
      command: lens.kind === 'run'
        ? { title: lens.title, command: runCaseCommand, arguments: [a.uri, lens.caseId] }
        : { title: lens.title, command: '' },
    }));
  });
}

registerAnnotations.capabilities = {
  semanticTokensProvider: { legend: semanticTokenLegend, full: true, range: true },
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
} satisfies ServerCapabilities;
