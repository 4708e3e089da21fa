// The recovering parser finds where to resume (parser-resync.ts), what may follow an error
// (parser-follows.ts) and the paths an error's message lists (parser-alt-errors.ts) its own
// way, for speed: all must give Chevrotain's own answers. A second parser with Chevrotain's methods put back reads the same texts, and
// the errors and the tree must be the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CstParser, type CstElement, type IRecognitionException } from 'chevrotain';
import { cstParser } from '../../grammar/src/parser.js';
import { parseTokens } from '../../grammar/src/parse-tokens.js';
import { tokenize } from '../../grammar/src/scanner.js';
import { limitNesting } from '../../grammar/src/parse.js';
import { mutate } from '../fuzz/mutate.js';
import { random } from '../bench/generate.js';
import { repoRoot } from '../helpers.js';

type Methods = Record<'findReSyncTokenType' | 'getFollowsForInRuleRecovery' | 'raiseNoAltException' | 'raiseEarlyExitException', unknown>;
const reference = new (cstParser.constructor as new () => typeof cstParser)();
const base = CstParser.prototype as unknown as Methods;
(reference as unknown as Methods).findReSyncTokenType = base.findReSyncTokenType;
(reference as unknown as Methods).getFollowsForInRuleRecovery = base.getFollowsForInRuleRecovery;
(reference as unknown as Methods).raiseNoAltException = base.raiseNoAltException;
(reference as unknown as Methods).raiseEarlyExitException = base.raiseEarlyExitException;

/** The tokens the parser is given, nesting limited as parse() does it. */
const tokensOf = (text: string) => limitNesting(tokenize(text).tokens, []);

function chevrotainParse(text: string) {
  reference.input = tokensOf(text);
  const cst = reference.file();
  const errors = reference.errors;
  reference.input = [];
  return { cst, errors };
}

/** The tree as names, token offsets and recovered marks, small enough to compare. */
function shape(e: CstElement): unknown {
  if ('image' in e) return [e.tokenType.name, e.startOffset, e.image];
  const children: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(e.children)) children[k] = v.map(shape);
  return { name: e.name, recovered: e.recoveredNode === true, children };
}

const errorsOf = (errors: IRecognitionException[]) => errors.map((e) => [e.name, e.message, e.token.startOffset, e.token.image, e.context.ruleStack.join('>'), e.resyncedTokens.length]);

function assertAgree(text: string, label: string): number {
  // Without the recovery limit, which Chevrotain's own parse does not have.
  const ours = parseTokens(tokensOf(text), Infinity);
  const theirs = chevrotainParse(text);
  assert.deepEqual(errorsOf(ours.errors), errorsOf(theirs.errors), `${label}: errors`);
  assert.deepEqual(shape(ours.cst), shape(theirs.cst), `${label}: tree`);
  return ours.errors.length;
}

function guidelineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? guidelineFiles(full) : e.name.endsWith('.guideline') ? [full] : [];
  });
}

describe('error recovery agrees with Chevrotain’s own', function () {
  this.timeout(300_000);
  const files = [...guidelineFiles(path.join(repoRoot, 'samples')), ...guidelineFiles(path.join(repoRoot, 'test'))].filter((f) => fs.statSync(f).size < 20_000);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));

  it('on every sample and fixture', () => {
    let broken = 0;
    texts.forEach((text, i) => (broken += assertAgree(text, path.relative(repoRoot, files[i])) > 0 ? 1 : 0));
    assert.ok(broken >= 5, `only ${broken} files with errors`);
  });

  it('on mutated texts, with many errors', () => {
    const rnd = random(20261202);
    let errors = 0;
    for (let i = 0; i < 150; i++) {
      const a = texts[Math.floor(rnd() * texts.length)];
      const b = texts[Math.floor(rnd() * texts.length)];
      let text = mutate(a, b, rnd);
      if (rnd() < 0.3) text = mutate(text, b, rnd);
      errors += assertAgree(text, `mutation ${i}`);
    }
    assert.ok(errors > 150, `only ${errors} errors in all`);
  });

  it('on repeated broken statements, where the cache is hit', () => {
    assertAgree('statement S agreement 2agreement '.repeat(300), 'repeated');
    assertAgree('rule r when a and (b or (c and '.repeat(100), 'nested');
    // Errors in a row where only the end of the file may follow: each resumes from the last search.
    assertAgree('guideline.{{{{trace.server}}}}\n'.repeat(200), 'top level');
    assertAgree(`statement S {\n${'  remark history\n'.repeat(200)}}\n`, 'broken fields');
  });
});
