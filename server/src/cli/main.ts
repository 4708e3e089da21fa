#!/usr/bin/env node
// The `guideline` command line: the language server's checks, for CI and the shell.
import { parseArgs, UsageError } from './args.js';
import { check } from './check.js';
import type { CommandResult } from './command.js';
import { exportCommand } from './export.js';
import { inspect } from './inspect.js';
import { refs } from './refs.js';
import { test } from './test.js';
import { tree } from './tree.js';
import { settingsFlags, settingsHelp } from './settings-flags.js';

const commands: Record<string, { run: (args: ReturnType<typeof parseArgs>) => CommandResult | Promise<CommandResult>; usage: string }> = {
  check: { run: check, usage: 'check <files or folders> [--format text|json|sarif] [--max-warnings N] [--docs-url URL]\n                                                 report diagnostics; exit 1 on any error (or more than N warnings)' },
  export: { run: exportCommand, usage: 'export <file> --format fhir|markdown|html|docx [--out DIR] [--base URL]\n                                                 the guideline for other systems; refuses a file with errors' },
  inspect: { run: inspect, usage: 'inspect <file> [--format json]                 print the resolved model' },
  refs: { run: refs, usage: 'refs import <file.bib|.ris|.json> [--into FILE] [--from bibtex|ris|csl-json]\n                                                 print (or append to FILE) reference declarations\n  refs export <file> --format bibtex|ris|csl-json  the references as a bibliography file' },
  test: { run: test, usage: 'test <files or folders> [--format text|json|junit]  run the cases; exit 1 on any failure' },
  tree: { run: tree, usage: 'tree <file> [--decision NAME] [--format text|json|svg] [--detail]  print a decision tree (--detail unfolds what the view folds)' },
};

const valued = new Set(['format', 'decision', 'out', 'max-warnings', 'docs-url', 'base', 'into', 'from', ...settingsFlags]);

export function usage(): string {
  return [
    'Usage: guideline <command> [options]',
    '',
    'Commands:',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
    '',
    'Options for every command:',
    settingsHelp,
    '',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return { stdout: usage(), exitCode: name ? 0 : 2 };
  const command = commands[name];
  if (!command) return { stdout: '', stderr: `guideline: unknown command '${name}'\n\n${usage()}`, exitCode: 2 };
  try {
    return await command.run(parseArgs(rest, valued));
  } catch (err) {
    if (err instanceof UsageError) return { stdout: '', stderr: `guideline ${name}: ${err.message}\n`, exitCode: 2 };
    throw err;
  }
}

if (require.main === module) {
  // `guideline tree ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  runCli(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    },
    (err: unknown) => {
      process.stderr.write(`guideline: internal error, please report it: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
