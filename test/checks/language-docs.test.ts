// The language reference's examples marked `guideline` are real: each checks with no errors.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, repoRoot } from '../helpers.js';

describe('the language reference', () => {
  it('has guideline examples that check with no errors', () => {
    const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8');
    const examples = [...docs.matchAll(/```guideline\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(examples.length >= 3, `only ${examples.length} examples`);
    for (const example of examples) {
      const errors = analyzeText(example).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
      assert.deepEqual(errors, [], example);
    }
  });
});
