// Commas in a row: one fix removes the extra ones (or all, where nothing follows), since
// removing one would leave the same error.
import * as assert from 'node:assert/strict';
import { parse } from '../../grammar/src/index.js';

function syntaxFix(text: string): { message: string; fixed?: string } {
  const e = parse(text).errors[0];
  const fix = e.fix;
  if (!fix) return { message: e.message };
  let fixed = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, edit.span.start) + edit.newText + fixed.slice(edit.span.end);
  return { message: e.message, fixed };
}

describe('commas in a row', () => {
  it('between two items: the extra ones go', () => {
    const r = syntaxFix('enum h { A,, B }\n');
    assert.equal(r.message, 'Remove the extra comma after `A`: one comma separates the items of a list');
    assert.equal(r.fixed, 'enum h { A, B }\n');
    assert.equal(parse(r.fixed).errors.length, 0);
    assert.equal(syntaxFix('enum h { A, , , B }\n').fixed, 'enum h { A, B }\n');
  });

  it('with nothing after them: all of them go', () => {
    const r = syntaxFix('enum h { A,, }\n');
    assert.equal(r.message, 'Remove the commas after `A`: nothing follows them in the list');
    assert.equal(r.fixed, 'enum h { A }\n');
    assert.equal(parse(r.fixed).errors.length, 0);
  });

  it('in a block left open at the end of the file: no fix, the unclosed block comes first', () => {
    assert.equal(syntaxFix('enum h{A,,\n').fixed, undefined);
  });

  it('before anything but a closing bracket: no fix, the list may go on', () => {
    assert.equal(syntaxFix('enum h { A,,\n 7 }\n').fixed, undefined);
  });
});
