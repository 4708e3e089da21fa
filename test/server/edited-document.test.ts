// The server's open documents against the protocol library's: after any sequence of changes
// (ranges in any order, past the ends, across `\r\n`, whole-text replacements) both give the
// same text, line count, positions and offsets.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditedDocument } from '../../server/src/lsp/edited-document.js';

const chunk = fc.array(fc.constantFrom('a', 'bc', 'é', '😀', '\n', '\r\n', '\r', ' ', 'rule r when x'), { maxLength: 8 }).map((xs) => xs.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 20 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: chunk }) },
  { weight: 1, arbitrary: fc.record({ text: chunk }) },
);

function agree(mine: TextDocument, theirs: TextDocument, probes: readonly Position[], offsets: readonly number[]): void {
  assert.equal(mine.getText(), theirs.getText());
  assert.equal(mine.lineCount, theirs.lineCount);
  for (const p of probes) assert.equal(mine.offsetAt(p), theirs.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
  for (const o of offsets) assert.deepEqual(mine.positionAt(o), theirs.positionAt(o), `positionAt ${o}`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(mine.getLineRange(line), theirs.getLineRange(line), `getLineRange ${line}`);
    assert.equal(mine.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters ${line}`);
  }
  const range = { start: probes[0] ?? { line: 0, character: 0 }, end: probes[1] ?? { line: 1, character: 0 } };
  if (theirs.offsetAt(range.start) <= theirs.offsetAt(range.end)) assert.equal(mine.getText(range), theirs.getText(range));
}

/** Whether every position of the change is on a line of the document (the library's lines break past the last). */
const within = (doc: TextDocument, c: TextDocumentContentChangeEvent): boolean =>
  !('range' in c) || c.range === undefined || [c.range.start, c.range.end].every((p) => p.line < doc.lineCount);

describe('open documents', () => {
  it('agree with the protocol library after any sequence of changes within the text, one or several per update', () => {
    fc.assert(
      fc.property(chunk, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(position, { maxLength: 6 }), fc.array(fc.integer({ min: -2, max: 120 }), { maxLength: 6 }), (initial, updates, probes, offsets) => {
        const mine = new EditedDocument('file:///a', 'guideline', 1, initial);
        const theirs = TextDocument.create('file:///a', 'guideline', 1, initial);
        // Half the runs read the lines before the first change, as the server does.
        if (initial.length % 2 === 0) void mine.lineCount;
        for (const [i, changes] of updates.entries()) {
          // Changes in one update apply one after another: each is checked against the text it applies to.
          for (const c of changes) {
            if (!within(theirs, c)) return;
            mine.update([c], i + 2);
            TextDocument.update(theirs, [c], i + 2);
          }
          assert.equal(mine.version, theirs.version);
          agree(mine, theirs, probes, offsets);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('applies several changes of one update in order, as the library does', () => {
    const mine = new EditedDocument('file:///c', 'guideline', 1, 'ab\ncd\n');
    const theirs = TextDocument.create('file:///c', 'guideline', 1, 'ab\ncd\n');
    const changes = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'X\r\nY' },
      { range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } }, text: '' },
      { text: 'whole\r\ntext' },
      { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } }, text: '\n' },
    ];
    mine.update(changes, 2);
    TextDocument.update(theirs, changes, 2);
    agree(mine, theirs, [{ line: 1, character: 1 }, { line: 2, character: 0 }], [0, 3, 8]);
  });

  it('keeps whole lines for positions past the last line, where the library leaves holes', () => {
    fc.assert(
      fc.property(chunk, fc.array(change, { maxLength: 10 }), (initial, changes) => {
        const mine = new EditedDocument('file:///d', 'guideline', 1, initial);
        void mine.lineCount;
        changes.forEach((c, i) => mine.update([c], i + 2));
        // A document opened with the same text finds its lines by reading it.
        const fresh = new EditedDocument('file:///d', 'guideline', 1, mine.getText());
        agree(mine, fresh, [{ line: 0, character: 3 }, { line: 2, character: 1 }], [0, 5, 50]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps agreeing past the point where its pieces are joined again', () => {
    const initial = 'statement S1 {\n  rule r1 when a then recommend x\n}\n'.repeat(20);
    const mine = new EditedDocument('file:///b', 'guideline', 1, initial);
    const theirs = TextDocument.create('file:///b', 'guideline', 1, initial);
    for (let i = 0; i < 700; i++) {
      const at = { line: (i * 7) % 60, character: (i * 13) % 30 };
      const changes = [{ range: { start: at, end: i % 3 === 0 ? { line: at.line, character: at.character + 2 } : at }, text: i % 5 === 0 ? '\n' : 'x' }];
      mine.update(changes, i + 2);
      TextDocument.update(theirs, changes, i + 2);
    }
    agree(mine, theirs, [{ line: 5, character: 3 }, { line: 59, character: 100 }], [0, 100, 2000, 10_000]);
  });
});
