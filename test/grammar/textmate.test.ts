import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reservedKeywords, softKeywords } from '../../grammar/src/index.js';
import { builtinTypes } from '../../server/src/model/types.js';
import { bases, certainties, historyWords, statementKinds, statuses, strengthWords } from '../../server/src/model/vocabulary.js';
import { repoRoot } from '../helpers.js';

interface Pattern { match?: string; patterns?: Pattern[] }

/** Every word listed in a `\b(a|b|c)` alternation of the grammar's patterns. */
function highlightedWords(): Set<string> {
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'grammar', 'guideline.tmLanguage.json'), 'utf8')) as { repository: Record<string, Pattern> };
  const words = new Set<string>();
  const visit = (p: Pattern): void => {
    for (const m of p.match?.matchAll(/\\b\(([a-z_|]+)\)/g) ?? []) m[1].split('|').forEach((w) => words.add(w));
    p.patterns?.forEach(visit);
  };
  Object.values(grammar.repository).forEach(visit);
  return words;
}

describe('TextMate grammar', () => {
  it('highlights exactly the lexer keywords plus the enumerated values and types', () => {
    const expected = new Set([...reservedKeywords, ...softKeywords, ...bases, ...strengthWords, ...certainties, ...statuses, ...statementKinds, ...historyWords, ...builtinTypes]);
    assert.deepEqual([...highlightedWords()].sort(), [...expected].sort());
  });
});
