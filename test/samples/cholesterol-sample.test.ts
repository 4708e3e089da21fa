// The 2018 AHA/ACC cholesterol guideline sample: a guideline of another shape than the HCC
// consensus (ACC/AHA classes and levels, no Delphi vote). It checks clean, its cases pass,
// and every statement carries the class and level the guideline publishes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { exportModel } from '../../server/src/services/model-data.js';
import { fileUrl, samplesDir } from '../helpers.js';

// As published beside each recommendation: COR and LOE (B-R written B_R, and so on).
const published: [string, string, string][] = [
  ['DM1', 'I', 'A'],
  ['DM2', 'IIa', 'B_NR'],
  ['DM3', 'IIa', 'B_R'],
  ['DM4', 'IIa', 'B_NR'],
  ['DM5', 'IIb', 'C_LD'],
  ['DM6', 'IIb', 'C_LD'],
  ['DM7', 'IIb', 'C_LD'],
  ['CKD1', 'IIa', 'B_R'],
  ['CKD2', 'IIb', 'C_LD'],
  ['CKD3', 'III_no_benefit', 'B_R'],
  ['INF1', 'IIa', 'B_NR'],
  ['INF2', 'IIa', 'B_NR'],
  ['INF3', 'IIa', 'B_NR'],
];

describe('the 2018 cholesterol guideline sample', () => {
  const workspace = new Workspace();
  const analysis = () => workspace.analysis(fileUrl(path.join(samplesDir, 'cholesterol-2018.guideline')))!;

  it('checks with no findings at all', () => {
    const a = analysis();
    assert.deepEqual(a.findings.map((f) => `${a.source.lines.position(f.span.start).line + 1}: ${f.code} ${f.message}`), []);
  });

  it('has its statements with their published class and level, read through the ACC/AHA scheme', () => {
    const model = exportModel(analysis());
    assert.equal(model.grading.name, 'acc_aha');
    assert.deepEqual(model.statements.map((s) => [s.id, s.strength, s.certainty]), published);
    // Class I and III are GRADE's strong, IIa and IIb its conditional.
    for (const s of model.statements) {
      assert.equal(s.grade.strength, s.strength === 'IIa' || s.strength === 'IIb' ? 'conditional' : 'strong', s.id);
    }
  });

  it('has no vote: no panel, no agreement on any statement', () => {
    const model = exportModel(analysis());
    assert.equal(model.panel.requiresAgreement, false);
    assert.ok(model.statements.every((s) => s.agreement === null));
  });

  it('has rules whose verbs follow the classes, cases, and a decision', () => {
    const model = exportModel(analysis());
    const rules = model.statements.flatMap((s) => s.rules.map((r) => [s.strength, r.verb] as const));
    assert.ok(rules.length >= 10);
    for (const [cls, verb] of rules) assert.equal(verb?.startsWith('recommend'), cls === 'I' || cls === 'III_no_benefit', `${cls} ${verb}`);
    assert.ok(model.cases.length >= 6);
    assert.ok(model.decisions.some((d) => d.name === 'statins_in_diabetes'));
  });
});
