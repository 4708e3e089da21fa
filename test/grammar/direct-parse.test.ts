// The direct parser (grammar/src/fast-parse) against the recovering parser and the tree
// builder: on every text, it reads the text exactly when the recovering parser finds no
// error, and then gives the same tree, keys in the same order, and the same comments.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDirectOnly } from '../../grammar/src/parse.js';
import { generate, random } from '../bench/generate.js';
import { mutate } from '../fuzz/mutate.js';
import { parseDisagreement } from './direct-agreement.js';
import { repoRoot } from '../helpers.js';
import { grammarText } from './grammar-texts.js';

const root = repoRoot;

function guidelineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? guidelineFiles(full) : e.name.endsWith('.guideline') ? [full] : [];
  });
}

const files = [...guidelineFiles(path.join(root, 'samples')), ...guidelineFiles(path.join(root, 'test'))];
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));

describe('the direct parser', function () {
  this.timeout(300_000);

  it('agrees with the recovering parser on every sample and fixture, and reads the valid ones', () => {
    let read = 0;
    texts.forEach((text, i) => {
      assert.equal(parseDisagreement(text), undefined, path.relative(root, files[i]));
      if (parseDirectOnly(text)) read++;
    });
    assert.ok(read >= 10, `only ${read} of ${texts.length} files read directly`);
    assert.ok(parseDirectOnly(fs.readFileSync(path.join(root, 'samples', 'hcc-conversion-2021.guideline'), 'utf8')), 'the sample is read directly');
  });

  it('reads generated files of every shape as the recovering parser does', () => {
    for (const shape of [{ rules: 40, attributes: 12 }, { rules: 300, attributes: 30, seed: 5 }, { rules: 200, attributes: 60, seed: 9, perTopic: 5 }, { rules: 7700, attributes: 30 }]) {
      const text = generate(shape);
      assert.equal(parseDisagreement(text), undefined, JSON.stringify(shape));
      assert.ok(parseDirectOnly(text), `read directly: ${JSON.stringify(shape)}`);
    }
  });

  it('gives up where the recovering parser finds an error, on mutated files', () => {
    const rnd = random(2024);
    let read = 0;
    let broken = 0;
    for (let k = 0; k < 600; k++) {
      const a = texts[Math.floor(rnd() * texts.length)];
      const b = texts[Math.floor(rnd() * texts.length)];
      const text = mutate(a.slice(0, 20_000), b, rnd);
      if (text.length > 200_000) continue;
      assert.equal(parseDisagreement(text), undefined, JSON.stringify(text.slice(0, 300)));
      if (parseDirectOnly(text)) read++;
      else broken++;
    }
    // Both sides are exercised: mutations that keep the text valid, and ones that break it.
    assert.ok(read >= 20 && broken >= 200, `${read} read directly, ${broken} left to recovery`);
  });
});

describe('the direct parser on texts from the grammar', function () {
  this.timeout(300_000);

  it('agrees with the recovering parser where keywords may be names', () => {
    const rnd = random(77);
    let read = 0;
    for (let k = 0; k < 1500; k++) {
      const text = grammarText(rnd);
      assert.equal(parseDisagreement(text), undefined, text);
      if (parseDirectOnly(text)) read++;
    }
    assert.ok(read >= 300, `only ${read} of 1500 read directly`);
  });

  it('gives up at `&& || !` and at nesting past the limits, which the recovering parser reports', () => {
    const rnd = random(78);
    let tried = 0;
    for (let k = 0; k < 300; k++) {
      const text = grammarText(rnd);
      const variants = [text.replace(/\band\b/, '&&'), text.replace(/\bor\b/, '||'), text.replace(/\bnot\b/, '!'), text.replace(/\(/, '('.repeat(70)).replace(/\)/, ')'.repeat(70)), text.replace(/\bnot\b/, 'not '.repeat(9))];
      for (const v of variants) {
        if (v === text) continue;
        tried++;
        assert.equal(parseDisagreement(v), undefined, v);
      }
    }
    assert.ok(tried >= 300, `only ${tried} variants`);
  });
});
