// `guideline tree <file> [--decision NAME] [--format text|json|svg] [--detail]`: a decision's
// reviewer's view (the file's first decision, or the default tree of a file with none);
// `--detail` unfolds the splits the view folds.
import type { DecisionTreeResult } from '../protocol.js';
import { decisionTreeView } from '../services/tree-view/index.js';
import { viewText } from '../render/view-text.js';
import { renderTreeSvg } from '../render/svg.js';
import { format, option, type Args } from './args.js';
import type { CommandResult } from './command.js';
import { analyzeOneFile } from './workspace.js';

/** Output formats by name. A renderer module adds its own (such as `svg`) here. */
export const treeFormats: Record<string, (result: DecisionTreeResult, detail: boolean) => string | Promise<string>> = {
  text: (result, detail) => viewText(result, detail),
  // Compact: deep trees indented would be mostly spaces.
  json: (result) => JSON.stringify(result) + '\n',
  // The preview's picture, in light colours (layout is asynchronous, hence the promise).
  svg: (result, detail) => renderTreeSvg(result, { detail }),
};

export async function tree(args: Args): Promise<CommandResult> {
  const fmt = format(args, Object.keys(treeFormats), 'text');
  const analysis = analyzeOneFile(args, 'tree');
  const detail = args.options.get('detail') === true;
  const result = decisionTreeView(analysis, option(args, 'decision'), undefined, detail);
  if (result.error) return { stdout: '', stderr: `guideline tree: ${result.error.replace(/`/g, '')}\n`, exitCode: 2 };
  return { stdout: await treeFormats[fmt](result, detail), exitCode: 0 };
}
