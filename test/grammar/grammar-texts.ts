// Random texts from the grammar, for the parsers' agreement: every construct, with names
// drawn from plain words and from the soft keywords (`against`, `over`, `within`, `unit`,
// field keywords...), which is where a parser's choice between keyword and name shows.
// Most are valid; some are not (a field keyword as a field's value), which is as useful.
import type { Random } from '../fuzz/mutate.js';

const softWords = ['against', 'over', 'within', 'after', 'unit', 'text', 'strength', 'certainty', 'nothing', 'only', 'given', 'expect', 'status', 'kind', 'from', 'where', 'ask', 'grading', 'panel', 'title', 'remark', 'molar_mass', 'overrides', 'recommend', 'suggest', 'case', 'use'];
const plainWords = ['a', 'b', 'x1', 'stage', 'pvtt', 'years', 'weeks', 'E', 'IIa', '_z'];

export function grammarText(rnd: Random): string {
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const maybe = (p: number, s: () => string): string => (rnd() < p ? s() : '');
  const list = (n: number, s: () => string): string => Array.from({ length: 1 + int(n) }, s).join(', ');
  const name = (): string => (rnd() < 0.25 ? pick(softWords) : pick(plainWords));
  const str = (): string => pick(['"t"', '"a \\"q\\" b"', '"""\n    two\n    lines\n  """', '"x\\ny"']);
  const num = (): string => pick(['0', '1', '12', '3.5', '96.2', '100']);
  const quantity = (): string => `${maybe(0.2, () => '-')}${num()}${pick(['', '', '%', ' years', ' weeks', ' "IU/mL"', ' unit'])}`;
  const value = (): string => pick([quantity, () => 'true', () => 'false', name])();
  const cond = (): string => {
    const attr = name();
    return pick([
      () => attr,
      () => `${attr} ${pick(['=', '!=', '<', '<=', '>', '>=', '≤', '≥', '≠'])} ${value()}`,
      () => `${attr} in { ${maybe(0.8, () => list(3, value))} }`,
      () => `${attr} between ${value()} and ${value()}`,
    ])();
  };
  const expr = (depth: number): string => {
    const atom = (): string => `${'not '.repeat(rnd() < 0.2 ? 1 + int(3) : 0)}${depth > 0 && rnd() < 0.3 ? `(${expr(depth - 1)})` : cond()}`;
    const ands = (): string => Array.from({ length: 1 + int(3) }, atom).join(' and ');
    const ors = (): string => Array.from({ length: 1 + int(2) }, ands).join(' or ');
    return Array.from({ length: rnd() < 0.15 ? 2 + int(2) : 1 }, ors).join(' implies ');
  };
  const timing = (): string => pick([() => `within ${quantity()}`, () => `after ${quantity()}`, () => `between ${quantity()} and ${quantity()}`])();
  const act = (): string => `${pick(['recommend', 'suggest'])}${maybe(0.3, () => ' against')} ${list(2, name)}${maybe(0.2, () => ` over ${list(2, name)}`)}${maybe(0.2, () => ` ${timing()}`)}`;
  const level = (): string => pick([name, num])();
  const grade = (): string => `${pick(['strength', 'certainty'])} ${level()}`;
  const rule = (): string => `rule ${name()}${maybe(0.2, () => ` overrides ${list(2, name)}`)}${Array.from({ length: int(3) }, () => ` ${grade()}`).join('')} when ${expr(2)} then ${act()}`;
  const field = (): string => pick([
    () => `text ${str()}`, () => `section ${str()}`, () => `rationale ${str()}`, () => `remark ${str()}`,
    () => `${pick(['basis', 'strength', 'certainty', 'status', 'kind'])} ${level()}`,
    () => `${pick(['agreement', 'endorsed_strong'])} ${num()}%`, () => `voters ${maybe(0.2, () => '-')}${num()}`,
    () => `votes ${list(3, () => `${name()} ${num()}`)}`, () => `cites ${list(3, () => `${level()}${maybe(0.3, () => `-${level()}`)}`)}`,
    () => `history ${level()}${maybe(0.5, () => ` ${str()}`)}`, rule, rule,
  ])();
  const decl = (): string => pick([
    () => `guideline ${name()} { ${Array.from({ length: int(4) }, () => pick([() => `title ${str()}`, () => `doi ${str()}`, () => `grading ${name()}`, () => `panel { ${Array.from({ length: int(4) }, () => pick([() => `voters ${maybe(0.2, () => '-')}${num()}`, () => `agree ${list(2, name)}`, () => `consensus ${num()}%`, () => `strong ${num()}%`])()).join(' ')} }`])()).join(' ')} }`,
    () => `use ${str()}`,
    () => `enum ${name()}${maybe(0.3, str)} { ${maybe(0.9, () => list(4, () => `${name()}${maybe(0.3, () => ` ${str()}`)}`))} }`,
    () => `attribute ${name()}: ${name()}${maybe(0.2, () => ` unit ${str()}`)}${maybe(0.2, () => ` molar_mass ${num()}`)}${maybe(0.3, () => ` ${str()}`)}`,
    () => `intervention ${name()}${maybe(0.5, () => ` ${str()}`)}`,
    () => `reference ${level()}${maybe(0.6, () => ` ${str()}`)}${maybe(0.3, () => ` doi ${str()}`)}${maybe(0.3, () => ` pmid ${level()}`)}`,
    () => `statement ${name()}${maybe(0.4, () => ` ${str()}`)} {\n  ${Array.from({ length: int(7) }, field).join('\n  ')}\n}`,
    () => `case ${str()} { ${Array.from({ length: int(4) }, () => pick([() => `given ${list(3, () => `${name()} = ${value()}`)}`, () => `expect ${pick(['nothing', act(), `only ${act()}`, `not ${act()}`, `only not ${act()}`])}`])()).join(' ')} }`,
    () => `decision ${name()}${maybe(0.3, str)} { ${Array.from({ length: int(4) }, () => pick([() => `ask ${list(3, name)}`, () => `where ${expr(1)}`, () => `from ${list(2, name)}`])()).join(' ')} }`,
    () => `grading ${name()}${maybe(0.3, () => ` ${str()}`)} { ${Array.from({ length: int(3) }, () => `${pick(['strength', 'certainty'])} ${maybe(0.9, () => list(3, () => `${level()}${maybe(0.6, () => ` ${name()}`)}`))}`).join(' ')} }`,
    () => `assume ${expr(2)}`,
    () => `// a comment\n/* a block */`,
  ])();
  return Array.from({ length: 1 + int(6) }, decl).join('\n');
}
