// A statement's grading as one value: what hover, the command line's model and the tree's
// leaves all show. Agreement is the stated percentage, or else the one its votes give.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from './document.js';
import { isOneOf, bases, certainties, statuses, strengths, type Basis, type Certainty, type Status, type Strength } from './vocabulary.js';

export interface Panel {
  voters?: number;
  agree: string[];
  consensus: number;
  strong: number;
}

export interface Grading {
  basis?: Basis;
  strength?: Strength;
  certainty?: Certainty;
  /** Percent, e.g. 96.2. */
  agreement?: number;
  /** True when the percentage was computed from the votes rather than stated. */
  agreementFromVotes: boolean;
  votes?: Record<string, number>;
  endorsedStrong?: number;
  status: Status;
}

export function panelOf(analysis: ResolvedDocument): Panel {
  // The guideline header may sit in the root or in a used file; the root's wins.
  const header = analysis.program.files.map((f) => f.parse.ast.header).find((h) => h?.panel);
  const p = header?.panel;
  return {
    voters: p?.voters?.value.value,
    agree: p?.agree?.value.map((n) => n.text) ?? ['A', 'B'],
    consensus: p?.consensus?.value.value ?? analysis.settings.defaultConsensus,
    strong: p?.strong?.value.value ?? analysis.settings.defaultStrong,
  };
}

export function votesOf(decl: A.StatementDecl): Record<string, number> | undefined {
  const votes = decl.votes?.value;
  if (!votes || votes.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const v of votes) out[v.grade.text] = (out[v.grade.text] ?? 0) + v.count.value;
  return out;
}

export function gradingOf(decl: A.StatementDecl, panel: Panel): Grading {
  const votes = votesOf(decl);
  let agreement = decl.agreement?.value.value;
  let agreementFromVotes = false;
  if (agreement === undefined && votes) {
    const total = Object.values(votes).reduce((a, b) => a + b, 0);
    const agreeing = panel.agree.reduce((sum, g) => sum + (votes[g] ?? 0), 0);
    if (total > 0) {
      agreement = Math.round((1000 * agreeing) / total) / 10;
      agreementFromVotes = true;
    }
  }
  const status = decl.status?.value.text;
  return {
    basis: isOneOf(bases, decl.basis?.value.text) ? decl.basis?.value.text as Basis : undefined,
    strength: isOneOf(strengths, decl.strength?.value.text) ? decl.strength?.value.text as Strength : undefined,
    certainty: isOneOf(certainties, decl.certainty?.value.text) ? decl.certainty?.value.text as Certainty : undefined,
    agreement,
    agreementFromVotes,
    votes,
    endorsedStrong: decl.endorsedStrong?.value.value,
    status: isOneOf(statuses, status) ? status : 'adopted',
  };
}
