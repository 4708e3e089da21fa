// `guideline check <files or folders>`: every finding as `file:line:col severity code message`
// (or JSON); exit 1 when any is an error.
import type { Finding } from '../model/findings.js';
import type { Workspace } from '../pipeline/workspace.js';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sarifLog } from '../services/export/sarif.js';
import { format, option, UsageError, type Args } from './args.js';
import { displayPath, fileUri, guidelineFiles } from './files.js';
import { commandWorkspace } from './workspace.js';
import { toolVersion, type CommandResult } from './command.js';

export interface FileFindings {
  file: string;
  findings: (Finding & { line: number; column: number; endLine: number; endColumn: number })[];
}

/** Analyses each file as a root and returns its own findings, positions 1-based. */
export function checkFiles(files: string[], workspace: Workspace): FileFindings[] {
  return files.map((file) => {
    const analysis = workspace.analysis(fileUri(file));
    const own = (analysis?.findings ?? []).filter((f) => f.uri === analysis?.uri);
    return {
      file,
      findings: own.map((f) => {
        const start = analysis!.source.lines.position(f.span.start);
        const end = analysis!.source.lines.position(f.span.end);
        return { ...f, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
      }),
    };
  });
}

/** `--max-warnings N`, as ESLint has it: more than N warnings fail the run. */
function maxWarnings(args: Args): number | undefined {
  const v = option(args, 'max-warnings');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-warnings must be a whole number, 0 or more');
  return n;
}

/** A path relative to the working folder with '/' separators, or a file: URI when it lies outside. */
function sarifPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? pathToFileURL(file).href : rel.split(path.sep).join('/');
}

export function check(args: Args): CommandResult {
  const fmt = format(args, ['text', 'json', 'sarif'] as const, 'text');
  const limit = maxWarnings(args);
  const docsUrl = option(args, 'docs-url');
  const workspace = commandWorkspace(args);
  const results = checkFiles(guidelineFiles(args.positionals), workspace);
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const tooManyWarnings = limit !== undefined && warnings > limit;
  const exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
  const stderr = tooManyWarnings ? `guideline check: ${warnings} warnings, more than --max-warnings ${limit}\n` : undefined;
  let out: string;
  if (fmt === 'sarif') {
    const log = sarifLog(results.map((r) => ({ path: sarifPath(r.file), findings: r.findings })), {
      toolVersion,
      sourceRoot: pathToFileURL(process.cwd() + path.sep).href,
      docsUrl,
    });
    out = JSON.stringify(log, null, 2) + '\n';
  } else if (fmt === 'json') {
    out = JSON.stringify(
      results.map((r) => ({
        file: displayPath(r.file),
        diagnostics: r.findings.map((f) => ({
          line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
          severity: f.severity, code: f.code, message: f.message,
          ...(f.related ? { related: f.related.map((x) => ({ uri: x.uri, message: x.message })) } : {}),
        })),
      })),
      null,
      2,
    ) + '\n';
  } else {
    const lines = results.flatMap((r) => r.findings.map((f) => `${displayPath(r.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`));
    const total = results.reduce((n, r) => n + r.findings.length, 0);
    lines.push(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${total - errors} other finding${total - errors === 1 ? '' : 's'}`);
    out = lines.join('\n') + '\n';
  }
  return { stdout: out, exitCode, ...(stderr ? { stderr } : {}) };
}
