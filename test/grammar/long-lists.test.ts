// Lists as long as the user makes them: a JavaScript call spread over more than about
// 120,000 items overflows the stack, so nothing may spread a user-sized list into
// `push(...)` or `Math.min(...)`. Each text below has 250,000 of something.
import * as assert from 'node:assert/strict';
import { parse } from '../../grammar/src/index.js';
import { outline } from '../../server/src/services/outline.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { MemoryHost, memUri } from '../helpers.js';

const many = 250_000;

describe('lists longer than a call can spread', function () {
  this.timeout(120_000);

  it('a text block of 250,000 lines parses', () => {
    const text = `guideline g { title "T" }\nstatement S1 "One" {\n  text """first\n${'  x\n'.repeat(many)}"""\n}\n`;
    const r = parse(text);
    assert.equal(r.ast.declarations.length, 1);
  });

  it('a decision asking 250,000 names parses', () => {
    const names = Array.from({ length: many }, (_, i) => `a${i}`).join(', ');
    const r = parse(`decision d "D" {\n  ask ${names}\n}\n`);
    const d = r.ast.declarations[0] as { ask?: readonly unknown[] };
    assert.equal(d.ask?.length, many);
  });

  it('250,000 syntax errors are parsed and capped', () => {
    const text = '} '.repeat(many);
    const r = parse(text);
    assert.ok(r.errors.length > 0 && r.errors.length <= 101, String(r.errors.length));
  });

  it('an outline of 130,000 statements', () => {
    const text = 'statement s{}\n'.repeat(130_000);
    const ws = new Workspace(new MemoryHost({ 'main.guideline': text }));
    ws.settings = { ...ws.settings, maxDocumentSize: 4 };
    const a = ws.checked(memUri('main.guideline'));
    assert.ok(a, 'analysed');
    assert.ok(outline(a).length >= 130_000);
  });
});
