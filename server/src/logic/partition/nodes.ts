// The nodes of a finished partition: splits on one attribute and leaves with their outcome.
// Their own file so that the walks over a finished tree (paths.ts) need not import the
// algorithm that builds it.
import type { Box } from '../box.js';
import type { Domain } from '../domain.js';
import type { RuleInfo } from '../rules.js';

export interface OutcomeEntry {
  /** Statement index + recommendation: what a reader sees at a leaf. */
  readonly key: string;
  readonly statement: number;
  readonly statementDecl: RuleInfo['statement'];
  readonly rec: RuleInfo['recs'][number];
}

export interface PLeaf {
  readonly kind: 'leaf';
  readonly id: number;
  readonly outcome: OutcomeEntry[];
  readonly gap: boolean;
  readonly conflict: boolean;
  /** The budget ran out here: rules that only partly cover the region are not shown. */
  readonly truncated: boolean;
  /** The sets of rules holding on the paths that reach this leaf (see `rulesGiving`). */
  /** Settled when the tree is done: an array of its exact size then, since trees are kept with the analysis. */
  reachedBy: (readonly RuleInfo[])[];
  /**
   * The constraints on the first path to this leaf in the finished tree. Every patient in
   * this region and in the population gets exactly this outcome (see `leafRegion`).
   */
  region: Box;
}

export interface PBranch {
  readonly dom: Domain;
  readonly node: PNode;
}

export interface PSplit {
  readonly kind: 'split';
  readonly id: number;
  readonly attr: number;
  readonly branches: PBranch[];
  /** Rules whose conditions test this attribute at this split (merged over shared copies). */
  readonly rules: Set<number>;
  /** The decision's `where` tests this attribute here. */
  population: boolean;
}

export type PNode = PLeaf | PSplit;
