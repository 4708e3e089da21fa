// Chevrotain's own messages list every grammar path; committee members need one line
// that says what was expected where.
import type { IRecognitionException } from 'chevrotain';

const ruleDescriptions: Record<string, string> = {
  file: 'a declaration (guideline, use, enum, attribute, intervention, reference, statement, case or decision)',
  guidelineHeader: 'a guideline field (title, doi or panel)',
  panelBlock: 'a panel field (voters, agree, consensus or strong)',
  statementDecl: 'a statement field (text, basis, strength, certainty, agreement, votes, endorsed_strong, cites, section, rationale, status) or a rule',
  ruleDecl: 'a rule: `rule name when <condition> then <verb> <interventions>`',
  action: 'recommend, suggest, recommend against or suggest against, then interventions',
  notExpr: 'a condition',
  condition: 'a condition',
  parenExpr: 'a condition',
  compareOp: 'a comparison (=, !=, <, <=, >, >=)',
  fieldValue: 'a value for this field',
  value: 'a value (an enum member, true, false or a number with its unit)',
  quantity: 'a number',
  caseDecl: '`given` or `expect`',
  expectField: '`nothing`, `only`, or a verb and interventions',
  decisionDecl: '`ask` or `where`',
  typeRef: 'a type (boolean, number, percent, days, weeks, months, years or an enum)',
  string: 'a quoted string',
  label: 'a reference label',
  percentage: 'a percentage such as 80%',
};

function found(e: IRecognitionException): string {
  const tok = e.token;
  if (tok.tokenType.name === 'EOF') return 'the end of the file';
  const image = tok.image.length > 30 ? tok.image.slice(0, 30) + '…' : tok.image;
  return `'${image}'`;
}

export function describeSyntaxError(e: IRecognitionException): string {
  const stack = e.context?.ruleStack ?? [];
  const rule = stack[stack.length - 1] ?? 'file';
  if (e.name === 'MismatchedTokenException') {
    const m = /-->\s*(.*?)\s*<--/.exec(e.message);
    const expected = m ? tokenLabel(m[1]) : 'something else';
    return `Expected ${expected} but found ${found(e)}`;
  }
  const what = ruleDescriptions[rule] ?? 'something else';
  return `Expected ${what} but found ${found(e)}`;
}

function tokenLabel(raw: string): string {
  if (raw === 'NumberLiteral' || raw === 'number') return 'a number';
  if (raw === 'Name' || raw === 'Identifier') return 'a name';
  if (raw.startsWith('Kw_')) return `'${raw.slice(3)}'`;
  if (raw === 'string') return 'a quoted string';
  return raw;
}
