import * as assert from 'node:assert/strict';
import { analyzeFiles, analyzeText, diagnosticStrings } from '../helpers.js';

const vocab = `enum CnlcStage { Ia, Ib, IIa }
attribute stage: CnlcStage
attribute age: years
intervention haic
`;
const graded = 'basis evidence strength conditional certainty low agreement 90%';
const next = `statement S2 { ${graded} rule r3 when stage = Ia then suggest haic }\n`;

/** Every finding but the unused ones (the half-typed rule uses nothing yet). */
function findings(body: string): string[] {
  return diagnosticStrings(analyzeText(vocab + body), (c) => !c.startsWith('unused'));
}

describe('half-typed conditions', () => {
  it('`when stage in {` gives one syntax error wherever it is typed', () => {
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when stage in {\n}\n`), [
      '[6:24..6:25] syntax This set is not closed: add its members and `}`',
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when stage in {\n  rule r2 when age < 3 years then suggest haic\n}\n${next}`), [
      '[6:24..6:25] syntax This set is not closed: add its members and `}`',
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when stage in { then suggest haic\n}\n`), [
      '[6:24..6:25] syntax This set is not closed: add its members and `}`',
    ]);
  });

  it('`when age <` gives one syntax error wherever it is typed', () => {
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when age <\n}\n`), [
      '[6:19..6:20] syntax `age <` needs a value after it: an enum member, `true`, `false` or a number with its unit',
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when age <\n  section "x"\n}\n${next}`), [
      '[6:19..6:20] syntax `age <` needs a value after it: an enum member, `true`, `false` or a number with its unit',
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when age < then suggest haic\n}\n`), [
      '[6:19..6:20] syntax `age <` needs a value after it: an enum member, `true`, `false` or a number with its unit',
    ]);
  });

  it('still reports the findings of the complete rules around it', () => {
    const got = findings(`statement S1 { ${graded}\n  rule r when age <\n  rule r2 when stage = IIb then suggest haic\n}\n`);
    assert.deepEqual(got, [
      '[6:19..6:20] syntax `age <` needs a value after it: an enum member, `true`, `false` or a number with its unit',
      '[7:24..7:27] unresolved-member `IIb` is not a value of `CnlcStage` (Ia, Ib, IIa); did you mean `Ib` or `IIa`?',
    ]);
  });
});

describe('a syntax error holds back what depends on it', () => {
  const words = `enum Stage { Ia, Ib, IIa }
attribute stage: Stage
attribute fit: boolean
intervention surgery
intervention chemo
`;
  const all = (body: string): string[] => diagnosticStrings(analyzeText(words + body), (c) => !c.startsWith('unused'));

  it('a half-typed verb fails no case, and the cases run once it is whole', () => {
    const body = (verb: string) => `statement S1 { basis evidence strength conditional certainty low agreement 90%
  rule r1 when stage = Ia then suggest surgery
  rule r2 when stage = Ib and fit then ${verb} chemo
}
case "c" { given stage = Ib, fit = true expect suggest chemo }
case "d" { given stage = Ib expect nothing }
`;
    assert.deepEqual(all(body('sugest')), ['[8:40..8:46] syntax Write `suggest`, not `sugest`']);
    assert.deepEqual(all(body('recommend')), [
      '[8:40..8:49] verb-strength-mismatch Rule `r2` says `recommend`, but `S1` is conditional: a conditional statement\'s rules say `suggest`',
      '[10:41..10:61] case-failed Expected `suggest chemo`, but the rules give `recommend chemo` (S1 `r2`) (rules that fired: `r2`)',
      '[11:6..11:9] case-undetermined Rule `r2` (S1) may or may not fire for this case: give `fit`',
      '[11:29..11:43] case-failed Expected nothing, but rule `r2` could also give `recommend chemo`, depending on `fit`',
    ]);
  });

  it('a broken rule in a used file holds back the cases that use it', () => {
    const rules = (verb: string) => `${words}statement S1 { basis evidence strength conditional certainty low agreement 90%
  rule r1 when stage = Ib then ${verb} chemo
}
`;
    const cases = 'use "rules.guideline"\ncase "c" { given stage = Ib expect suggest chemo }\n';
    const codes = (verb: string) => analyzeFiles({ 'rules.guideline': rules(verb), 'main.guideline': cases }).findings.map((f) => f.code);
    assert.deepEqual(codes('sugest'), []);
    assert.deepEqual(codes('recommend'), ['case-failed']);
  });

  it('a case with a syntax error reports only that error', () => {
    assert.deepEqual(all('case "c" { given stage = Ia expect only recommend surgery, suggest chemo }\n'), [
      '[6:60..6:73] syntax One verb per `expect`: write `expect suggest chemo` on a line of its own',
    ]);
  });

  it('nothing is said of the words a syntax error is about', () => {
    assert.deepEqual(all('statement S1 { basis evidence strength conditional certainty very low agreement 90% }\n'), [
      '[6:62..6:70] syntax Write `very_low`, one word with an underscore',
    ]);
  });

  it('an unclosed text block does not make its statement lack the fields after it', () => {
    assert.deepEqual(all('statement S1 { text """ Patients\n basis evidence strength strong certainty low agreement 90% }\n'), [
      '[6:21..6:24] unterminated-string This text is not closed: add `"""` where it ends (everything after this `"""` is read as text)',
    ]);
  });

  it('a complete rule conflicts with no broken one, and still with the complete ones', () => {
    const got = all(`statement S1 { basis evidence strength strong certainty high agreement 90%
  rule r1 when stage = Ia then recommend surgery
  rule r2 when stage = Ia then recommend against surgery
  rule r3 when stage = Ia then recommend against chemo
  rule r4 when stage = Ia then recommend chemo,
}
`);
    assert.deepEqual(got.map((d) => d.replace(/ Rule .*/, '')), ['[7:8..7:10] rule-conflict', '[8:8..8:10] rule-conflict', '[10:47..10:48] syntax Remove the comma after `chemo`: nothing follows it in the list']);
  });
});
