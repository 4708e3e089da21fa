// The scanner against its specification, the Chevrotain lexer: the same token types,
// images, offsets, comments and errors on every guideline file here, generated files,
// random text over the language's characters and words, and mutations of the samples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { ILexingResult, IToken } from 'chevrotain';
import { guidelineLexer, reservedKeywords, softKeywords } from '../../grammar/src/lexer.js';
import { tokenize } from '../../grammar/src/scanner.js';
import { generate, random } from '../bench/generate.js';
import { mutate } from '../fuzz/mutate.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function guidelineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : guidelineFiles(p);
    return e.name.endsWith('.guideline') ? [p] : [];
  });
}

const corpus = [...guidelineFiles(path.join(repoRoot, 'samples')), ...guidelineFiles(path.join(repoRoot, 'test'))].map((f) => ({
  name: path.relative(repoRoot, f),
  text: fs.readFileSync(f, 'utf8'),
}));

/** Every field of every token (in order: one shape for both), the comments and the errors. */
function plain(r: ILexingResult): unknown {
  const tok = (t: IToken): unknown => ({ keys: Object.keys(t).join(','), ...t, tokenType: t.tokenType.name });
  return { tokens: r.tokens.map(tok), groups: Object.keys(r.groups), comments: r.groups.comments.map(tok), errors: r.errors };
}

/** Why the scanner differs from the lexer on `text`, or undefined when it does not. */
function difference(text: string): string | undefined {
  const expected = guidelineLexer.tokenize(text);
  const actual = tokenize(text);
  // JSON (which keeps every key, `null` for undefined) compares fast, one token at a time
  // (a mutation can make a text too long for one string of all its tokens); deepEqual says where.
  const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? null : x));
  const parts = (r: ILexingResult): unknown[] => {
    const p = plain(r) as { tokens: unknown[]; groups: unknown; comments: unknown[]; errors: unknown };
    return [...p.tokens, p.groups, ...p.comments, p.errors];
  };
  const a = parts(actual);
  const b = parts(expected);
  if (a.length !== b.length || a.some((x, i) => json(x) !== json(b[i]))) {
    try {
      assert.deepEqual(plain(actual), plain(expected));
      return 'differ in JSON only';
    } catch (e) {
      return `${JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text)}: ${(e as Error).message.slice(0, 2000)}`;
    }
  }
  // The parser tells tokens apart by type object and index, not by name.
  const sameTypes = (a: IToken[], b: IToken[]): boolean => a.every((t, i) => t.tokenType === b[i].tokenType && t.tokenTypeIdx === b[i].tokenTypeIdx);
  if (!sameTypes(actual.tokens, expected.tokens) || !sameTypes(actual.groups.comments, expected.groups.comments)) return 'token types differ by identity';
  return undefined;
}

const words = [...reservedKeywords, ...softKeywords];
const pieces = [
  ...words,
  ...words.map((w) => w + 'x'),
  ...words.map((w) => w.slice(0, -1)),
  'x', 'A', '_', 'a1', 'É', 'ß', 'é', 'İ',
  '0', '1', '42', '.', '1.5', '1.', '.5', 'e', 'E', '1e5', '1.000000000000m002', '1'.repeat(400),
  '{', '}', '(', ')', ',', ':', '%', '-', '+', '*', '/', '\\', '#', ';', '[', ']', "'",
  '=', '!', '!=', '<', '<=', '>', '>=', '≠', '≤', '≥', '&', '&&', '|', '||', '&&&', '|||',
  '"', '""', '"""', '\\"', '\\\\', '//', '/*', '*/', '/*/',
  ' ', '\t', '\n', '\r', '\r\n', '\f', '\v', '\u00a0', '\ufeff', '\u2028', '\u2029', '\u0085', '\u200b', '\u0000',
  '\ud800', '\udc00', '😀', '\u2018', '\u201c', '\u201d',
];

/** The characters where the lexer's patterns part ways, often enough to meet each other. */
const tricky = ['"', '"""', '\\', '\n', '\r', '\u2028', '\u2029', '/', '*', '.', '1', 'a', 'in', ' ', '&', '|', '!', '=', '<', '>', '#'];
const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...tricky));

describe('scanner', () => {
  it('gives what the lexer gives on every guideline file here', () => {
    assert.ok(corpus.length >= 10, `found ${corpus.length} files`);
    for (const { name, text } of corpus) assert.equal(difference(text), undefined, name);
  });

  it('tells apart words whose hashes are equal', () => {
    // `Aa` and `BB` hash alike (65·31 + 97 = 66·31 + 66), and so do words made of them.
    const text = 'Aa BB AaBB BBAa AaAa BBBB Aa BB';
    assert.equal(difference(text), undefined);
    assert.deepEqual(tokenize(text).tokens.map((t) => t.image), text.split(' '));
  });

  it('gives what the lexer gives on generated guidelines', () => {
    for (const seed of [1, 2, 3]) assert.equal(difference(generate({ rules: 300, attributes: 30, seed })), undefined);
  });

  it('gives what the lexer gives on text over the language’s words and characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (ps) => assert.equal(difference(ps.join('')), undefined)),
      { numRuns: 3000 },
    );
  });

  it('gives what the lexer gives on text of quotes, escapes, comment marks and line ends', () => {
    const ends = ['"', '"""', '\\', 'a', ' ', '\n', '\r', '\u2028', '\u2029', '/', '*', '//', '/*', '*/'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ends), { maxLength: 40 }), (ps) => assert.equal(difference(ps.join('')), undefined)),
      { numRuns: 3000 },
    );
  });

  it('gives what the lexer gives on arbitrary UTF-16, lone surrogates included', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 127 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), (codes) => assert.equal(difference(String.fromCharCode(...codes)), undefined)),
      { numRuns: 2000 },
    );
  });

  it('gives what the lexer gives on mutations of the samples and fixtures', () => {
    const rnd = random(7);
    // Small seeds: a mutation can repeat a line 500 times, and the lexer is the slow side (an
    // 8.5 KB fixture of long lines made this test take half a minute).
    const seeds = corpus.map((c) => c.text).filter((t) => t.length < 8_000);
    for (let i = 0; i < 300; i++) {
      // Cut to 200 KB: comparing every token of a 2.5 MB mutation took most of 20 s.
      const text = mutate(seeds[i % seeds.length], seeds[Math.floor(rnd() * seeds.length)], rnd).slice(0, 200_000);
      assert.equal(difference(text), undefined, `mutation ${i}`);
    }
  });
});
