// The HCC conversion consensus sample: it checks clean, and every statement carries the
// grading the paper publishes (basis, GRADE strength and certainty, level of agreement).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { exportModel } from '../../server/src/services/model-data.js';
import { fileUrl, samplesDir } from '../helpers.js';

// As printed after each statement: (basis) (GRADE: strength, certainty. Agreement: n%).
const published: [string, string, string, string, number][] = [
  ['S1', 'expert_opinion', 'strong', 'low', 96.2],
  ['S2', 'evidence', 'strong', 'low', 98.1],
  ['S3', 'evidence', 'strong', 'low', 100],
  ['S4', 'evidence', 'strong', 'moderate', 100],
  ['S5', 'evidence', 'conditional', 'moderate', 88.5],
  ['S6', 'evidence', 'conditional', 'low', 96.2],
  ['S7', 'evidence', 'conditional', 'low', 80],
  ['S8', 'evidence', 'conditional', 'low', 90.4],
  ['S9', 'evidence', 'strong', 'high', 96.2],
  ['S10', 'evidence', 'strong', 'low', 98.1],
  ['S11', 'expert_opinion', 'strong', 'low', 96.2],
  ['S12', 'evidence', 'strong', 'low', 94.2],
  ['S13', 'expert_opinion', 'strong', 'low', 100],
  ['S14', 'expert_opinion', 'conditional', 'low', 86.5],
  ['S15', 'expert_opinion', 'conditional', 'low', 96.2],
  ['S16', 'expert_opinion', 'strong', 'low', 92.3],
];

describe('the HCC conversion sample', () => {
  const workspace = new Workspace();
  const analysis = () => workspace.analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')))!;

  it('checks with no errors', () => {
    const errors = analysis().findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${analysis().source.lines.position(f.span.start).line + 1}: ${f.code} ${f.message}`), []);
  });

  it('its vocabulary file checks with no errors', () => {
    const vocab = workspace.analysis(fileUrl(path.join(samplesDir, 'hcc-vocabulary.guideline')))!;
    assert.deepEqual(vocab.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });

  it('has the 16 statements with their published grading', () => {
    const model = exportModel(analysis());
    assert.deepEqual(
      model.statements.map((s) => [s.id, s.basis, s.strength, s.certainty, s.agreement]),
      published,
    );
  });

  it('states the panel of the Delphi process and cites declared references', () => {
    const model = exportModel(analysis());
    assert.equal(model.panel.voters, 52);
    assert.deepEqual(model.panel.agree, ['A', 'B']);
    assert.equal(model.panel.consensus, 80);
    const labels = new Set(model.references.map((r) => r.label));
    for (const s of model.statements) for (const c of s.cites) assert.ok(labels.has(c), `${s.id} cites ${c}`);
  });

  it('has rules, cases and the roadmap decision', () => {
    const model = exportModel(analysis());
    assert.ok(model.statements.reduce((n, s) => n + s.rules.length, 0) >= 10);
    assert.ok(model.cases.length >= 6);
    assert.ok(model.decisions.some((d) => d.name === 'roadmap'));
  });
});
