// The words the language enumerates for statement fields, in the order they are offered.
import type { Name } from '../../../grammar/src/index.js';
import type { Finding } from './findings.js';

/** The word a quick fix writes where only the committee knows the value; flagged as a warning until replaced. */
export const placeholderWord = 'TODO';

/** A placeholder left by a quick fix: a warning that lists what may go there. */
export function placeholderFinding(uri: string, name: Name, what: string, words: readonly string[]): Finding {
  return {
    severity: 'warning',
    code: 'placeholder',
    message: `\`${placeholderWord}\` is a placeholder: fill in ${what} (${words.map((w) => `\`${w}\``).join(', ')})`,
    uri,
    span: name,
    data: { choices: [...words] },
  };
}

export const bases = ['evidence', 'expert_opinion'] as const;
export const strengths = ['strong', 'conditional'] as const;
/** GRADE's strengths as they may be written: `weak` is GRADE's other word for conditional. */
export const strengthWords = ['strong', 'conditional', 'weak'] as const;
export const certainties = ['high', 'moderate', 'low', 'very_low'] as const;
export const statuses = ['adopted', 'draft', 'rejected'] as const;
export const voteGrades = ['A', 'B', 'C', 'D', 'E'] as const;
export const statementKinds = ['recommendation', 'best_practice', 'informational'] as const;
export const historyWords = ['new', 'revised', 'unchanged'] as const;

export type Basis = (typeof bases)[number];
export type Strength = (typeof strengths)[number];
export type Certainty = (typeof certainties)[number];
export type Status = (typeof statuses)[number];
export type StatementKind = (typeof statementKinds)[number];
export type HistoryWord = (typeof historyWords)[number];

export function isOneOf<T extends string>(words: readonly T[], word: string | undefined): word is T {
  return word !== undefined && (words as readonly string[]).includes(word);
}

/** GRADE's certainty symbols, as readers of guidelines know them. */
export const certaintySymbols: Record<Certainty, string> = {
  high: '⊕⊕⊕⊕',
  moderate: '⊕⊕⊕◯',
  low: '⊕⊕◯◯',
  very_low: '⊕◯◯◯',
};

export function certaintyLabel(c: Certainty): string {
  return `${certaintySymbols[c]} ${c.replace('_', ' ')}`;
}
