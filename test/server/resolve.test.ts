import * as assert from 'node:assert/strict';
import { analyzeFiles, analyzeText, codes, diagnosticStrings } from '../helpers.js';

const vocab = `
enum ChildPugh { A, B, C }
attribute child_pugh: ChildPugh "Child-Pugh class"
attribute age: years
intervention resection "Surgical resection"
`;

describe('name resolution', () => {
  it('resolves names across a used file', () => {
    const a = analyzeFiles({
      'vocab.guideline': vocab,
      'main.guideline': `use "vocab.guideline"
statement S1 { basis evidence strength strong certainty high agreement 90%
  rule r1 when child_pugh = A and age < 65 years then recommend resection }`,
    });
    assert.deepEqual(diagnosticStrings(a, (c) => c.startsWith('unresolved') || c === 'missing-file'), []);
  });

  it('reports unknown names with did-you-mean suggestions', () => {
    const a = analyzeText(`${vocab}
statement S1 { rule r1 when child_pug = A and age < 65 years then recommend resecton }`);
    assert.deepEqual(diagnosticStrings(a, (c) => c.startsWith('unresolved')), [
      '[7:29..7:38] unresolved-name Unknown attribute `child_pug`; did you mean `child_pugh`?',
      '[7:77..7:85] unresolved-name Unknown intervention `resecton`; did you mean `resection`?',
    ]);
  });

  it('reports an enum member the attribute does not have', () => {
    const a = analyzeText(`${vocab}
case "x" { given child_pugh = D expect nothing }`);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'unresolved-member'), [
      '[7:31..7:32] unresolved-member `D` is not a value of `ChildPugh` (A, B, C)',
    ]);
  });

  it('reports duplicate names with the other declaration related', () => {
    const a = analyzeText(`intervention haic\nattribute haic: boolean`);
    const dup = a.findings.filter((f) => f.code === 'duplicate-name');
    assert.equal(dup.length, 1);
    assert.match(dup[0].message, /already declared as an intervention/);
    assert.equal(dup[0].related?.length, 1);
  });

  it('reports a missing used file and a use cycle at the use', () => {
    const missing = analyzeText('use "nowhere.guideline"');
    assert.deepEqual(diagnosticStrings(missing), ['[1:5..1:24] missing-file No file `nowhere.guideline` next to this one']);
    const cycle = analyzeFiles({ 'main.guideline': 'use "b.guideline"', 'b.guideline': 'use "main.guideline"' });
    assert.deepEqual(codes(cycle), ['use-cycle']);
  });

  it('reports citations of undeclared references, each label of a range', () => {
    const a = analyzeText(`reference 72 "A"\nreference 74 "B"\nstatement S1 { cites 72-74, 9 }`);
    const msgs = a.findings.filter((f) => f.code === 'unresolved-reference').map((f) => f.message);
    assert.deepEqual(msgs, ['References 73 in 72-74 are cited but not declared', 'Reference 9 is cited but not declared']);
  });
});
