// Go to definition: names to their declarations, across a `use`, and the header's
// `grading NAME` to the scheme it chooses.
import * as assert from 'node:assert/strict';
import { definition } from '../../server/src/services/definition.js';
import { analyzeFiles, memUri } from '../helpers.js';

const scheme = `grading acc "ACC/AHA class" {
  strength I strong, IIa conditional
  certainty A high, B moderate
}
`;

function at(files: Record<string, string>, marker: string): { uri: string; text: string } | undefined {
  const text = files['main.guideline'];
  const offset = text.indexOf(marker) + 1;
  const target = definition(analyzeFiles(files), offset);
  if (!target) return undefined;
  const name = Object.keys(files).find((f) => memUri(f) === target.uri)!;
  return { uri: name, text: files[name].slice(target.span.start, target.span.end) };
}

describe('definition', () => {
  it('goes from an attribute in a rule to its declaration in a used file', () => {
    const files = {
      'vocab.guideline': 'attribute age: years\nintervention x\n',
      'main.guideline': 'use "vocab.guideline"\nstatement S { basis evidence strength strong certainty high agreement 90%\n  rule r when age > 60 years then recommend x\n}\n',
    };
    assert.deepEqual(at(files, ' age >'), { uri: 'vocab.guideline', text: 'age' });
  });

  it("goes from the header's `grading NAME` to the scheme's block, here or in a used file", () => {
    const here = { 'main.guideline': `guideline g {\n  grading acc\n}\n${scheme}` };
    assert.deepEqual(at(here, ' acc\n'), { uri: 'main.guideline', text: 'acc' });
    const used = { 'schemes.guideline': scheme, 'main.guideline': 'use "schemes.guideline"\nguideline g {\n  grading acc\n}\n' };
    assert.deepEqual(at(used, ' acc\n'), { uri: 'schemes.guideline', text: 'acc' });
  });

  it('has nowhere to go for GRADE, an undeclared scheme, or a keyword', () => {
    assert.equal(at({ 'main.guideline': 'guideline g {\n  grading GRADE\n}\n' }, ' GRADE'), undefined);
    assert.equal(at({ 'main.guideline': 'guideline g {\n  grading nope\n}\n' }, ' nope'), undefined);
    assert.equal(at({ 'main.guideline': `guideline g {\n  grading acc\n}\n${scheme}` }, 'guideline g'), undefined);
  });
});
