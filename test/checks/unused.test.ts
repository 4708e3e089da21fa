import * as assert from 'node:assert/strict';
import { analyzeFiles, analyzeText, diagnosticStrings } from '../helpers.js';

const file = `enum Stage { I, II }
enum Unused { X }
attribute stage: Stage
attribute age: years
intervention haic
intervention pve
reference 1 "One"
reference 2 "Two"
reference 3 "Three"
reference 4 "Four"
statement S1 { cites 1-2, 4
  rule r when stage = I then suggest haic }
`;

const unusedCodes = (c: string) => c === 'unused-reference' || c === 'unused-declaration';

describe('unused declarations', () => {
  it('reports references never cited and declarations never used, faded as unnecessary', () => {
    const a = analyzeText(file);
    assert.deepEqual(diagnosticStrings(a, unusedCodes), [
      '[2:6..2:12] unused-declaration Enum `Unused` is declared but no attribute has it as its type',
      '[4:11..4:14] unused-declaration Attribute `age` is declared but no rule, case or decision mentions it',
      '[6:14..6:17] unused-declaration Intervention `pve` is declared but no rule or case names it',
      '[9:11..9:12] unused-reference Reference 3 is declared but no statement cites it',
    ]);
    assert.ok(a.findings.filter((f) => unusedCodes(f.code)).every((f) => f.tags?.includes('unnecessary')));
  });

  it('reports nothing when the setting is off', () => {
    assert.deepEqual(diagnosticStrings(analyzeText(file, { reportUnused: false }), unusedCodes), []);
  });

  it('counts uses in cases and decisions, and skips a file of declarations only', () => {
    const used = `${file}case "c" { given age = 3 years expect suggest pve }\ndecision d { ask stage }`;
    assert.deepEqual(diagnosticStrings(analyzeText(used), (c) => c === 'unused-declaration'), [
      '[2:6..2:12] unused-declaration Enum `Unused` is declared but no attribute has it as its type',
    ]);
    const vocabulary = analyzeFiles({ 'main.guideline': 'use "v.guideline"', 'v.guideline': 'attribute age: years\nintervention pve' }, 'v.guideline');
    assert.deepEqual(diagnosticStrings(vocabulary, unusedCodes), []);
  });

  it('does not report a declaration a misspelt name was meant for', () => {
    const a = analyzeText('intervention resection\nstatement S1 { rule r when x then suggest resecton }\nattribute x: boolean');
    assert.deepEqual(diagnosticStrings(a, unusedCodes), []);
  });
});
