import * as assert from 'node:assert/strict';
import { parse, type StatementDecl } from '../../grammar/src/index.js';
import { analyzeText, diagnosticStrings } from '../helpers.js';

describe('parser: error recovery', () => {
  it('a broken statement between two good ones leaves both analysed', () => {
    const text = `intervention resection
attribute age: years
statement S1 { strength strong rule r1 when age < 65 years then recommend resection }
statement S2 { strength conditonal rule r2 when age >< 3 then suggest resection }
statement S3 { strength strong rule r3 when age >= 80 years then recommend against resecton }`;
    const a = analyzeText(text);
    const statements = a.source.parse.ast.declarations.filter((d): d is StatementDecl => d.kind === 'Statement');
    assert.deepEqual(statements.map((s) => s.name?.text), ['S1', 'S2', 'S3']);
    assert.deepEqual(statements.map((s) => s.rules.map((r) => r.name?.text)), [['r1'], ['r2'], ['r3']]);
    // The third statement is still resolved: its misspelt intervention is found.
    const diags = diagnosticStrings(a);
    assert.ok(diags.some((d) => d.startsWith('[4:') && d.includes(' syntax ')), diags.join('\n'));
    assert.ok(diags.some((d) => d.startsWith('[5:') && d.includes('unresolved-name Unknown intervention `resecton`')), diags.join('\n'));
  });

  it('reports several syntax errors in one file', () => {
    const r = parse('enum E { a b }\nattribute x E\nstatement S { agreement 90 }\nintervention ok');
    assert.ok(r.errors.length >= 3, JSON.stringify(r.errors));
    assert.ok(r.ast.declarations.some((d) => d.kind === 'Intervention' && d.name?.text === 'ok'));
  });

  it('says what was expected in plain words', () => {
    const r = parse('statement S { strength certainty low }');
    assert.equal(r.errors[0].message, '`strength` needs a value: `strength strong`');
    const r2 = parse('enum E { a, b');
    assert.deepEqual(r2.errors.map((e) => e.message), ['`enum E` is not closed: add `}` at the end']);
  });
});
