// Words for the reviewer's view: a description's first word is lowered inside a sentence
// unless it is an abbreviation; a decision's population reads members by their descriptions.
import * as assert from 'node:assert/strict';
import { lowerFirst } from '../../server/src/render/words.js';
import { whereText } from '../../server/src/services/tree-view/population.js';
import { analyzeText } from '../helpers.js';

describe('view words', () => {
  it('lowers a plain or hyphenated first word, and keeps abbreviations', () => {
    assert.equal(lowerFirst('Age'), 'age');
    assert.equal(lowerFirst('Second-line systemic therapy'), 'second-line systemic therapy');
    assert.equal(lowerFirst('Anti-angiogenic drug'), 'anti-angiogenic drug');
    assert.equal(lowerFirst('CNLC stage'), 'CNLC stage');
    assert.equal(lowerFirst('PD-1 inhibitor'), 'PD-1 inhibitor');
    assert.equal(lowerFirst('PVE'), 'PVE');
  });

  it("reads a population's members by their own descriptions, else by their names", () => {
    const a = analyzeText(`enum Phase { initial "Initial assessment", post_resection "After R0 resection", other }
attribute phase: Phase "Point in the pathway"
attribute age: years
decision d { where phase != post_resection and phase in { initial, other } and age >= 18 years }
`);
    const d = a.source.parse.ast.declarations.find((x) => x.kind === 'Decision');
    assert.ok(d && d.kind === 'Decision' && d.where);
    assert.equal(whereText(d.where, a), 'Point in the pathway is not after R0 resection, and Point in the pathway is initial assessment or other, and age ≥ 18 years');
  });
});
