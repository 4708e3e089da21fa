import * as assert from 'node:assert/strict';
import { analyzeText, diagnosticStrings } from '../helpers.js';

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
      "[7:2..7:2] syntax Expected 'then' but found the end of the file",
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when stage in {\n  rule r2 when age < 3 years then suggest haic\n}\n${next}`), [
      "[7:3..7:7] syntax Expected '}' but found 'rule'",
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when stage in { then suggest haic\n}\n`), [
      "[6:26..6:30] syntax Expected '}' but found 'then'",
    ]);
  });

  it('`when age <` gives one syntax error wherever it is typed', () => {
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when age <\n}\n`), [
      "[7:1..7:2] syntax Expected a value (an enum member, true, false or a number with its unit) but found '}'",
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when age <\n  section "x"\n}\n${next}`), [
      "[7:11..7:14] syntax Expected 'then' but found '\"x\"'",
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n  rule r when age < then suggest haic\n}\n`), [
      "[6:21..6:25] syntax Expected a value (an enum member, true, false or a number with its unit) but found 'then'",
    ]);
  });

  it('still reports the findings of the complete rules around it', () => {
    const got = findings(`statement S1 { ${graded}\n  rule r when age <\n  rule r2 when stage = IIb then suggest haic\n}\n`);
    assert.deepEqual(got, [
      "[7:3..7:7] syntax Expected a value (an enum member, true, false or a number with its unit) but found 'rule'",
      '[7:24..7:27] unresolved-member `IIb` is not a value of `CnlcStage` (Ia, Ib, IIa); did you mean `Ib` or `IIa`?',
    ]);
  });
});
