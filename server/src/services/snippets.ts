// Templates for the blocks a committee writes most: a guideline header, a statement, a
// rule, a case and a decision, with placeholders to tab through. One definition serves
// both the editor's snippet file (snippets/guideline.json, with GRADE's words) and the
// server's completion, which fills the choices from the guideline's own grading scheme
// and the verb from the statement's strength.

/** What a template may be told about the place it is inserted. */
export interface SnippetContext {
  /** Strength levels to choose from, in the scheme's order. */
  readonly strengths: readonly string[];
  readonly certainties: readonly string[];
  /** The verbs a rule may write here: both, or the one the statement's strength asks for. */
  readonly verbs: readonly string[];
  /** A statement id not yet taken. */
  readonly statementId: string;
}

export interface Snippet {
  /** The keyword it starts with, which is also what the user types to get it. */
  readonly keyword: 'guideline' | 'statement' | 'rule' | 'case' | 'decision';
  /** The snippet file's key. */
  readonly name: string;
  readonly description: string;
  /** The body, one string per line, in LSP and VS Code snippet syntax. */
  body(ctx: SnippetContext): string[];
}

/** GRADE's words: what the static snippet file offers, where no scheme is known. */
export const gradeSnippetContext: SnippetContext = {
  strengths: ['strong', 'conditional'],
  certainties: ['high', 'moderate', 'low', 'very_low'],
  verbs: ['recommend', 'suggest'],
  statementId: 'S1',
};

/** A choice placeholder, or a plain one when there is a single word. */
function choice(n: number, words: readonly string[]): string {
  return words.length === 1 ? `\${${n}:${words[0]}}` : `\${${n}|${words.join(',')}|}`;
}

export const snippets: readonly Snippet[] = [
  {
    keyword: 'guideline',
    name: 'Guideline header',
    description: 'The guideline\'s header: id, title and the Delphi panel that voted.',
    body: () => [
      'guideline ${1:guideline_id} {',
      '  title "${2:Title of the guideline}"',
      '  panel {',
      '    voters ${3:20}',
      '    agree A, B',
      '    consensus ${4:80}%',
      '    strong ${5:70}%',
      '  }',
      '}',
      '$0',
    ],
  },
  {
    keyword: 'statement',
    name: 'Statement',
    description: 'A graded consensus statement with its agreement and one rule.',
    body: (ctx) => [
      `statement \${1:${ctx.statementId}} "\${2:Title}" {`,
      '  text "${3:The statement as published.}"',
      '  basis ${4|evidence,expert_opinion|}',
      `  strength ${choice(5, ctx.strengths)}`,
      `  certainty ${choice(6, ctx.certainties)}`,
      '  agreement ${7:90}%',
      '  rule ${8:rule_name}',
      '    when ${9:condition}',
      `    then ${choice(10, ctx.verbs)} \${11:intervention}`,
      '}',
      '$0',
    ],
  },
  {
    keyword: 'rule',
    name: 'Rule',
    description: 'A rule of the statement: which patients, and what it recommends for them.',
    body: (ctx) => [
      'rule ${1:rule_name}',
      '  when ${2:condition}',
      `  then ${choice(3, ctx.verbs)} \${4:intervention}`,
      '$0',
    ],
  },
  {
    keyword: 'case',
    name: 'Case',
    description: 'A patient vignette that tests the rules: what is given, what must be recommended.',
    body: (ctx) => [
      'case "${1:Patient description}" {',
      '  given ${2:attribute} = ${3:value}',
      `  expect ${choice(4, ctx.verbs)} \${5:intervention}`,
      '}',
      '$0',
    ],
  },
  {
    keyword: 'decision',
    name: 'Decision',
    description: 'A decision tree drawn from the rules, splitting on the attributes asked.',
    body: () => [
      'decision ${1:decision_name} "${2:Title}" {',
      '  ask ${3:attribute}',
      '}',
      '$0',
    ],
  },
];

export function snippetFor(keyword: string): Snippet | undefined {
  return snippets.find((s) => s.keyword === keyword);
}

/** The editor's snippet file, as snippets/guideline.json holds it (a test keeps the two equal). */
export function snippetFile(): Record<string, { prefix: string; description: string; body: string[]; isFileTemplate?: boolean }> {
  return Object.fromEntries(
    snippets.map((s) => [
      s.name,
      { prefix: s.keyword, description: s.description, body: s.body(gradeSnippetContext), ...(s.keyword === 'guideline' ? { isFileTemplate: true } : {}) },
    ]),
  );
}
