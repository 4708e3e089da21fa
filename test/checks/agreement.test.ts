import * as assert from 'node:assert/strict';
import { isAttainable, nearestAttainable } from '../../server/src/checks/agreement.js';
import { analyzeText, diagnosticStrings } from '../helpers.js';

const head = 'guideline g { panel { voters 52 agree A, B } }\n';
const grading = 'basis evidence strength conditional certainty low';

function findings(text: string, only: string[]): string[] {
  return diagnosticStrings(analyzeText(text), (c) => only.includes(c));
}

describe('agreement arithmetic', () => {
  it('knows which percentages 52 voters can give at each precision', () => {
    assert.equal(isAttainable(96.2, 1, 52), true); // 50/52
    assert.equal(isAttainable(80.0, 1, 52), false);
    assert.equal(isAttainable(80, 0, 52), false); // 41/52 is 79, 42/52 is 81
    assert.equal(isAttainable(90, 0, 52), true); // 47/52 = 90.38
    assert.equal(isAttainable(100, 0, 52), true);
    assert.equal(isAttainable(0, 1, 52), true);
    assert.equal(isAttainable(12.5, 0, 8), true); // 1/8, rounded half either way
    assert.deepEqual(nearestAttainable(80.0, 1, 52), { below: { k: 41, text: '78.8' }, above: { k: 42, text: '80.8' } });
  });

  it('reports an unattainable agreement, naming the nearest attainable values', () => {
    assert.deepEqual(findings(`${head}statement S1 { ${grading} agreement 80.0% }`, ['unattainable-percentage']), [
      '[2:76..2:81] unattainable-percentage Agreement 80.0% cannot come from the panel\'s 52 voters: no whole number of them gives 80.0% at this precision; the nearest are 78.8% (41/52) and 80.8% (42/52)',
    ]);
    assert.deepEqual(findings(`${head}statement S1 { ${grading} agreement 96.2% }`, ['unattainable-percentage']), []);
    // Without a panel size nothing can be said.
    assert.deepEqual(findings(`statement S1 { ${grading} agreement 80.0% }`, ['unattainable-percentage']), []);
  });

  it('checks a strong endorsement the same way', () => {
    assert.deepEqual(findings(`${head}statement S1 { ${grading} agreement 96.2% endorsed_strong 70.0% }`, ['unattainable-percentage']), [
      '[2:98..2:103] unattainable-percentage Strong endorsement 70.0% cannot come from the panel\'s 52 voters: no whole number of them gives 70.0% at this precision; the nearest are 69.2% (36/52) and 71.2% (37/52)',
    ]);
  });

  it('reports votes that do not add up to the panel', () => {
    assert.deepEqual(findings(`${head}statement S1 { ${grading} votes A 30, B 17, C 3 }`, ['votes-total']), [
      '[2:66..2:87] votes-total The votes of `S1` add up to 50, but the panel has 52 voters',
    ]);
    assert.deepEqual(findings(`${head}statement S1 { ${grading} votes A 30, B 17, C 3, D 2 }`, ['votes-total']), []);
    assert.deepEqual(findings(`statement S1 { ${grading} votes A 0, B 0 }`, ['votes-total', 'placeholder']), [
      '[1:66..1:80] placeholder The votes of `S1` are all 0, a placeholder: enter the panel\'s votes',
    ]);
  });

  it('reports a stated percentage that differs from its votes', () => {
    assert.deepEqual(findings(`${head}statement S1 { ${grading} agreement 92.3% votes A 30, B 17, C 3, D 2 }`, ['agreement-votes-mismatch']), [
      '[2:76..2:81] agreement-votes-mismatch `S1` states agreement 92.3%, but its votes give 47 of 52 agreeing (A, B), which is 90.4%',
    ]);
    assert.deepEqual(findings(`${head}statement S1 { ${grading} agreement 90.4% votes A 30, B 17, C 3, D 2 }`, ['agreement-votes-mismatch', 'unattainable-percentage']), []);
    assert.deepEqual(findings(`${head}statement S1 { ${grading} agreement 90% votes A 30, B 17, C 3, D 2 }`, ['agreement-votes-mismatch']), []);
  });
});
