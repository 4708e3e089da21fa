// `guideline tree <file> [--decision NAME] --format text|json`: a decision's tree (the
// file's first decision, or the default tree of a file with none).
import { Workspace } from '../analysis/workspace.js';
import type { DecisionTreeResult } from '../protocol.js';
import { decisionTree } from '../tree/compile.js';
import { treeText } from '../tree/text.js';
import { renderTreeSvg } from '../render/svg.js';
import { format, option, UsageError, type Args } from './args.js';
import type { CommandResult } from './command.js';
import { fileUri, guidelineFiles } from './files.js';
import { settingsFromArgs } from './settings-flags.js';

/** Output formats by name. A renderer module adds its own (such as `svg`) here. */
export const treeFormats: Record<string, (result: DecisionTreeResult) => string | Promise<string>> = {
  text: treeText,
  // Compact: deep trees indented would be mostly spaces.
  json: (result) => JSON.stringify(result) + '\n',
  // The preview's picture, in light colours (layout is asynchronous, hence the promise).
  svg: (result) => renderTreeSvg(result),
};

export async function tree(args: Args): Promise<CommandResult> {
  const fmt = format(args, Object.keys(treeFormats), 'text');
  const files = guidelineFiles(args.positionals);
  if (files.length !== 1) throw new UsageError('tree takes exactly one file');
  const workspace = new Workspace();
  workspace.settings = settingsFromArgs(args);
  const analysis = workspace.analysis(fileUri(files[0]));
  if (!analysis) throw new UsageError(`cannot read ${files[0]}`);
  const result = decisionTree(analysis, option(args, 'decision'));
  if (result.error) return { stdout: '', stderr: `guideline tree: ${result.error.replace(/`/g, '')}\n`, exitCode: 2 };
  return { stdout: await treeFormats[fmt](result), exitCode: 0 };
}
