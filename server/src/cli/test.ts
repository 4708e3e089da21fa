// `guideline test <files or folders>`: runs every case of every file, prints each with
// pass or fail (and why), and exits 1 when any case fails.
import type { Workspace } from '../pipeline/workspace.js';
import { evaluateCases, type CaseResult } from '../logic/consistency/cases.js';
import { consistencyOf } from '../logic/engine.js';
import { junitXml } from '../services/export/junit.js';
import { format, type Args } from './args.js';
import type { CommandResult } from './command.js';
import { displayPath, fileUri, guidelineFiles } from './files.js';
import { commandWorkspace } from './workspace.js';

interface FileCases {
  file: string;
  cases: (CaseResult & { line: number })[];
}

export function runCases(files: string[], workspace: Workspace): FileCases[] {
  return files.map((file) => {
    const analysis = workspace.analysis(fileUri(file));
    if (!analysis) return { file, cases: [] };
    const results = evaluateCases(consistencyOf(analysis));
    return { file, cases: results.map((r) => ({ ...r, line: analysis.source.lines.position(r.decl.span.start).line + 1 })) };
  });
}

export function test(args: Args): CommandResult {
  const fmt = format(args, ['text', 'json', 'junit'] as const, 'text');
  const workspace = commandWorkspace(args);
  const results = runCases(guidelineFiles(args.positionals), workspace);
  const all = results.flatMap((r) => r.cases);
  const failed = all.filter((c) => !c.passed).length;
  if (fmt === 'json') {
    const json = results.map((r) => ({
      file: displayPath(r.file),
      cases: r.cases.map((c) => ({
        title: c.title,
        line: c.line,
        passed: c.passed,
        fired: c.fired.map((f) => f.name),
        failures: c.expectations.filter((e) => !e.ok).map((e) => e.message),
        undetermined: c.undetermined.map((u) => ({ rule: u.rule.name, give: u.attrs })),
      })),
    }));
    return { stdout: JSON.stringify(json, null, 2) + '\n', exitCode: failed > 0 ? 1 : 0 };
  }
  const note = (u: { rule: { name: string }; attrs: string[] }): string => `note: rule \`${u.rule.name}\` is undetermined: give ${u.attrs.map((a) => `\`${a}\``).join(', ')}`;
  if (fmt === 'junit') {
    const xml = junitXml(results.map((r) => ({
      path: displayPath(r.file),
      cases: r.cases.map((c) => ({
        title: c.title,
        line: c.line,
        passed: c.passed,
        failures: c.expectations.filter((e) => !e.ok).map((e) => e.message ?? 'failed'),
        notes: c.undetermined.map(note),
      })),
    })));
    return { stdout: xml, exitCode: failed > 0 ? 1 : 0 };
  }
  const lines: string[] = [];
  for (const r of results) {
    if (r.cases.length === 0) continue;
    lines.push(displayPath(r.file));
    for (const c of r.cases) {
      lines.push(`  ${c.passed ? 'pass' : 'FAIL'}  ${c.title}  (line ${c.line})`);
      for (const e of c.expectations) if (!e.ok) lines.push(`        ${e.message}`);
      for (const u of c.undetermined) lines.push(`        ${note(u)}`);
    }
  }
  const files = results.filter((r) => r.cases.length > 0).length;
  lines.push(`${all.length} case${all.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}: ${all.length - failed} passed, ${failed} failed`);
  return { stdout: lines.join('\n') + '\n', exitCode: failed > 0 ? 1 : 0 };
}
