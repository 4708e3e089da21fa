// References, rename, formatting and the cases in the Testing view, through VS Code's own
// commands (the ones its UI calls) on the sample and its vocabulary.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseResult } from '../../../server/src/protocol.js';
import { closeAllEditors, codeOf, extension, offsetOf, openFile, replaceAt, revert, SAMPLE, waitFor, waitForDiagnostics, workspaceUri } from './support.js';

const VOCABULARY = 'hcc-vocabulary.guideline';

interface CaseTestsApi {
  controller: vscode.TestController;
  run(items?: readonly vscode.TestItem[]): Promise<Map<vscode.TestItem, CaseResult>>;
}

function cases(): CaseTestsApi {
  const api = extension().exports as { cases?: CaseTestsApi } | undefined;
  assert.ok(api?.cases, 'the extension exposes no case tests');
  return api.cases;
}

function children(item: vscode.TestItem): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  item.children.forEach((c) => out.push(c));
  return out;
}

describe('references, rename and formatting', () => {
  afterEach(closeAllEditors);

  it('finds an attribute\'s references in the sample and its declaration in the vocabulary', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'flr_slv', 1, offsetOf(doc, 'rule flr_increase_alpps')) + 2);
    const locations = await waitFor('references of flr_slv', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
      return found.length > 0 ? found : undefined;
    });
    const inVocabulary = locations.filter((l) => l.uri.toString() === workspaceUri(VOCABULARY).toString());
    assert.equal(inVocabulary.length, 1, 'the declaration in the vocabulary');
    assert.ok(locations.filter((l) => l.uri.toString() === doc.uri.toString()).length >= 4);
    for (const l of locations) {
      const text = (await vscode.workspace.openTextDocument(l.uri)).getText(l.range);
      assert.equal(text, 'flr_slv');
    }
  });

  it('renames an attribute across both files without a new error, and refuses a reserved word', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'flr_slv', 1, offsetOf(doc, 'rule flr_increase_alpps')) + 2);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, at, 'when')), /reserved word/);
    const edit = await waitFor('a rename edit', async () => vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, at, 'flr_ratio'));
    const files = edit.entries().map(([uri]) => uri.toString()).sort();
    assert.deepEqual(files, [workspaceUri(SAMPLE).toString(), workspaceUri(VOCABULARY).toString()].sort());
    assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code refused the rename');
    try {
      assert.ok(!/\bflr_slv\b/.test(doc.getText().replace(/\/\/.*|"""[\s\S]*?"""|"[^"\n]*"/g, '')), 'a use of flr_slv was left');
      await waitForDiagnostics(doc.uri, 'diagnostics without unresolved names', (list) => !list.some((d) => codeOf(d)?.startsWith('unresolved')) && doc.getText().includes('flr_ratio'));
    } finally {
      for (const name of [SAMPLE, VOCABULARY]) await revert(await vscode.workspace.openTextDocument(workspaceUri(name)));
    }
  });

  it('formats a disordered sample back to itself with whitespace edits only', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const original = doc.getText();
    // The sample is in the canonical layout: pad every space of a rule.
    const rule = offsetOf(doc, 'rule flr_increase_alpps');
    const end = offsetOf(doc, '\n  rule ', 1, rule + 1);
    await replaceAt(editor, rule, end - rule, original.slice(rule, end).replace(/ +/g, '   '));
    try {
      const edits = await waitFor('formatting edits', async () => vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: false }));
      for (const e of edits) assert.match(e.newText, /^\s*$/, 'an edit that is not whitespace');
      const whole = new vscode.WorkspaceEdit();
      whole.set(doc.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(whole));
      assert.equal(doc.getText(), original, 'formatting did not restore the canonical sample');
      const again = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
      assert.deepEqual(again ?? [], [], 'a second format changed the text again');
    } finally {
      await revert(doc);
    }
  });
});

describe('cases in the Testing view', () => {
  afterEach(closeAllEditors);

  it('lists the sample\'s cases by file and runs them, one and all', async () => {
    const api = cases();
    const sample = workspaceUri(SAMPLE).toString();
    const doc = await vscode.workspace.openTextDocument(workspaceUri(SAMPLE));
    const count = (doc.getText().match(/^case "/gm) ?? []).length;
    // Listed from the file as it is now (an earlier test's edit may still be being relisted).
    const at = (item: vscode.TestItem) => (item.range ? doc.lineAt(item.range.start.line).text : '');
    const file = await waitFor('the sample\'s cases in the Testing view, each at its `case`', () => {
      const item = api.controller.items.get(sample);
      return item && item.children.size === count && children(item).every((c) => at(c).startsWith(`case "${c.label}"`)) ? item : undefined;
    });
    assert.equal(file.label, SAMPLE);
    const [first] = children(file);
    assert.ok(first);

    const one = await api.run([first]);
    assert.deepEqual([...one.keys()], [first]);
    const all = await api.run();
    assert.ok(all.size >= count, `${all.size} results for ${count} cases of the sample`);
    assert.ok(children(file).every((c) => all.get(c)?.passed === true), 'a case of the sample fails');
  });

  it('shows a failing case\'s expected and actual at its expect', async () => {
    const api = cases();
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const start = offsetOf(doc, 'case "');
    const expect = offsetOf(doc, 'expect ', 1, start);
    const line = doc.lineAt(doc.positionAt(expect).line);
    await replaceAt(editor, doc.offsetAt(line.range.start), line.text.length, '  expect recommend against resection');
    try {
      const file = api.controller.items.get(doc.uri.toString());
      assert.ok(file);
      const item = await waitFor('the edited case relisted', () => children(file).find((c) => c.range?.start.line === doc.positionAt(start).line));
      const result = await waitFor('a failed result', async () => {
        const r = (await api.run([item])).get(item);
        return r && !r.passed ? r : undefined;
      });
      const failure = result.failures[0]!;
      assert.equal(failure.expected, 'recommend against resection');
      assert.notEqual(failure.actual, failure.expected);
      assert.equal(failure.range.start.line, line.lineNumber);
    } finally {
      await revert(doc);
    }
  });
});
