// Findings -> LSP diagnostics. The only place that knows both shapes.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../pipeline/analysis.js';
import { codeHref } from '../model/codes.js';
import type { Finding, Severity } from '../model/findings.js';
import type { LineIndex } from '../model/line-index.js';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, lines: LineIndex, linesOf: (uri: string) => LineIndex | undefined): Diagnostic {
  const href = codeHref(f.code);
  return {
    range: lines.range(f.span),
    severity: severities[f.severity],
    code: f.code,
    codeDescription: href ? { href } : undefined,
    source: 'guideline',
    message: f.message,
    tags: f.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    relatedInformation: f.related?.flatMap((r) => {
      const li = linesOf(r.uri);
      return li ? [{ location: { uri: r.uri, range: li.range(r.span) }, message: r.message }] : [];
    }),
    data: f.data,
  };
}

export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  const linesOf = (uri: string) => analysis.program.files.find((f) => f.uri === uri)?.lines;
  return analysis.findings.filter((f) => f.uri === analysis.uri).map((f) => toDiagnostic(f, analysis.source.lines, linesOf));
}
