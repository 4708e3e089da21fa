// Quick fixes and completion items in LSP's shapes: the pure results of features/ turned
// into CodeAction and CompletionItem, with ranges from the analysis's line index.
import { CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, type CodeAction, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { Analysis } from '../pipeline/analysis.js';
import type { QuickFix } from '../services/code-actions.js';
import type { CompletionKind, CompletionResult } from '../services/completion.js';
import { toDiagnostic } from './convert.js';

export function toCodeAction(analysis: Analysis, fix: QuickFix): CodeAction {
  const lines = analysis.source.lines;
  const linesOf = (uri: string) => analysis.program.files.find((f) => f.uri === uri)?.lines;
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(fix.finding, lines, linesOf)],
    isPreferred: fix.preferred,
    edit: { changes: { [analysis.uri]: fix.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })) } },
  };
}

const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  attribute: CompletionItemKind.Field,
  member: CompletionItemKind.EnumMember,
  intervention: CompletionItemKind.Function,
  reference: CompletionItemKind.Reference,
  type: CompletionItemKind.TypeParameter,
  enum: CompletionItemKind.Enum,
  value: CompletionItemKind.Value,
  unit: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionList(analysis: Analysis, result: CompletionResult): CompletionList {
  const range = analysis.source.lines.range(result.replace);
  const items: CompletionItem[] = result.items.map((item) => ({
    label: item.label,
    kind: completionKinds[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    sortText: item.sortText,
    ...(item.snippet !== undefined ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    textEdit: { range, newText: item.snippet ?? item.label },
  }));
  return { isIncomplete: false, items };
}
