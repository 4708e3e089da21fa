// Common mistakes, one row each: the text (with ⟦ ⟧ around the range the error must
// cover), the one error it must give, in the committee's words, and, where the repair is
// certain, the text its quick fix must leave, which then parses cleanly.
import * as assert from 'node:assert/strict';
import { parse } from '../../grammar/src/index.js';

interface Mistake {
  /** What the writer got wrong. */
  readonly what: string;
  /** The text, with ⟦ and ⟧ around the expected range. */
  readonly text: string;
  readonly message: string;
  readonly code?: string;
  /** The text after the quick fix; undefined: there must be no quick fix. */
  readonly fixed?: string;
}

/** A statement holding `body` as its only content. */
const st = (body: string): string => `statement S1 {\n  ${body}\n}\n`;
/** A statement holding one rule. */
const rule = (r: string): string => st(`rule r1 ${r}`);
/** A case holding `body`. */
const kase = (body: string): string => `case "c" {\n  ${body}\n}\n`;

const mistakes: Mistake[] = [
  // Percentages and numbers
  { what: 'a percentage without %', text: st('agreement ⟦85⟧\n  rule r1 when a then recommend x'), message: 'A percentage needs `%`: `85%`', fixed: st('agreement 85%\n  rule r1 when a then recommend x') },
  { what: 'percent spelt out', text: st('agreement 85 ⟦percent⟧'), message: 'Write `%`, not `percent`: `85%`', fixed: st('agreement 85%') },
  { what: 'a share for a percentage', text: st('agreement ⟦0.85⟧'), message: 'A percentage needs `%`: for a share of 0.85, write `85%`' },
  { what: 'two % signs', text: st('agreement 85%⟦%⟧'), message: 'One `%` is enough', fixed: st('agreement 85%') },
  // Verbs and interventions
  { what: 'a verb with no intervention', text: rule('when a ⟦then recommend⟧'), message: '`then recommend` needs an intervention: `then recommend <intervention>`' },
  { what: 'against with no intervention', text: rule('when a ⟦then suggest against⟧'), message: '`then suggest against` needs an intervention: `then suggest against <intervention>`' },
  { what: 'against with no verb', text: rule('when a then ⟦against⟧ x'), message: 'Write the verb before `against`: `then recommend against …` or `then suggest against …`' },
  { what: 'a misspelt verb', text: rule('when a then ⟦recommends⟧ x'), message: 'Write `recommend`, not `recommends`', fixed: rule('when a then recommend x') },
  { what: 'a half-typed verb', text: rule('when a then ⟦sugg⟧ x'), message: 'Write `suggest`, not `sugg`', fixed: rule('when a then suggest x') },
  { what: 'an intervention with no verb', text: rule('when a then ⟦surgery⟧'), message: 'Write the verb before `surgery`: `then recommend surgery` or `then suggest surgery`' },
  { what: 'then with nothing after it', text: rule('when a ⟦then⟧'), message: '`then` needs a recommendation: `then recommend <intervention>` or `then suggest <intervention>`' },
  { what: 'no then before the verb', text: rule('when a ⟦recommend⟧ x'), message: 'Write `then` before `recommend`', fixed: rule('when a then recommend x') },
  { what: 'and between interventions', text: rule('when a then recommend x ⟦and⟧ y'), message: 'Separate the interventions with commas, not `and`: `x, y`', fixed: rule('when a then recommend x, y') },
  { what: 'no comma between interventions', text: rule('when a then recommend x ⟦y⟧'), message: 'Separate the interventions with commas: `x, y`', fixed: rule('when a then recommend x, y') },
  { what: 'a comma after the last intervention', text: rule('when a then recommend x⟦,⟧'), message: 'Remove the comma after `x`: nothing follows it in the list', fixed: rule('when a then recommend x') },
  { what: 'two verbs in one rule', text: rule('when a then recommend x, ⟦suggest y⟧'), message: 'A rule has one verb: `suggest y` needs a rule of its own' },
  { what: 'a misspelt overrides', text: rule('⟦overides⟧ r0 when a then recommend x'), message: 'Write `overrides`, not `overides`', fixed: rule('overrides r0 when a then recommend x') },
  { what: 'a timing with no number', text: rule('when a then recommend x within ⟦hour⟧'), message: '`within` needs a number before the unit: `within 1 hour`' },
  { what: 'a misspelt rule', text: st('⟦rul⟧ r1 when a then recommend x'), message: '`rul` is not a statement field: did you mean `rule`?', fixed: st('rule r1 when a then recommend x') },
  // when and conditions
  { what: 'if for when', text: rule('⟦if⟧ a then recommend x'), message: 'Write `when`, not `if`', fixed: rule('when a then recommend x') },
  { what: 'a misspelt when', text: rule('⟦wehn⟧ a then recommend x'), message: 'Write `when`, not `wehn`', fixed: rule('when a then recommend x') },
  { what: 'when without a condition', text: rule('⟦when⟧ then recommend x'), message: '`when` needs a condition: `when stage = IIa`' },
  { what: 'and without a condition', text: rule('when a ⟦and⟧ then recommend x'), message: '`and` needs a condition after it' },
  { what: 'or written twice', text: rule('when a or ⟦or⟧ b then recommend x'), message: '`or` is written twice', fixed: rule('when a or b then recommend x') },
  { what: '&& for and', code: 'symbolic-operator', text: rule('when a ⟦&&⟧ b then recommend x'), message: 'Write `and`, not `&&`: conditions use the words `and`, `or` and `not`' },
  { what: '& for and', code: 'symbolic-operator', text: rule('when a ⟦&⟧ b then recommend x'), message: 'Write `and`, not `&`: conditions use the words `and`, `or` and `not`' },
  { what: '|| for or', code: 'symbolic-operator', text: rule('when a ⟦||⟧ b then recommend x'), message: 'Write `or`, not `||`: conditions use the words `and`, `or` and `not`' },
  { what: '== for =', text: rule('when stage ⟦==⟧ IIa then recommend x'), message: 'Write `=`, not `==`', fixed: rule('when stage = IIa then recommend x') },
  { what: '<> for !=', text: rule('when stage ⟦<>⟧ IIa then recommend x'), message: 'Write `!=`, not `<>`', fixed: rule('when stage != IIa then recommend x') },
  { what: '=> for >=', text: rule('when age ⟦=>⟧ 65 years then recommend x'), message: 'Write `>=`, not `=>`', fixed: rule('when age >= 65 years then recommend x') },
  { what: '=< for <=', text: rule('when age ⟦=<⟧ 65 years then recommend x'), message: 'Write `<=`, not `=<`', fixed: rule('when age <= 65 years then recommend x') },
  { what: 'a comparison with no value', text: rule('when age ⟦<⟧ then recommend x'), message: '`age <` needs a value after it: an enum member, `true`, `false` or a number with its unit' },
  { what: 'a comparison left at the end of a line', text: st('rule r1 when age ⟦<⟧\n  section "x"'), message: '`age <` needs a value after it: an enum member, `true`, `false` or a number with its unit' },
  { what: 'a quoted enum member', text: rule('when stage = ⟦"IIa"⟧ then recommend x'), message: 'An enum member is written without quotes: `IIa`', fixed: rule('when stage = IIa then recommend x') },
  { what: 'a set in parentheses', text: rule('when stage in ⟦(⟧Ia, Ib) then recommend x'), message: 'A set is written in braces: `in { a, b }`', fixed: rule('when stage in {Ia, Ib} then recommend x') },
  { what: 'no comma in a set', text: rule('when stage in { Ia ⟦Ib⟧ } then recommend x'), message: 'Separate the set\'s members with commas: `Ia, Ib`', fixed: rule('when stage in { Ia, Ib } then recommend x') },
  { what: 'a set not closed', text: rule('when stage in ⟦{⟧ Ia, Ib then recommend x'), message: 'This set is not closed: add `}` after its last member', fixed: rule('when stage in { Ia, Ib } then recommend x') },
  { what: 'a range with a dash', text: rule('when age between 1 ⟦-⟧ 3 then recommend x'), message: 'Write `and` between the two values, not `-`: `between 1 and 3`', fixed: rule('when age between 1 and 3 then recommend x') },
  { what: 'a parenthesis not closed', text: rule('when ⟦(⟧a and b then recommend x'), message: 'This `(` is not closed: add `)` where the condition ends', fixed: rule('when (a and b) then recommend x') },
  { what: 'not after the attribute', text: rule('when ⟦stage not⟧ in { Ia } then recommend x'), message: 'Write `not` before the condition: `not stage in …`', fixed: rule('when not stage in { Ia } then recommend x') },
  { what: 'is for =', text: rule('when fit ⟦is⟧ true then recommend x'), message: 'Compare with `=`: `fit = …`', fixed: rule('when fit = true then recommend x') },
  { what: 'a number with no comparison', text: rule('when age ⟦65⟧ years then recommend x'), message: 'Compare `age` with `=`, `!=`, `<`, `<=`, `>` or `>=`: `age >= 65`' },
  { what: 'two conditions with nothing between', text: rule('when a ⟦b⟧ then recommend x'), message: 'After the condition write `and`, `or` or `then`, not `b`' },
  // Fields
  { what: 'very low in two words', text: st('certainty ⟦very low⟧'), message: 'Write `very_low`, one word with an underscore', fixed: st('certainty very_low') },
  { what: 'expert opinion in two words', text: st('basis ⟦expert opinion⟧'), message: 'Write `expert_opinion`, one word with an underscore', fixed: st('basis expert_opinion') },
  { what: 'a misspelt field', text: st('⟦strenght⟧ strong'), message: '`strenght` is not a statement field: did you mean `strength`?', fixed: st('strength strong') },
  { what: 'a field in capitals', text: st('⟦Certainty⟧ low'), message: '`Certainty` is not a statement field: did you mean `certainty`?', fixed: st('certainty low') },
  { what: 'a colon after a field', text: st('strength⟦:⟧ strong'), message: 'Remove the `:`: write `strength strong`', fixed: st('strength strong') },
  { what: 'an equals sign after a field', text: st('basis ⟦=⟧ evidence'), message: 'Remove the `=`: write `basis evidence`', fixed: st('basis evidence') },
  { what: 'a quoted field word', text: st('strength ⟦"strong"⟧'), message: 'Write `strong` without quotes', fixed: st('strength strong') },
  { what: 'a field with no value', text: st('⟦basis⟧'), message: '`basis` needs a value: `basis evidence`' },
  { what: 'a field with no value before the next', text: st('⟦strength⟧ certainty low'), message: '`strength` needs a value: `strength strong`' },
  { what: 'unquoted text', text: st('section ⟦Surgery⟧'), message: 'Put the section in double quotes: `"Surgery"`', fixed: st('section "Surgery"') },
  { what: 'text with nothing after it', text: st('⟦text⟧'), message: '`text` needs the text in double quotes: `text "…"`' },
  { what: 'no comma between votes', text: st('votes A 10 ⟦B⟧ 2'), message: 'Separate the votes with commas: `A 10, B 2`', fixed: st('votes A 10, B 2') },
  { what: 'a colon in a vote', text: st('votes A⟦:⟧ 10'), message: 'Remove the `:`: write `A 10`', fixed: st('votes A 10') },
  { what: 'no comma between citations', text: st('cites 1 ⟦2⟧'), message: 'Separate the references with commas: `1, 2`', fixed: st('cites 1, 2') },
  { what: 'else in a statement', text: st('rule r1 when a then recommend x\n  ⟦else⟧'), message: 'There is no `else`: write a second rule with the opposite condition' },
  // Declarations and blocks
  { what: 'a statement not closed before the next', text: 'statement S1 ⟦{⟧\n  strength strong\nstatement S2 { }\n', message: '`statement S1` is not closed: add `}` before `statement`', fixed: 'statement S1 {\n  strength strong\n}\nstatement S2 { }\n' },
  { what: 'a statement not closed at the end', text: 'statement S1 ⟦{⟧\n  strength strong\n', message: '`statement S1` is not closed: add `}` at the end', fixed: 'statement S1 {\n  strength strong\n}\n' },
  { what: 'a brace that closes nothing', text: 'intervention x\n⟦}⟧\nintervention y\n', message: 'This `}` closes nothing: remove it', fixed: 'intervention x\n\nintervention y\n' },
  { what: 'a misspelt declaration', text: '⟦statment⟧ S1 { }\n', message: '`statment` is not a declaration: did you mean `statement`?', fixed: 'statement S1 { }\n' },
  { what: 'a rule outside a statement', text: '⟦rule⟧ r1 when a then recommend x\n', message: 'A rule belongs inside a statement: `statement S1 { rule … }`' },
  { what: 'a field outside a statement', text: 'statement S1 { }\n⟦strength⟧ strong\n', message: '`strength` belongs inside a statement\'s `{ … }`: was the statement closed too early?' },
  { what: 'a statement with no name', text: '⟦statement⟧ { }\n', message: '`statement` needs a name, such as `S1`' },
  { what: 'a number for a name', text: 'statement ⟦1⟧ { }\n', message: '`statement` needs a name that starts with a letter, such as `S1`: `1` is a number' },
  { what: 'a quoted name', text: 'statement ⟦"S1"⟧ { }\n', message: 'A name is written without quotes: `S1`', fixed: 'statement S1 { }\n' },
  { what: 'a reserved word for a name', text: 'intervention ⟦and⟧\n', message: '`and` is a reserved word and cannot be a name' },
  { what: 'an attribute with no colon', text: 'attribute age ⟦years⟧\n', message: 'Write `:` before the type: `age: years`', fixed: 'attribute age: years\n' },
  { what: 'an attribute with = for :', text: 'attribute age ⟦=⟧ years\n', message: 'Write `:` before the type, not `=`: `age: years`', fixed: 'attribute age : years\n' },
  { what: 'an attribute with no type', text: 'attribute age⟦:⟧\n', message: '`age:` needs a type: boolean, number, percent, days, weeks, months, years or an enum' },
  { what: 'enum members with no comma', text: 'enum Stage { Ia ⟦Ib⟧ }\n', message: 'Separate the members with commas: `Ia, Ib`', fixed: 'enum Stage { Ia, Ib }\n' },
  { what: 'a comma after the last member', text: 'enum Stage { Ia, Ib⟦,⟧ }\n', message: 'Remove the comma after `Ib`: nothing follows it in the list', fixed: 'enum Stage { Ia, Ib }\n' },
  { what: 'a misspelt panel field', text: 'guideline g {\n  panel { ⟦voter⟧ 10 }\n}\n', message: '`voter` is not a panel field: did you mean `voters`?', fixed: 'guideline g {\n  panel { voters 10 }\n}\n' },
  { what: 'grades with no comma', text: 'guideline g {\n  panel { agree A ⟦B⟧ }\n}\n', message: 'Separate the grades with commas: `A, B`', fixed: 'guideline g {\n  panel { agree A, B }\n}\n' },
  { what: 'an unquoted title', text: 'guideline g {\n  title ⟦Sepsis⟧\n}\n', message: 'Put the title in double quotes: `"Sepsis"`', fixed: 'guideline g {\n  title "Sepsis"\n}\n' },
  { what: 'an unquoted use path', text: 'use ⟦vocabulary.guideline⟧\n', message: 'Put the file name in double quotes: `"vocabulary.guideline"`' },
  { what: 'decision attributes with no comma', text: 'decision d {\n  ask stage ⟦age⟧\n}\n', message: 'Separate the attributes with commas: `stage, age`', fixed: 'decision d {\n  ask stage, age\n}\n' },
  // Cases
  { what: 'an unquoted case title', text: 'case ⟦c⟧ {\n  expect nothing\n}\n', message: 'Put the case\'s title in double quotes: `"c"`', fixed: 'case "c" {\n  expect nothing\n}\n' },
  { what: 'a comma before expect', text: kase('given stage = Ia⟦,⟧ expect nothing'), message: 'Remove the comma after `Ia`: `expect` starts the next field', fixed: kase('given stage = Ia expect nothing') },
  { what: 'no comma between given values', text: kase('given stage = Ia ⟦age⟧ = 70\n  expect nothing'), message: 'Separate the values with commas: `Ia, age = …`', fixed: kase('given stage = Ia, age = 70\n  expect nothing') },
  { what: '== in given', text: kase('given stage ⟦==⟧ Ia\n  expect nothing'), message: 'Write `=`, not `==`', fixed: kase('given stage = Ia\n  expect nothing') },
  { what: 'no given before a value', text: kase('⟦stage⟧ = Ia\n  expect nothing'), message: 'Write `given` before `stage =`: `given stage = …`', fixed: kase('given stage = Ia\n  expect nothing') },
  { what: 'no expect before a verb', text: kase('given stage = Ia\n  ⟦recommend⟧ x'), message: 'Write `expect` before `recommend`: `expect recommend …`', fixed: kase('given stage = Ia\n  expect recommend x') },
  { what: 'expect with nothing after it', text: kase('⟦expect⟧'), message: '`expect` needs what the case expects: `expect recommend <intervention>`, or `expect nothing`' },
  { what: 'expect with a verb and nothing after it', text: kase('⟦expect recommend⟧'), message: '`expect recommend` needs an intervention: `expect recommend <intervention>`' },
  { what: 'two verbs in one expect', text: kase('expect only recommend a, ⟦suggest b⟧'), message: 'One verb per `expect`: write `expect suggest b` on a line of its own', fixed: kase('expect only recommend a\n  expect suggest b') },
  { what: 'a misspelt verb in expect', text: kase('expect ⟦recomend⟧ x'), message: 'Write `recommend`, not `recomend`', fixed: kase('expect recommend x') },
  { what: 'a misspelt nothing', text: kase('expect ⟦nothin⟧'), message: 'Write `nothing`, not `nothin`', fixed: kase('expect nothing') },
  // Characters and strings
  { what: 'a text block never closed', code: 'unterminated-string', text: 'statement S1 {\n  text ⟦"""⟧Patients with\n  basis evidence strength strong\n}\n', message: 'This text is not closed: add `"""` where it ends (everything after this `"""` is read as text)' },
  { what: 'a string never closed', code: 'unterminated-string', text: 'statement S1 { section ⟦"Surgery }⟧\n', message: 'This string is not closed: add `"` where it ends, on this line' },
  { what: 'a # comment', code: 'unknown-character', text: 'intervention x ⟦#⟧ first line\n', message: 'A comment starts with `//`, not `#`' },
  { what: 'a brace after a line comment with # that ends at a bare carriage return', text: '// item #1\r⟦}⟧\n', message: 'This `}` closes nothing: remove it', fixed: '// item #1\r\n' },
  { what: 'a brace after a block comment with # in it', text: '/* see #1 */ ⟦}⟧\n', message: 'This `}` closes nothing: remove it', fixed: '/* see #1 */\n' },
  { what: 'a semicolon', code: 'unknown-character', text: 'intervention x⟦;⟧\n', message: 'No `;` is needed: a field or rule ends where the next one starts' },
  { what: 'curly quotes', code: 'unknown-character', text: 'statement S1 { section ⟦“⟧Surgery” }\n', message: 'Write straight double quotes `"`, not curly ones' },
];

/** The text without its markers, and the range they mark. */
function marked(text: string): { text: string; start: number; end: number } {
  const start = text.indexOf('⟦');
  const end = text.indexOf('⟧') - 1;
  assert.ok(start >= 0 && end >= start, `no ⟦ ⟧ in ${text}`);
  return { text: text.replace('⟦', '').replace('⟧', ''), start, end };
}

function applied(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('common mistakes: one error each, in plain words, at the right place', () => {
  it(`covers at least 40 mistakes (${mistakes.length})`, () => {
    assert.ok(mistakes.length >= 40);
  });

  for (const m of mistakes) {
    it(m.what, () => {
      const { text, start, end } = marked(m.text);
      const errors = parse(text).errors;
      const shown = errors.map((e) => `${e.code} [${e.span.start}..${e.span.end}] ${e.message}`);
      assert.deepEqual(shown, [`${m.code ?? 'syntax'} [${start}..${end}] ${m.message}`], JSON.stringify(text));
      const fix = errors[0].fix;
      if (m.fixed === undefined) {
        assert.equal(fix, undefined, `unexpected fix ${JSON.stringify(fix)}`);
        return;
      }
      assert.ok(fix, 'no quick fix');
      const after = applied(text, fix.edits);
      assert.equal(after, m.fixed);
      assert.deepEqual(parse(after).errors.map((e) => e.message), []);
    });
  }
});
