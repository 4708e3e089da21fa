// The formatter: its canonical layout on small examples, files with syntax errors left as
// written, range formatting, and properties over generated and mutated files (fast-check):
// the same tokens and comments in the same order, nothing but whitespace changed, and
// format(format(x)) = format(x).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from '../../grammar/src/index.js';
import { applyEdits, formatEdits, formatText } from '../../server/src/services/format.js';
import { samplesDir } from '../helpers.js';

const format = (text: string): string => formatText(text, parse(text));

/** The tokens' and comments' images in order: what formatting must keep. */
function lexemes(text: string): string[] {
  const p = parse(text);
  const items = [...p.tokens.map((t) => t.span), ...p.comments].sort((a, b) => a.start - b.start);
  return items.map((s) => text.slice(s.start, s.end));
}

function assertLossless(before: string, after: string): void {
  assert.deepEqual(lexemes(after), lexemes(before));
  assert.equal(after.replace(/\s+/g, ''), before.replace(/\s+/g, ''));
}

/** The formatter's three promises: same tokens, same comments, and a fixed point after one pass. */
function formatsLosslesslyToAFixedPoint(text: string): void {
  const once = format(text);
  assertLossless(text, once);
  assert.equal(format(once), once);
}

const sample = fs.readFileSync(path.join(samplesDir, 'hcc-conversion-2021.guideline'), 'utf8');
/** The sample's header and first statements: mutated many times, so kept short. */
const excerpt = sample.slice(0, sample.indexOf('\nstatement S4 '));

describe('formatting', () => {
  it('keeps enum members\' own descriptions beside them, on one line or one a line', () => {
    assert.equal(format('enum R "x" {CR "Complete response",PR,  SD "Stable"}\n'), 'enum R "x" { CR "Complete response", PR, SD "Stable" }\n');
    assert.equal(format('enum R {\n CR "Complete response", // c\n PR }\n'), 'enum R {\n  CR "Complete response", // c\n  PR\n}\n');
  });

  it('lays out declarations, fields, rules and cases canonically', () => {
    const messy = `enum   X{a,b}   attribute   x :X "d"  attribute y: percent
statement S1 "t" { basis evidence strength strong certainty high agreement 90%  cites 72-76, 3
rule r when x = a and ( y < 5% or x
  in {a,b}) then recommend i, j }
case "c" { given x = a, y = -3 expect recommend i expect nothing }
decision d "D" { ask x, y where x = a }`;
    assert.equal(format(messy), `enum X { a, b }
attribute x: X "d"
attribute y: percent
statement S1 "t" {
  basis evidence
  strength strong
  certainty high
  agreement 90%
  cites 72-76, 3
  rule r
    when x = a and (y < 5% or x
        in { a, b })
    then recommend i, j
}
case "c" {
  given x = a, y = -3
  expect recommend i
  expect nothing
}
decision d "D" {
  ask x, y
  where x = a
}
`);
  });

  it('keeps comments in place and one blank line where there were several', () => {
    const text = `// head


guideline g {   title "T"
  panel { voters 52 // panel size
  agree A, B }

}
enum E { // first
  a, /* mid */ b
     // before the brace
}
`;
    assert.equal(format(text), `// head

guideline g {
  title "T"
  panel {
    voters 52 // panel size
    agree A, B
  }
}
enum E { // first
  a, /* mid */
  b
  // before the brace
}
`);
  });

  it('leaves a declaration with a syntax error exactly as written, and formats the others', () => {
    const broken = 'statement S1 {\n   basis  evidence\n  rule r when x = then recommend\n}\n';
    const text = `attribute   x :   boolean\n${broken}attribute   y :   boolean\n`;
    const out = format(text);
    assert.equal(out, `attribute x: boolean\n${broken}attribute y: boolean\n`);
    assert.equal(format(out), out);
    // An unclosed brace keeps the rest of the file as written.
    const unclosed = 'attribute x: boolean\nstatement S1 {\n   basis   evidence\nattribute   y :   boolean\n';
    assert.equal(format(unclosed), unclosed);
    // Characters the lexer does not know stay too.
    const garbage = 'attribute   x: boolean   @@ #\nattribute y: boolean\n';
    assertLossless(garbage, format(garbage));
    assert.match(format(garbage), /@@ #/);
  });

  it('formats only the lines of a range', () => {
    const text = 'attribute   a:   boolean\nattribute   b:   boolean\nattribute   c:   boolean\n';
    const start = text.indexOf('attribute   b');
    const edits = formatEdits(text, parse(text), { start, end: text.indexOf('\n', start) });
    assert.equal(applyEdits(text, edits), 'attribute   a:   boolean\nattribute b: boolean\nattribute   c:   boolean\n');
  });

  it('keeps the line endings of the file and an empty file empty', () => {
    assert.equal(format('attribute  a: boolean\r\nattribute b:boolean'), 'attribute a: boolean\r\nattribute b: boolean\r\n');
    assert.equal(format(''), '');
    assert.equal(format('   \n'), '   \n');
  });

  it('leaves every sample as it is: the samples are written in the canonical layout', () => {
    for (const name of fs.readdirSync(samplesDir).filter((f) => f.endsWith('.guideline'))) {
      const text = fs.readFileSync(path.join(samplesDir, name), 'utf8');
      assert.equal(format(text), text, `${name} is not in the canonical layout`);
    }
  });

  describe('properties', () => {
    const word = fc.constantFrom('a', 'b', 'x', 'flag', 'stage', 'IIIa', 'high', 'status', 'years', 'S1');
    const value = fc.oneof(word, fc.constantFrom('30%', '-5', '65 years', '2000 "IU/mL"', 'true', 'false'));
    const atom = fc.oneof(
      fc.tuple(word, fc.constantFrom('=', '!=', '<', '>=', '<='), value).map(([a, op, v]) => `${a} ${op} ${v}`),
      fc.tuple(word, fc.array(value, { minLength: 1, maxLength: 3 })).map(([a, vs]) => `${a} in { ${vs.join(', ')} }`),
      word,
    );
    const condition: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([l, op, r]) => `${l} ${op} ${r}`), tie('e').map((e) => `(${e})`), tie('e').map((e) => `not ${e}`)),
    })).e;
    const rule = fc.tuple(word, condition, fc.constantFrom('recommend', 'suggest against'), fc.array(word, { minLength: 1, maxLength: 3 })).map(([n, c, v, is]) => `rule ${n} when ${c} then ${v} ${is.join(', ')}`);
    const declaration = fc.oneof(
      fc.tuple(word, fc.array(word, { maxLength: 4 })).map(([n, ms]) => `enum ${n} { ${ms.join(', ')} }`),
      fc.tuple(word, fc.constantFrom('boolean', 'percent', 'weeks', 'number unit "IU/mL"', 'Stage')).map(([n, t]) => `attribute ${n}: ${t} "about ${n}"`),
      word.map((n) => `intervention ${n} "does ${n}"`),
      fc.constantFrom('reference 72 "Cited." doi "10.1/x" pmid 123', 'use "other.guideline"'),
      fc.tuple(word, fc.array(rule, { maxLength: 3 })).map(([n, rs]) => `statement ${n} "T" { text """Some\n   words""" basis evidence strength strong certainty low agreement 90% cites 1, 3-5 ${rs.join(' ')} }`),
      fc.tuple(fc.array(fc.tuple(word, value).map(([a, v]) => `${a} = ${v}`), { minLength: 1, maxLength: 3 }), word).map(([gs, i]) => `case "c" { given ${gs.join(', ')} expect only recommend ${i} }`),
      fc.tuple(word, word, condition).map(([n, a, c]) => `decision ${n} { ask ${a} where ${c} }`),
    );
    const separator = fc.constantFrom(' ', '  ', '\n', '\n\n\n', '\t', ' // note\n', ' /* c */ ', '\n  // own line\n');
    /** Tokens of declarations joined by random whitespace and comments. */
    const file = fc.array(declaration, { maxLength: 6 }).chain((decls) => {
      const tokens = decls.join('\n').split(/ +/);
      return fc.array(separator, { minLength: tokens.length, maxLength: tokens.length }).map((seps) => tokens.map((t, i) => t + seps[i]).join(''));
    });

    it('keeps every token and comment and is idempotent on generated files', () => {
      fc.assert(fc.property(file, formatsLosslesslyToAFixedPoint), { numRuns: 100 });
    });

    /** The sample's excerpt with a few of its characters deleted, replaced or inserted. */
    const mutated = fc.array(fc.tuple(fc.nat({ max: excerpt.length - 1 }), fc.nat({ max: 3 }), fc.constantFrom('', '{', '}', '"', '"""', '/*', '//', 'x', ' ', '\n', '%', '-', '(', 'rule', '@')), { minLength: 1, maxLength: 4 })
      .map((cuts) => [...cuts].sort((a, b) => b[0] - a[0]).reduce((text, [at, len, insert]) => text.slice(0, at) + insert + text.slice(at + len), excerpt));

    it('keeps every token and comment and is idempotent on mutated samples', () => {
      fc.assert(fc.property(mutated, formatsLosslesslyToAFixedPoint), { numRuns: 40 });
    });
  });
});
