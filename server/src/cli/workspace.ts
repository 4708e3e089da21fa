// The workspace a command analyses in, with the settings its flags give, and the analysis
// of the single file that `inspect` and `tree` take.
import type { Analysis } from '../pipeline/analysis.js';
import { Workspace } from '../pipeline/workspace.js';
import { UsageError, type Args } from './args.js';
import { fileUri, guidelineFiles } from './files.js';
import { settingsFromArgs } from './settings-flags.js';

export function commandWorkspace(args: Args): Workspace {
  const workspace = new Workspace();
  workspace.settings = settingsFromArgs(args);
  return workspace;
}

export function analyzeOneFile(args: Args, command: string): Analysis {
  const files = guidelineFiles(args.positionals);
  if (files.length !== 1) throw new UsageError(`${command} takes exactly one file`);
  const analysis = commandWorkspace(args).analysis(fileUri(files[0]));
  if (!analysis) throw new UsageError(`cannot read ${files[0]}`);
  return analysis;
}
