// Gaps: patients in a decision's population for whom no rule of the decision recommends
// anything. They are the gap leaves of the decision's tree (the same partition the preview
// draws), so the diagnostics and the picture cannot disagree.
import type * as A from '../../../../grammar/src/index.js';
import { pickPoint } from '../box.js';
import type { Consistency } from '../engine.js';
import { partitionOf } from '../partition/decision.js';
import { pathsTo } from '../partition/paths.js';
import { witnessOf, type WitnessValue } from '../witness.js';

export interface Gap {
  readonly witness: WitnessValue[];
}

export interface DecisionGaps {
  readonly decision: A.DecisionDecl;
  /** The first few gap regions, each with a witness. */
  readonly gaps: Gap[];
  /** How many regions of the tree are gaps. */
  readonly total: number;
  /** The tree was too large to finish: regions past the limit were not checked. */
  readonly truncated: boolean;
  readonly regions: number;
}

export function decisionGaps(consistency: Consistency, decision: A.DecisionDecl, limit = 5): DecisionGaps {
  const p = partitionOf(consistency, decision);
  const found = pathsTo(p.root, p.spec.population, (leaf) => leaf.gap, limit);
  const gaps = found.regions.map((region) => ({ witness: witnessOf(pickPoint(region, consistency.scope), consistency.scope, p.spec.order) }));
  return { decision, gaps, total: found.total, truncated: p.truncated, regions: p.regions };
}
