// Numbers at the edge: panels of any size, percentages written with any number of
// decimals, literals past the largest double. Closed-form arithmetic, formatting that
// never throws, and no non-finite value in the model.
import * as assert from 'node:assert/strict';
import { nearestAttainable } from '../../server/src/checks/agreement.js';
import { exportModel } from '../../server/src/services/model-data.js';
import { analyzeText, codes, diagnosticStrings } from '../helpers.js';

const statement = (agreement: string) => `statement S1 { text "x" basis evidence strength strong certainty high agreement ${agreement} }`;

describe('numbers at the edge', () => {
  it('finds the nearest attainable percentages of a panel of 10^12 voters', () => {
    const a = analyzeText(`guideline g { panel { voters 1000000000000 } }\n${statement('33.33333333333333333%')}`);
    assert.ok(!codes(a).includes('internal-error'), diagnosticStrings(a).join('\n'));
    const n = nearestAttainable(50.5, 0, 3);
    assert.deepEqual([n.below?.k, n.above?.k], [1, 2]);
  });

  it('agrees with counting every k on small panels', () => {
    for (const voters of [1, 2, 3, 7, 52]) {
      for (const percent of [0, 0.4, 12.5, 33.3, 50, 66.7, 80, 99.9, 100]) {
        for (const decimals of [0, 1, 2]) {
          let below: number | undefined;
          let above: number | undefined;
          const tol = 0.5 * 10 ** -decimals + 1e-9;
          for (let k = 0; k <= voters; k++) {
            const p = (100 * k) / voters;
            if (p < percent - tol) below = k;
            else if (p > percent + tol && above === undefined) above = k;
          }
          const n = nearestAttainable(percent, decimals, voters);
          assert.deepEqual([n.below?.k, n.above?.k], [below, above], `${percent}% of ${voters} at ${decimals} decimals`);
        }
      }
    }
  });

  it('checks an agreement written with a hundred decimals', () => {
    const a = analyzeText(`guideline g { panel { voters 52 } }\n${statement(`80.${'1'.repeat(100)}%`)}`);
    assert.ok(!codes(a).includes('internal-error'), diagnosticStrings(a).join('\n'));
    assert.ok(codes(a).includes('unattainable-percentage'));
  });

  it('reports a number past the largest double and keeps the model finite', () => {
    const a = analyzeText(`guideline g { panel { voters 52 } }\n${statement(`${'9'.repeat(400)}%`)}`);
    assert.ok(codes(a).includes('number-too-large'));
    const numbers = JSON.stringify(exportModel(a), (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'NON-FINITE' : v));
    assert.doesNotMatch(numbers, /NON-FINITE/);
  });
});
