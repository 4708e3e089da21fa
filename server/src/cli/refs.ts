// `guideline refs import <file.bib|.ris|.json> [--into FILE]` and
// `guideline refs export <file> --format bibtex|ris|csl-json`: references in and out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../../grammar/src/index.js';
import {
  formatBibliography, formatOfFile, parseBibliography, referenceDeclarations, type BibliographyFormat, type ImportedReference,
} from '../services/export/bibliography.js';
import { format, option, UsageError, type Args } from './args.js';
import type { CommandResult } from './command.js';
import { analyzeOneFile } from './workspace.js';

const formats = ['bibtex', 'ris', 'csl-json'] as const;

function sourceFormat(args: Args, file: string): BibliographyFormat {
  const given = option(args, 'from');
  if (given !== undefined) {
    if (!(formats as readonly string[]).includes(given)) throw new UsageError(`--from must be one of ${formats.join(', ')}`);
    return given as BibliographyFormat;
  }
  const guessed = formatOfFile(file);
  if (!guessed) throw new UsageError(`cannot tell the format of ${file} from its name: use .bib, .ris or .json, or --from ${formats.join('|')}`);
  return guessed;
}

/** Labels a guideline file already declares, read from its syntax tree. */
function declaredLabels(text: string): Set<string> {
  const labels = new Set<string>();
  for (const d of parse(text).ast.declarations) if (d.kind === 'Reference' && d.name) labels.add(d.name.text);
  return labels;
}

function importRefs(args: Args): CommandResult {
  const [file] = args.positionals;
  if (!file || args.positionals.length !== 1) throw new UsageError('refs import takes exactly one references file');
  const fmt = sourceFormat(args, file);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new UsageError(`no such file: ${file}`);
  const result = parseBibliography(fs.readFileSync(file, 'utf8'), fmt);
  if (!result.ok) return { stdout: '', stderr: `guideline refs import: ${file}: ${result.message}\n`, exitCode: 1 };
  const warnings = result.warnings.map((w) => `warning: ${w}\n`);
  const into = option(args, 'into');
  if (into === undefined) return { stdout: referenceDeclarations(result.references), stderr: warnings.join('') || undefined, exitCode: 0 };
  if (!fs.existsSync(into)) throw new UsageError(`no such file: ${into}`);
  const text = fs.readFileSync(into, 'utf8');
  const declared = declaredLabels(text);
  const fresh: ImportedReference[] = [];
  for (const r of result.references) {
    if (declared.has(r.label)) warnings.push(`note: ${r.label} is already declared in ${into}: kept as it is\n`);
    else fresh.push(r);
  }
  const addition = referenceDeclarations(fresh);
  // Written beside the file and renamed over it: the file is whole before and after.
  const temp = path.join(path.dirname(into), `.${path.basename(into)}.${process.pid}.partial`);
  fs.writeFileSync(temp, text + (text.length > 0 && !text.endsWith('\n') ? '\n' : '') + addition);
  fs.renameSync(temp, into);
  return { stdout: `added ${fresh.length} reference${fresh.length === 1 ? '' : 's'} to ${into}\n`, stderr: warnings.join('') || undefined, exitCode: 0 };
}

function exportRefs(args: Args): CommandResult {
  const fmt = format(args, formats, 'bibtex');
  const analysis = analyzeOneFile(args, 'refs export');
  const refs = [...analysis.symbols.references.values()].map((r): ImportedReference => ({
    label: r.name,
    citation: r.decl.citation?.value ?? '',
    doi: r.decl.doi?.value.value,
    pmid: r.decl.pmid?.value.text,
  }));
  return { stdout: formatBibliography(refs, fmt), exitCode: 0 };
}

export function refs(args: Args): CommandResult {
  const [sub, ...rest] = args.positionals;
  const inner = { ...args, positionals: rest };
  if (sub === 'import') return importRefs(inner);
  if (sub === 'export') return exportRefs(inner);
  throw new UsageError('refs takes `import <file.bib|.ris|.json> [--into FILE]` or `export <file> --format bibtex|ris|csl-json`');
}
