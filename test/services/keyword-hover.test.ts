import * as assert from 'node:assert/strict';
import { lexemesIn, parse, reservedKeywords, softKeywords } from '../../grammar/src/index.js';
import { hover } from '../../server/src/services/hover.js';
import { documentedValues, keywordDoc, valueDoc } from '../../server/src/services/keyword-docs.js';
import { bases, certainties, historyWords, statementKinds, statuses, strengthWords, voteGrades } from '../../server/src/model/vocabulary.js';
import { builtinTypes } from '../../server/src/model/types.js';
import { analyzeFiles, analyzeText } from '../helpers.js';

/** A file that writes every keyword of the language at least once where it is a keyword. */
const everyKeyword = `guideline g {
  title "T"
  doi "10.1/x"
  grading GRADE
  panel { voters 52 agree A, B consensus 80% strong 70% }
}
use "vocab.guideline"
grading acc "ACC" { strength I strong, IIa conditional certainty A high, C_EO very_low }
enum Stage { Ia, IIIa }
attribute stage: Stage
attribute flag: boolean
attribute status: boolean
attribute age: years
attribute lactate: number unit "mmol/L" molar_mass 90.08
intervention x "X"
intervention y
reference 1 "Ref" doi "10.1/y" pmid 123
assume flag implies stage = Ia
statement S1 "t" {
  text "words"
  basis evidence
  strength conditional
  certainty low
  votes A 30, B 17, C 3, D 2, E 0
  endorsed_strong 75%
  cites 1
  section "s"
  rationale "r"
  status adopted
  kind recommendation
  voters 52
  remark "m"
  history revised "n"
  rule r1 when flag and not (stage in { Ia } or age between 1 years and 2 years) then suggest x over y within 1 hour
  rule r2 overrides r1 strength conditional certainty low when flag = true then suggest against x
  rule r3 when status = false then suggest x after 2 hours
}
statement S2 { basis expert_opinion strength strong certainty high agreement 96.2% rule r4 when stage = IIIa then recommend y }
case "c" { given flag = true expect only suggest x expect not recommend y }
case "d" { given flag = false expect nothing }
decision d { ask flag, stage where flag from S1 }
`;

function analysed(text = everyKeyword) {
  return analyzeFiles({ 'main.guideline': text, 'vocab.guideline': 'attribute other: boolean\n' });
}

/** Hover at the `occurrence`-th `needle`, `into` characters into it. */
function hoverOn(text: string, needle: string, occurrence = 1, into = 1): string | undefined {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no ${needle}`);
  return hover(text === everyKeyword ? analysed() : analyzeText(text), at + into)?.markdown;
}

describe('hover on the words of the language', () => {
  it('documents every keyword the lexer knows', () => {
    for (const kw of [...reservedKeywords, ...softKeywords]) {
      const doc = keywordDoc(kw);
      assert.ok(doc, `no documentation for keyword ${kw}`);
      assert.ok(doc.startsWith(`**${kw}** (keyword)`), kw);
      assert.match(doc, /```guideline\n[^`]+\n```$/, `${kw} has an example`);
    }
  });

  it('hovers on each keyword where the file writes it as one', () => {
    const a = analysed();
    const missing: string[] = [];
    for (const kw of [...reservedKeywords, ...softKeywords]) {
      const hits = [...everyKeyword.matchAll(new RegExp(`\\b${kw}\\b`, 'g'))].map((m) => hover(a, m.index + 1)?.markdown ?? '');
      if (!hits.some((md) => md.startsWith(`**${kw}** (keyword)`))) missing.push(kw);
    }
    assert.deepEqual(missing, []);
  });

  it('a soft keyword that names an attribute hovers as the attribute', () => {
    const md = hoverOn(everyKeyword, 'status = false')!;
    assert.match(md, /^\*\*attribute\*\* `status`: boolean/);
    // The declaration's own name is not the keyword either.
    assert.doesNotMatch(hoverOn(everyKeyword, 'attribute status', 1, 12) ?? '', /\(keyword\)/);
  });

  it('explains the GRADE strength and certainty a statement gives', () => {
    const strong = hoverOn(everyKeyword, 'strength strong', 1, 10)!;
    assert.match(strong, /^\*\*strong\*\*: GRADE strong recommendation/);
    assert.match(strong, /Most informed patients would want this course/);
    assert.match(hoverOn(everyKeyword, 'strength conditional', 1, 10)!, /values and preferences/);
    assert.match(hoverOn(everyKeyword, 'certainty low', 1, 11)!, /^\*\*low\*\*: GRADE certainty ⊕⊕◯◯ low/);
    assert.match(hoverOn(everyKeyword, 'certainty high', 1, 11)!, /very confident that the true effect lies close/);
    assert.match(hoverOn(everyKeyword, 'basis expert_opinion', 1, 7)!, /clinical experience/);
    assert.match(hoverOn(everyKeyword, 'status adopted', 1, 8)!, /^\*\*adopted\*\*: status/);
    assert.match(hoverOn(everyKeyword, 'kind recommendation', 1, 6)!, /^\*\*recommendation\*\*: kind/);
    assert.match(hoverOn(everyKeyword, 'history revised', 1, 9)!, /^\*\*revised\*\*: history/);
    // A rule's own grading is explained the same way.
    assert.match(hoverOn(everyKeyword, 'overrides r1 strength conditional', 1, 23)!, /^\*\*conditional\*\*: GRADE conditional/);
  });

  it('explains vote grades, the panel\'s agree grades and built-in types', () => {
    assert.match(hoverOn(everyKeyword, 'votes A 30', 1, 6)!, /^\*\*A\*\*: Delphi vote grade/);
    assert.match(hoverOn(everyKeyword, 'agree A, B', 1, 9)!, /^\*\*B\*\*: Delphi vote grade/);
    assert.match(hoverOn(everyKeyword, 'age: years', 1, 6)!, /^\*\*years\*\*: built-in type/);
    assert.match(hoverOn(everyKeyword, 'flag: boolean', 1, 7)!, /^\*\*boolean\*\*: built-in type/);
  });

  it('puts an agreement against the panel\'s consensus threshold', () => {
    assert.match(hoverOn(everyKeyword, '96.2%', 1, 1)!, /^\*\*96\.2%\*\* reaches the panel's consensus threshold of 80%/);
    assert.match(hoverOn(everyKeyword, 'endorsed_strong 75%', 1, 17)!, /reaches the panel's strong-endorsement threshold of 70%/);
    const below = 'guideline g { panel { consensus 90% } }\nstatement S { basis evidence strength strong certainty low agreement 85% }';
    assert.match(hoverOn(below, '85%', 1, 0)!, /falls short of the panel's consensus threshold of 90%/);
  });

  it('reads a scheme\'s levels through the GRADE word they mean', () => {
    const text = `guideline g { grading acc }
grading acc "ACC" { strength I strong, IIa conditional certainty A high, C_EO very_low }
statement S { basis evidence strength IIa certainty C_EO }`;
    const level = hoverOn(text, 'strength IIa', 1, 10)!;
    assert.match(level, /^\*\*IIa\*\*: strength level of `acc`, read as GRADE `conditional`/);
    assert.match(level, /values and preferences/);
    assert.match(hoverOn(text, 'certainty C_EO', 1, 11)!, /read as GRADE `very_low`[\s\S]*very little confidence/);
    assert.match(hoverOn(text, 'IIa conditional', 1, 5)!, /^\*\*conditional\*\*: GRADE conditional/);
    assert.match(hoverOn(text, 'IIa conditional', 1, 1)!, /^\*\*IIa\*\*: strength level of this grading scheme/);
    assert.match(hoverOn(text, 'grading acc }', 1, 9)!, /^\*\*acc\*\*: grading scheme[\s\S]*`IIa` → conditional/);
    assert.match(hoverOn(everyKeyword, 'grading GRADE', 1, 9)!, /^\*\*GRADE\*\*: built-in grading scheme/);
  });

  it('a misspelt value and a committee\'s own names get no word hover', () => {
    assert.equal(hoverOn('statement S { strength strog }', 'strog'), undefined);
    assert.equal(hoverOn('statement S { rule r when undeclared then suggest x }', 'undeclared'), undefined);
    assert.equal(hoverOn('// statement in a comment', 'statement'), undefined);
    assert.equal(hoverOn('statement S { text "rule inside a string" }', 'rule'), undefined);
  });

  it('lexes only the declaration under the cursor, with the offsets of the whole file', () => {
    const parsed = parse(everyKeyword);
    for (const d of parsed.ast.declarations) {
      const whole = parsed.tokens.filter((t) => t.span.start >= d.span.start && t.span.end <= d.span.end);
      assert.deepEqual(lexemesIn(everyKeyword, d.span), whole);
    }
  });

  it('every word a field offers has its meaning written', () => {
    const fields = { strength: strengthWords, certainty: certainties, basis: bases, status: statuses, kind: statementKinds, history: historyWords, grade: voteGrades, type: builtinTypes } as const;
    for (const [field, words] of Object.entries(fields) as [keyof typeof fields, readonly string[]][]) {
      assert.deepEqual(documentedValues(field).sort(), [...words].sort(), field);
      for (const w of words) assert.match(valueDoc(field, w) ?? '', new RegExp(`^\\*\\*${w}\\*\\*: `), `${field} ${w}`);
    }
    assert.equal(valueDoc('strength', 'toString'), undefined, 'an inherited property is no word');
    assert.equal(keywordDoc('constructor'), undefined);
  });
});
