// Any text at all yields diagnostics, never an exception, a stack overflow or a hang.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { MAX_ERRORS, MAX_NESTING, parse } from '../../grammar/src/index.js';
import { maxDocumentChars } from '../../server/src/model/sources.js';
import { analyzeText, codes } from '../helpers.js';

/** A seeded generator, so a failure can be reproduced. */
function seededBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('bad input', () => {
  it('binary garbage gives capped diagnostics', () => {
    for (const seed of [1, 2, 3]) {
      const text = seededBytes(100_000, seed).toString('latin1');
      const a = analyzeText(text);
      assert.ok(a.findings.length > 0 && a.findings.length <= MAX_ERRORS + 50);
      assert.ok(codes(a).includes('too-many-errors'));
    }
  });

  it('random bytes decoded as UTF-8, including NUL and lone surrogates', () => {
    const text = crypto.randomBytes(20_000).toString('utf8') + '\u0000\ud800';
    assert.doesNotThrow(() => analyzeText(text));
  });

  it('an unterminated string reports itself and the next line still parses', () => {
    const r = parse('intervention a "no end\nintervention b "fine"');
    assert.deepEqual(r.errors.map((e) => e.code), ['unterminated-string']);
    assert.deepEqual(r.ast.declarations.map((d) => d.kind === 'Intervention' && d.name?.text), ['a', 'b']);
  });

  it('an unterminated text block and an unterminated comment report where they start', () => {
    const t = parse('statement S { text """never closed\n rule r when x then recommend y }');
    assert.ok(t.errors.some((e) => e.code === 'unterminated-string' && e.span.start === 19));
    const c = parse('intervention a\n/* open comment\nintervention b');
    assert.deepEqual(c.errors.map((e) => [e.code, e.span.start]), [['unterminated-comment', 15]]);
    assert.equal(c.ast.declarations.length, 1);
  });

  it('parentheses nested 10,000 deep are reported once, without a stack overflow', () => {
    const depth = 10_000;
    const text = `attribute a: boolean\nstatement S { rule r when ${'('.repeat(depth)}a${')'.repeat(depth)} then recommend x }`;
    const a = analyzeText(text);
    assert.deepEqual(codes(a).filter((c) => c === 'nesting-too-deep'), ['nesting-too-deep']);
    assert.ok(MAX_NESTING < depth);
    // Unbalanced, too: only opening parentheses.
    assert.doesNotThrow(() => analyzeText(`statement S { rule r when ${'('.repeat(depth)}`));
    // And `not` repeated: a loop in the grammar, not recursion.
    assert.doesNotThrow(() => analyzeText(`attribute a: boolean\nstatement S { rule r when ${'not '.repeat(depth)}a then recommend x }`));
  });

  it('ten thousand errors in a row are read up to the recovery limit, without a stack overflow', () => {
    // Each `guideline {` left unclosed at the top level is an error the parser resumes after,
    // one frame deeper each time in Chevrotain's repetition recovery.
    const unit = 'guideline.{{{{{{{{{{trace}}}}}}}}}} ';
    const text = `intervention first\n${unit.repeat(10_000)}\nintervention last\n`;
    const r = parse(text);
    assert.ok(r.unreadFrom !== undefined && r.unreadFrom > 0 && r.unreadFrom < text.indexOf('intervention last'));
    const limit = r.errors.find((e) => e.code === 'too-many-errors');
    assert.ok(limit && /the rest of the file, from line 2, is not read: past 1,000 errors/.test(limit.message), limit?.message);
    assert.deepEqual(limit.span, { start: r.unreadFrom, end: r.unreadFrom });
    assert.ok(r.errors.length <= MAX_ERRORS + 1);
    // What was read is in the tree; what was not, is not.
    const names = r.ast.declarations.flatMap((d) => (d.kind === 'Intervention' && d.name ? [d.name.text] : []));
    assert.deepEqual(names, ['first']);
    assert.doesNotThrow(() => analyzeText(text));
  });

  it('a file under the recovery limit is read to its end', () => {
    const text = `${'guideline.{trace} '.repeat(200)}\nintervention last\n`;
    const r = parse(text);
    assert.equal(r.unreadFrom, undefined);
    assert.ok(r.ast.declarations.some((d) => d.kind === 'Intervention' && d.name?.text === 'last'));
  });

  it('a file at the size limit is analysed; a 5 MB file is refused at once', function () {
    this.timeout(60_000);
    const block = 'attribute a: boolean\nintervention x\n';
    const statement = (i: number): string => `statement S${i} "t" { basis evidence strength strong certainty high agreement 90% rule r${i} when a then recommend x }\n`;
    let text = block;
    let i = 0;
    while (text.length + statement(i).length <= maxDocumentChars) text += statement(i++);
    const a = analyzeText(text);
    assert.equal(a.source.parse.errors.length, 0);
    assert.equal(a.source.parse.ast.declarations.length, i + 2);
    while (text.length < 5 * 1024 * 1024) text += statement(i++);
    assert.deepEqual(analyzeText(text).findings.map((f) => f.code), ['document-too-large']);
  });

  it('an empty file and a file of only whitespace and comments are fine', () => {
    assert.deepEqual(codes(analyzeText('')), []);
    assert.deepEqual(codes(analyzeText('  \n// nothing here\n/* */\n')), []);
  });
});
