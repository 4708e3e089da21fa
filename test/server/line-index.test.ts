// Offsets and LSP positions: every line ending (`\n`, `\r\n`, a lone `\r`) starts a line, and
// the quick path for texts without `\r` finds the same lines as the general one.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/model/line-index.js';

/** Line starts counted the slow, plain way, character by character. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

describe('line index', () => {
  it('gives each offset the line and character that counting line endings gives, with and without `\\r`', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '😀', '\n', '\r\n', '\r', '\n\n', '  '), { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const index = new LineIndex(t);
        const starts = lineStarts(t);
        for (let offset = 0; offset <= t.length; offset++) {
          let line = 0;
          while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
          assert.deepEqual(index.position(offset), { line, character: offset - starts[line] });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads a file of `\\n` line ends as that many lines', () => {
    const index = new LineIndex('a\nbc\n\nd');
    assert.deepEqual(index.position(3), { line: 1, character: 1 });
    assert.deepEqual(index.position(5), { line: 2, character: 0 });
    assert.deepEqual(index.position(7), { line: 3, character: 1 });
  });
});
