// `guideline export <file> --format fhir|markdown|html|docx [--out DIR] [--base URL]`: the
// guideline for other systems and for publication. A file with errors is refused (exit 1) and nothing is written; the files of one
// export appear together or not at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportFormats, runExport } from '../services/export/exporters.js';
import { format, option, UsageError, type Args } from './args.js';
import { toolVersion, type CommandResult } from './command.js';
import { displayPath } from './files.js';
import { analyzeOneFile } from './workspace.js';

/** Writes every file beside its final name first, then renames them all: no half-written export. */
function writeAll(dir: string, files: [string, string | Uint8Array][]): void {
  fs.mkdirSync(dir, { recursive: true });
  const staged = files.map(([name, data]) => {
    const final = path.join(dir, name);
    const temp = `${final}.${process.pid}.partial`;
    fs.writeFileSync(temp, data);
    return { temp, final };
  });
  for (const s of staged) fs.renameSync(s.temp, s.final);
}

export async function exportCommand(args: Args): Promise<CommandResult> {
  const fmt = format(args, [...exportFormats], 'fhir');
  const out = option(args, 'out');
  if (fmt === 'docx' && out === undefined) throw new UsageError('--format docx writes a file: give --out DIR');
  const analysis = analyzeOneFile(args, 'export');
  const file = displayPath(fileURLToPath(analysis.uri));
  const errors = analysis.findings.filter((f) => f.severity === 'error').map((f) => {
    const at = analysis.source.lines.position(f.span.start);
    return `${file}:${at.line + 1}:${at.character + 1} error ${f.code} ${f.message}`;
  });
  if (errors.length > 0) {
    return { stdout: '', stderr: `${errors.join('\n')}\nguideline export: the file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was exported\n`, exitCode: 1 };
  }
  const result = await runExport(analysis, fmt, { base: option(args, 'base'), version: toolVersion, separateImages: out !== undefined });
  const notes = result.notes.map((n) => `note: ${n.kind}: ${n.message}\n`).join('');
  if (out === undefined) {
    const [, data] = result.files[0];
    return { stdout: typeof data === 'string' ? data : Buffer.from(data).toString('binary'), stderr: notes || undefined, exitCode: 0 };
  }
  writeAll(out, result.files);
  const written = result.files.map(([name]) => `wrote ${path.join(out, name)}\n`).join('');
  return { stdout: written, stderr: notes || undefined, exitCode: 0 };
}
