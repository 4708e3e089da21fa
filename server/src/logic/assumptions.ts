// `assume EXPR`: facts about every patient (`assume septic_shock implies sepsis`). All the
// assumptions of the program together are one condition as boxes; the rules' conditions
// and the decisions' populations are narrowed to it, so every finding, gap, tree leaf and
// witness is about a patient the assumptions admit.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Box } from './box.js';
import { conditionOf, conjoin, type Problem } from './condition.js';
import type { Scope } from './scope.js';

export interface Assumption {
  readonly decl: A.AssumeDecl;
  readonly uri: string;
  /** Undefined when the condition could not be analysed; `problem` says why. */
  readonly boxes?: readonly Box[];
  readonly problem?: Problem;
}

export interface Assumptions {
  readonly list: readonly Assumption[];
  /** All analysable assumptions together; `[[]]` (everyone) when there are none. */
  readonly boxes: readonly Box[];
  /** Together they have too many alternatives to analyse: the analysis does without them. */
  readonly tooComplex: boolean;
}

export const noAssumptions: Assumptions = { list: [], boxes: [[]], tooComplex: false };

export function collectAssumptions(analysis: ResolvedDocument, scope: Scope, known: ReadonlySet<string>): Assumptions {
  const list: Assumption[] = [];
  for (const file of analysis.program.files) {
    for (const d of file.parse.ast.declarations) {
      if (d.kind !== 'Assume') continue;
      const c = conditionOf(d.condition, scope, known);
      list.push({ decl: d, uri: file.uri, ...(c.ok ? { boxes: c.boxes } : { problem: c.problem }) });
    }
  }
  if (list.length === 0) return noAssumptions;
  let boxes: readonly Box[] = [[]];
  for (const a of list) {
    if (!a.boxes) continue;
    const both = conjoin(boxes, a.boxes);
    if (!both) return { list, boxes: [[]], tooComplex: true };
    boxes = both;
  }
  return { list, boxes, tooComplex: false };
}

/** A condition narrowed to the patients the assumptions admit. */
export function restrict(boxes: readonly Box[], assumptions: Assumptions): readonly Box[] {
  if (assumptions.boxes.length === 1 && assumptions.boxes[0].length === 0) return boxes;
  return conjoin(boxes, assumptions.boxes) ?? boxes;
}
