// One analysis per document version: parse (cached), load used files, declare symbols,
// resolve names, run the checks. Every editor feature and the command line read this.
import type { Finding } from '../model/findings.js';
import type { ResolvedDocument } from '../model/document.js';
import { loadProgram } from '../model/program.js';
import { resolveFile } from '../model/resolve.js';
import type { Settings } from '../model/settings.js';
import type { ParseCache, SourceFile, SourceHost } from '../model/sources.js';
import { buildSymbols } from '../model/symbols.js';
import { runChecks } from '../checks/index.js';
import { withoutCascades } from './broken-rules.js';
import { clipped } from '../model/bounded-text.js';

export interface Analysis extends ResolvedDocument {
  /** Findings in the root file, sorted by position. */
  readonly findings: Finding[];
}

/** `folders`: the workspace folders a `use` may read from (none: the root file's folder). */
export function analyze(source: SourceFile, host: SourceHost, cache: ParseCache, settings: Settings, folders: readonly string[] = []): Analysis {
  const uri = source.uri;
  const findings: Finding[] = source.parse.errors.map((e) => ({
    severity: 'error',
    code: e.code,
    message: e.message,
    uri,
    span: e.span,
  }));
  const program = loadProgram(source, host, cache, { folders, maxBytes: settings.usedFileSizeLimit * 2 ** 20 });
  const { table, findings: symbolFindings } = buildSymbols(program.files, uri);
  const { resolution, findings: nameFindings } = resolveFile(source.parse.ast, uri, table);
  findings.push(...program.findings, ...symbolFindings, ...nameFindings);
  const analysis: Analysis = { uri, source, program, symbols: table, resolution, settings, resolveFindings: [...findings], findings };
  runChecks(analysis, (f) => findings.push(f));
  const kept = withoutCascades(findings, source.parse.ast, source.parse.errors);
  if (kept !== findings) findings.splice(0, findings.length, ...kept);
  for (const f of findings) f.message = clipped(f.message);
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return analysis;
}
