// Property: parsing an edited file by its changed declarations (reparse.ts) gives exactly
// the full parse of the new text, the syntax tree with every position, the errors, the
// comments and the tokens, after any sequence of edits, including ones that break the
// syntax (an open brace, string or comment) and ones that mend it. And it does splice:
// an edit inside one statement of the sample reuses the others.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from '../../grammar/src/index.js';
import { commonEnds, reparse, spliced } from '../../server/src/model/reparse.js';
import { samplesDir } from '../helpers.js';

const sample = fs.readFileSync(path.join(samplesDir, 'hcc-conversion-2021.guideline'), 'utf8');
// The first 12 KB or so of the sample, cut after a statement: quick to parse a few hundred times.
const base = sample.slice(0, sample.indexOf('\n}\n', 12_000) + 3);

const pieces = ['{', '}', '}\n', '"', '"""', '(', ')', '/*', '*/', '// }\n', '\n', ' ', 'rule r when ', ' then recommend resection', 'stage = IIa', ' and ', ' or not ', '&&',
  'statement S9 { rule q when pvtt then suggest resection }\n', 'guideline g { title "t" }\n', 'use "x.guideline"\n', 'attribute a: boolean\n', 'grading g { strength I strong }\n', 'é', '😀', '0'.repeat(400)];

// Whole lines, typed at the start of a line: these keep the file free of errors, so the
// next edit can be spliced.
const lines = ['  // a note\n', '// }\n', '\n', '   \n', 'statement S8 { rule p when pvtt then suggest resection }\n', 'attribute b: boolean\n', 'enum E { a, b }\n', '/* }\n{ */\n', 'case "c" { given pvtt = true expect suggest resection }\n'];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  /** At the start of the line `at` falls in, with a whole line. */
  atLine: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }),
  line: fc.constantFrom(...lines),
  deleted: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 3000 })),
  inserted: fc.oneof(fc.constantFrom(...pieces), fc.constant('')),
  /** Go back this many versions (mending what they broke), instead of editing. */
  undo: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
});

describe('parsing by changed declarations', function () {
  this.timeout(300_000);

  it('equals a full parse after any sequence of edits', () => {
    let splicedEdits = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const versions = [base];
        let text = base;
        let result = parse(base);
        for (const e of edits) {
          let next: string;
          if (e.undo > 0 && versions.length > 1) {
            versions.splice(-e.undo);
            if (versions.length === 0) versions.push(base);
            next = versions[versions.length - 1];
          } else if (e.atLine) {
            const at = text.lastIndexOf('\n', Math.floor(e.at * text.length)) + 1;
            next = text.slice(0, at) + e.line + text.slice(at);
            versions.push(next);
          } else {
            const at = Math.floor(e.at * text.length);
            next = text.slice(0, at) + e.inserted + text.slice(Math.min(text.length, at + e.deleted));
            versions.push(next);
          }
          if (spliced(text, result, next)) splicedEdits++;
          const incremental = reparse(text, result, next);
          assert.deepEqual(incremental, parse(next));
          text = next;
          result = incremental;
        }
      }),
      { numRuns: 200 },
    );
    assert.ok(splicedEdits >= 50, `only ${splicedEdits} edits were spliced: the property says little about splicing`);
  });

  it('parses only the statement an edit is in, and keeps the declarations around it', () => {
    const old = parse(sample);
    const at = sample.indexOf('\n', sample.indexOf('\nstatement ') + 1);
    const text = `${sample.slice(0, at)}\n  // a note${sample.slice(at)}`;
    const result = spliced(sample, old, text);
    assert.ok(result, 'spliced');
    assert.deepEqual(result, parse(text));
    const edited = old.ast.declarations.findIndex((d) => d.span.start > at) - 1;
    assert.equal(result.ast.declarations[0], old.ast.declarations[0], 'declarations before the edit are the same objects');
    assert.notEqual(result.ast.declarations[edited + 1], old.ast.declarations[edited + 1], 'those after it are moved copies');
  });

  it('parses in full where the middle would end inside a comment or string, or after a syntax error', () => {
    const old = parse(sample);
    const at = sample.indexOf('\nstatement ', 20_000);
    for (const inserted of ['/*', '"', 'statement X {']) {
      const text = `${sample.slice(0, at)}\n${inserted}${sample.slice(at)}`;
      assert.equal(spliced(sample, old, text), undefined, inserted);
      assert.deepEqual(reparse(sample, old, text), parse(text));
    }
    // A `use` dropped from the middle, and a middle whose last name would run into the tail.
    const use = sample.indexOf('use "');
    const withoutUse = sample.slice(0, use) + sample.slice(sample.indexOf('\n', use) + 1);
    assert.deepEqual(reparse(sample, old, withoutUse), parse(withoutUse));
    const glued = `${sample}\nenum E { a }enum F { b }\n`;
    const renamed = glued.replace('enum E { a }enum', 'attribute q: Eenum');
    assert.equal(parse(glued).errors.length, 0);
    assert.deepEqual(reparse(glued, parse(glued), renamed), parse(renamed));
    const broken = parse(`${sample} }`);
    assert.ok(broken.errors.length > 0);
    assert.equal(spliced(`${sample} }`, broken, `${sample} }\n`), undefined);
  });

  it('finds the shared start and end of two texts as a loop over characters does, across its blocks', () => {
    const byCharacter = (a: string, b: string): { prefix: number; suffix: number } => {
      const shorter = Math.min(a.length, b.length);
      let prefix = 0;
      while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
      let suffix = 0;
      while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
      return { prefix, suffix };
    };
    // Long runs of one letter, so that the shared parts span many blocks and end anywhere in one.
    const text = fc.array(fc.oneof(fc.constant('a'.repeat(700)), fc.constantFrom('a', 'b', 'ab', '\n', 'é')), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, text, (shared, one, other) => {
        const a = `${shared}${one}${shared}`;
        const b = `${shared}${other}${shared}`;
        assert.deepEqual(commonEnds(a, b), byCharacter(a, b));
      }),
      { numRuns: 400 },
    );
  });
});
