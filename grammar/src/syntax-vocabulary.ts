// The words each place of the grammar starts with, for telling a misspelt keyword from a
// missing one and for saying what may come next in the committee's terms.

export const declarationWords = ['guideline', 'use', 'enum', 'attribute', 'intervention', 'reference', 'statement', 'case', 'decision', 'grading', 'assume'] as const;

export const statementFieldWords = ['text', 'basis', 'strength', 'certainty', 'agreement', 'votes', 'endorsed_strong', 'cites', 'section', 'rationale', 'status', 'kind', 'voters', 'remark', 'history', 'rule'] as const;

/** The words a block's body is made of, by the grammar rule of the block. */
export const blockWords: Readonly<Record<string, readonly string[]>> = {
  statementDecl: statementFieldWords,
  guidelineHeader: ['title', 'doi', 'panel', 'grading'],
  panelBlock: ['voters', 'agree', 'consensus', 'strong'],
  caseDecl: ['given', 'expect'],
  decisionDecl: ['ask', 'where', 'from'],
  gradingDecl: ['strength', 'certainty'],
};

/** What a block is called in a message, by its grammar rule. */
export const blockNames: Readonly<Record<string, string>> = {
  statementDecl: 'statement',
  guidelineHeader: 'guideline',
  panelBlock: 'panel',
  caseDecl: 'case',
  decisionDecl: 'decision',
  gradingDecl: 'grading',
  enumDecl: 'enum',
};

export const verbs = ['recommend', 'suggest'] as const;

/** Words that are one word with an underscore, often written as two. */
export const joinedWords = ['very_low', 'expert_opinion', 'best_practice', 'endorsed_strong', 'molar_mass'] as const;

/** A typical value for a field whose value is missing. */
export const fieldExamples: Readonly<Record<string, string>> = {
  basis: 'basis evidence',
  strength: 'strength strong',
  certainty: 'certainty moderate',
  status: 'status adopted',
  kind: 'kind best_practice',
  history: 'history revised',
  agreement: 'agreement 85%',
  endorsed_strong: 'endorsed_strong 75%',
  consensus: 'consensus 80%',
  strong: 'strong 70%',
  voters: 'voters 20',
  votes: 'votes A 12, B 5, C 1, D 0, E 0',
  cites: 'cites 12, 14-16',
  text: 'text "..."',
  section: 'section "..."',
  rationale: 'rationale "..."',
  remark: 'remark "..."',
  title: 'title "..."',
  doi: 'doi "10.1000/xyz"',
  agree: 'agree A, B',
  given: 'given stage = IIa',
  ask: 'ask stage, age',
  from: 'from S1, S2',
  overrides: 'overrides other_rule',
  within: 'within 1 hour',
  after: 'after 4 hours',
  unit: 'unit "mg/dL"',
  molar_mass: 'molar_mass 180.16',
  use: 'use "vocabulary.guideline"',
  pmid: 'pmid 12345678',
};
