// The findings of `guideline check` as a SARIF 2.1.0 log, the format CI dashboards and code
// scanning read: one run, a rule per diagnostic code (with a help URI to its explanation in
// docs/diagnostics.md), a result per finding with its region.
import { codeHref, diagnosticCodes } from '../../model/codes.js';
import type { Severity } from '../../model/findings.js';

export interface PositionedFinding {
  severity: Severity;
  code: string;
  message: string;
  /** 1-based, columns in UTF-16 code units as the editor counts them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SarifFile {
  /** The file's path relative to the source root, '/'-separated, or an absolute file: URI for a file outside it. */
  path: string;
  findings: readonly PositionedFinding[];
}

export interface SarifOptions {
  toolVersion: string;
  /** The folder paths are relative to, as a file: URI ending in '/'. */
  sourceRoot: string;
  /** Where docs/diagnostics.md is published; the installed copy when not given. */
  docsUrl?: string;
}

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function helpUri(code: string, docsUrl: string | undefined): string | undefined {
  return docsUrl ? `${docsUrl}#${code}` : codeHref(code);
}

/** A relative path as a URI reference under the source root (each segment percent-encoded), or the file's own URI. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (path.startsWith('file:')) return { uri: path };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

export function sarifLog(files: readonly SarifFile[], options: SarifOptions): object {
  const used = [...new Set(files.flatMap((f) => f.findings.map((x) => x.code)))].sort();
  const ruleIndex = new Map(used.map((code, i) => [code, i]));
  const rules = used.map((code) => {
    const text = (diagnosticCodes as Record<string, string>)[code] ?? code;
    const uri = helpUri(code, options.docsUrl);
    return { id: code, shortDescription: { text }, ...(uri ? { helpUri: uri } : {}) };
  });
  const results = files.flatMap((f) =>
    f.findings.map((x) => ({
      ruleId: x.code,
      ruleIndex: ruleIndex.get(x.code),
      level: levels[x.severity],
      message: { text: x.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(f.path),
          region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
        },
      }],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'guideline', version: options.toolVersion, informationUri: helpUri('', options.docsUrl)?.replace(/#$/, ''), rules } },
      originalUriBaseIds: { SRCROOT: { uri: options.sourceRoot } },
      columnKind: 'utf16CodeUnits',
      artifacts: files.map((f) => ({ location: artifactLocation(f.path) })),
      results,
    }],
  };
}
