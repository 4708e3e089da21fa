// `guideline inspect <file> --format json`: the resolved model.
import { Workspace } from '../analysis/workspace.js';
import { exportModel } from '../features/model.js';
import { format, UsageError, type Args } from './args.js';
import type { CommandResult } from './command.js';
import { fileUri, guidelineFiles } from './files.js';
import { settingsFromArgs } from './settings-flags.js';

export function inspect(args: Args): CommandResult {
  format(args, ['json'] as const, 'json');
  const files = guidelineFiles(args.positionals);
  if (files.length !== 1) throw new UsageError('inspect takes exactly one file');
  const workspace = new Workspace();
  workspace.settings = settingsFromArgs(args);
  const analysis = workspace.analysis(fileUri(files[0]));
  if (!analysis) throw new UsageError(`cannot read ${files[0]}`);
  return { stdout: JSON.stringify(exportModel(analysis), null, 2) + '\n', exitCode: 0 };
}
