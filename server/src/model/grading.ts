// A statement's grading as one value: what hover, the command line's model and the tree's
// leaves all show. Strength and certainty are kept as written and as GRADE reads them
// through the guideline's scheme; a rule's own grading overrides its statement's. Agreement
// is the stated percentage, or else the one its votes give.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from './document.js';
import { PerObject } from './per-object.js';
import { selectScheme, type GradingScheme, type SchemeSelection } from './grading-scheme.js';
import {
  isOneOf, bases, historyWords, statementKinds, statuses,
  type Basis, type Certainty, type HistoryWord, type StatementKind, type Status, type Strength,
} from './vocabulary.js';

export interface Panel {
  voters?: number;
  agree: string[];
  consensus: number;
  strong: number;
  /** The panel block sets `consensus`: there was a vote, so every graded statement gives its agreement. */
  requiresAgreement: boolean;
}

export interface Grading {
  kind: StatementKind;
  basis?: Basis;
  /** GRADE's meaning of the strength as written, through the scheme; none for ungraded kinds. */
  strength?: Strength;
  certainty?: Certainty;
  /** The scheme's levels as written (`IIa`, `weak`, `1`), where they are levels of the scheme. */
  written: { strength?: string; certainty?: string };
  /** The scheme the levels belong to (`GRADE` for the built-in one). */
  scheme: string;
  /** Percent, e.g. 96.2. */
  agreement?: number;
  /** True when the percentage was computed from the votes rather than stated. */
  agreementFromVotes: boolean;
  votes?: Record<string, number>;
  endorsedStrong?: number;
  status: Status;
  /** The voters of this statement's vote: its own `voters`, else the panel's. */
  voters?: number;
  remarks: string[];
  history?: { word: HistoryWord; note?: string };
}

/** What grading a statement needs besides the statement itself. */
export interface GradingContext {
  readonly panel: Panel;
  readonly scheme: GradingScheme;
  readonly schemes: SchemeSelection;
}

/** The largest voters count the arithmetic accepts: beyond it, whole numbers are no longer exact. */
export const maxVoters = Number.MAX_SAFE_INTEGER;

/** A voters count as written, when it is one: a whole number from 1 up to `maxVoters`. */
export function validVoters(lit: A.NumberLit | undefined): number | undefined {
  if (!lit) return undefined;
  const n = lit.value;
  return Number.isInteger(n) && n >= 1 && n <= maxVoters ? n : undefined;
}

export function panelOf(analysis: ResolvedDocument): Panel {
  // The guideline header may sit in the root or in a used file; the root's wins.
  const header = analysis.program.files.map((f) => f.parse.ast.header).find((h) => h?.panel);
  const p = header?.panel;
  return {
    voters: validVoters(p?.voters?.value),
    agree: p?.agree?.value.map((n) => n.text) ?? ['A', 'B'],
    consensus: p?.consensus?.value.value ?? analysis.settings.defaultConsensus,
    strong: p?.strong?.value.value ?? analysis.settings.defaultStrong,
    requiresAgreement: p?.consensus !== undefined,
  };
}

const contexts = new PerObject<ResolvedDocument, GradingContext>('grading context');

/** The panel and scheme of an analysis, computed once per analysis. */
export function gradingContext(analysis: ResolvedDocument): GradingContext {
  let ctx = contexts.get(analysis);
  if (!ctx) {
    const schemes = selectScheme(analysis.program.files);
    ctx = { panel: panelOf(analysis), scheme: schemes.scheme, schemes };
    contexts.set(analysis, ctx);
  }
  return ctx;
}

export function votesOf(decl: A.StatementDecl): Record<string, number> | undefined {
  const votes = decl.votes?.value;
  if (!votes || votes.length === 0) return undefined;
  const out: Record<string, number> = {};
  let total = 0;
  for (const v of votes) {
    out[v.grade.text] = (out[v.grade.text] ?? 0) + v.count.value;
    total += v.count.value;
  }
  // A count past what a double holds (`number-too-large` reports it), or counts whose total
  // overflows, would carry Infinity into agreement, messages and exports: such votes count as
  // not given, so every reader of them can add them up safely.
  return Number.isFinite(total) ? out : undefined;
}

/** The statement's kind as written, `recommendation` when absent or misspelt. */
export function kindOf(decl: A.StatementDecl): StatementKind {
  const k = decl.statementKind?.value.text;
  return isOneOf(statementKinds, k) ? k : 'recommendation';
}

/** Best practice and informational statements carry no strength or certainty. */
export function isGraded(kind: StatementKind): boolean {
  return kind === 'recommendation';
}

export function gradingOf(decl: A.StatementDecl, ctx: GradingContext): Grading {
  const { panel, scheme } = ctx;
  const votes = votesOf(decl);
  let agreement = decl.agreement?.value.value;
  let agreementFromVotes = false;
  if (agreement === undefined && votes) {
    const total = Object.values(votes).reduce((a, b) => a + b, 0);
    const agreeing = panel.agree.reduce((sum, g) => sum + (votes[g] ?? 0), 0);
    // A thousand times a count near the largest double overflows: no percentage comes from it.
    if (total > 0 && Number.isFinite(1000 * agreeing)) {
      agreement = Math.round((1000 * agreeing) / total) / 10;
      agreementFromVotes = true;
    }
  }
  const status = decl.status?.value.text;
  const kind = kindOf(decl);
  const history = decl.history?.value;
  return {
    kind,
    basis: isOneOf(bases, decl.basis?.value.text) ? decl.basis?.value.text as Basis : undefined,
    ...levels(isGraded(kind) ? decl : {}, scheme),
    scheme: scheme.name,
    agreement,
    agreementFromVotes,
    votes,
    endorsedStrong: decl.endorsedStrong?.value.value,
    status: isOneOf(statuses, status) ? status : 'adopted',
    voters: validVoters(decl.voters?.value) ?? panel.voters,
    remarks: decl.remarks.map((r) => r.value.value),
    history: history && isOneOf(historyWords, history.word.text) ? { word: history.word.text, note: history.note?.value } : undefined,
  };
}

/** A rule's grading: its own strength and certainty where it gives them, else its statement's. */
export function ruleGradingOf(statement: Grading, rule: A.RuleDecl, scheme: GradingScheme): Grading {
  if (!isGraded(statement.kind) || (!rule.strength && !rule.certainty)) return statement;
  const own = levels(rule, scheme);
  return {
    ...statement,
    strength: rule.strength ? own.strength : statement.strength,
    certainty: rule.certainty ? own.certainty : statement.certainty,
    written: {
      strength: rule.strength ? own.written.strength : statement.written.strength,
      certainty: rule.certainty ? own.written.certainty : statement.written.certainty,
    },
  };
}

function levels(
  graded: { strength?: A.Field<A.Name>; certainty?: A.Field<A.Name> },
  scheme: GradingScheme,
): Pick<Grading, 'strength' | 'certainty' | 'written'> {
  const s = graded.strength?.value.text;
  const c = graded.certainty?.value.text;
  const strength = s === undefined ? undefined : scheme.strengths.get(s);
  const certainty = c === undefined ? undefined : scheme.certainties.get(c);
  return {
    strength,
    certainty,
    written: { strength: strength && s, certainty: certainty && c },
  };
}

/** A statement's grading in its guideline's scheme: the model's one entry point for exports. */
export function statementGrading(analysis: ResolvedDocument, decl: A.StatementDecl): Grading {
  return gradingOf(decl, gradingContext(analysis));
}

/** A rule's grading (its own, or its statement's) in its guideline's scheme. */
export function ruleGrading(analysis: ResolvedDocument, decl: A.StatementDecl, rule: A.RuleDecl): Grading {
  const ctx = gradingContext(analysis);
  return ruleGradingOf(gradingOf(decl, ctx), rule, ctx.scheme);
}
