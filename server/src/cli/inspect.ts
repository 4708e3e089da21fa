// `guideline inspect <file> --format json`: the resolved model.
import { exportModel } from '../services/model-data.js';
import { format, type Args } from './args.js';
import type { CommandResult } from './command.js';
import { analyzeOneFile } from './workspace.js';

export function inspect(args: Args): CommandResult {
  format(args, ['json'] as const, 'json');
  const analysis = analyzeOneFile(args, 'inspect');
  return { stdout: JSON.stringify(exportModel(analysis), null, 2) + '\n', exitCode: 0 };
}
