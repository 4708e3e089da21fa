// Diagnostics as VS Code shows them: they appear when a file is broken, go when it is
// fixed, and are the same, position for position, as the command line's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  cliDiagnostics,
  closeAllEditors,
  codeOf,
  offsetOf,
  openFile,
  plain,
  replaceAt,
  SAMPLE,
  sortPlain,
  waitFor,
  waitForDiagnostics,
  type PlainDiagnostic,
} from './support.js';

/** Waits until VS Code's diagnostics for the file equal the command line's for it on disk. */
async function expectSameAsCommandLine(name: string): Promise<PlainDiagnostic[]> {
  const editor = await openFile(name);
  const expected = sortPlain(await cliDiagnostics(editor.document.uri.fsPath));
  let shown: PlainDiagnostic[] = [];
  try {
    await waitFor(`the diagnostics of ${name} to equal the command line's`, () => {
      shown = sortPlain(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'guideline').map(plain));
      return JSON.stringify(shown) === JSON.stringify(expected) ? true : undefined;
    });
  } catch {
    assert.deepEqual(shown, expected, `VS Code and \`guideline check\` disagree on ${name}`);
  }
  return expected;
}

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  for (const name of [SAMPLE, 'hcc-vocabulary.guideline', 'broken.guideline', 'missing-use.guideline']) {
    it(`equal the command line's for ${name}`, async () => {
      const list = await expectSameAsCommandLine(name);
      if (name === 'broken.guideline') {
        // The file is broken on purpose: make sure the comparison had something to compare.
        const codes = list.map((d) => d.code);
        for (const code of ['syntax', 'unresolved-name', 'unknown-type']) assert.ok(codes.includes(code), `broken.guideline should report ${code}; got ${codes.join(', ')}`);
      }
    });
  }

  it('appear when the sample is broken and clear when it is fixed', async () => {
    const baseline = await expectSameAsCommandLine(SAMPLE);
    const editor = await openFile(SAMPLE);
    const doc = editor.document;

    // A misspelt attribute in statement S8's first rule, and a stray parenthesis in a later
    // rule (a syntax error silences the name checks of its own rule, as a cascade).
    const rule = offsetOf(doc, 'rule flr_increase_alpps');
    const attr = offsetOf(doc, 'and age', 1, rule) + 'and '.length;
    await replaceAt(editor, attr, 'age'.length, 'agee');
    const later = offsetOf(doc, 'rule pve_contraindications', 1, rule);
    const then = offsetOf(doc, 'then suggest against pve', 1, later) + 'then suggest against pve'.length;
    await replaceAt(editor, then, 0, ' )');

    const typo = new vscode.Range(doc.positionAt(attr), doc.positionAt(attr + 'agee'.length));
    const paren = doc.positionAt(then + 1);
    const broken = await waitForDiagnostics(doc.uri, 'the unresolved name and the syntax error', (list) =>
      list.some((d) => codeOf(d) === 'unresolved-name' && d.range.isEqual(typo)) && list.some((d) => codeOf(d) === 'syntax' && d.range.start.isEqual(paren)),
    );
    const unresolved = broken.find((d) => codeOf(d) === 'unresolved-name')!;
    assert.equal(unresolved.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unresolved.message, /agee.*did you mean `age`/);
    // The parser recovers: one syntax error, nothing reported twice, and the file's own
    // findings above the edits are still there.
    const shown = broken.map((d) => JSON.stringify(plain(d)));
    assert.equal(broken.filter((d) => codeOf(d) === 'syntax').length, 1, `more than one syntax error:\n${shown.join('\n')}`);
    assert.equal(new Set(shown).size, shown.length, `a diagnostic is reported twice:\n${shown.join('\n')}`);
    for (const before of baseline.filter((d) => d.endLine - 1 < typo.start.line)) {
      assert.ok(shown.includes(JSON.stringify(before)), `the finding ${before.code} at ${before.line}:${before.column} went away:\n${shown.join('\n')}`);
    }

    // Fix both, as a person would, by editing.
    await replaceAt(editor, then, 2, '');
    await replaceAt(editor, attr, 'agee'.length, 'age');
    await waitForDiagnostics(doc.uri, 'the diagnostics to return to the file\'s own', (list) =>
      JSON.stringify(sortPlain(list.map(plain))) === JSON.stringify(sortPlain(baseline)),
    );
  });
});
