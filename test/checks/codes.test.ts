import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCodes } from '../../server/src/model/codes.js';
import { analyzeText, codes, repoRoot } from '../helpers.js';

const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
const known = new Set(Object.keys(diagnosticCodes));

/** The docs' `## code` sections: heading -> body up to the next heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = docs.split(/^(?=#{1,2} )/m);
  for (const part of parts) {
    const m = /^## (\S+)\n/.exec(part);
    if (m) out.set(m[1], part.slice(m[0].length));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('diagnostic codes and their documentation', () => {
  it('documents every code with an explanation, an example and the fix', () => {
    const docSections = sections();
    for (const code of known) {
      const body = docSections.get(code);
      assert.ok(body !== undefined, `docs/diagnostics.md has no "## ${code}"`);
      assert.match(body.replace(/^\n+/, ''), /^[A-Z]/, `${code}: the explanation follows the heading`);
      assert.match(body, /```(guideline|text)\n[\s\S]+?```/, `${code}: no example`);
      assert.match(body, /^Fix: /m, `${code}: no fix`);
    }
  });

  it('documents no code that does not exist', () => {
    const extra = [...sections().keys()].filter((h) => /^[a-z]+(-[a-z]+)*$/.test(h) && !known.has(h));
    assert.deepEqual(extra, []);
  });

  it('reports from the sources only codes listed in codes.ts', () => {
    const files = [...sourceFiles(path.join(repoRoot, 'server', 'src')), ...sourceFiles(path.join(repoRoot, 'grammar', 'src'))];
    const reported = new Set<string>();
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bcode: '([a-z-]+)'/g)) reported.add(m[1]);
    }
    assert.ok(reported.size > 20, `only ${reported.size} codes found: is the pattern still right?`);
    assert.deepEqual([...reported].filter((c) => !known.has(c)), []);
  });

  it('each guideline example in the docs produces the code it documents, and only known codes', () => {
    let examples = 0;
    for (const [code, body] of sections()) {
      for (const m of body.matchAll(/```guideline\n([\s\S]*?)```/g)) {
        examples++;
        const found = codes(analyzeText(m[1]));
        assert.ok(found.includes(code), `the example of ${code} gives ${JSON.stringify(found)}`);
        assert.deepEqual(found.filter((c) => !known.has(c)), [], `the example of ${code} reports unlisted codes`);
      }
    }
    assert.ok(examples >= 35, `only ${examples} examples checked`);
  });
});
