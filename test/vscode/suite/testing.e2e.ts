// The guideline's cases in VS Code's Testing view: listed by file, each at its `case`, run
// one by one or all, a failure showing expected and actual at its `expect`, and the list
// following the file as it is edited.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseResult } from '../../../server/src/protocol.js';
import { closeAllEditors, extension, offsetOf, openFile, replaceAt, revert, SAMPLE, waitFor, workspaceUri } from './support.js';

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

  it('lists a case typed into the file, and drops it when it goes', async () => {
    const api = cases();
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const count = (doc.getText().match(/^case "/gm) ?? []).length;
    const file = await waitFor('the sample in the Testing view', () => {
      const item = api.controller.items.get(doc.uri.toString());
      return item && item.children.size === count ? item : undefined;
    });
    const added = '\ncase "Typed in the editor" {\n  given stage = IIIb\n  expect nothing\n}\n';
    await replaceAt(editor, doc.getText().length, 0, added);
    try {
      const item = await waitFor('the new case listed', () => children(file).find((c) => c.label === 'Typed in the editor'));
      assert.equal(item.range?.start.line, doc.positionAt(doc.getText().length - added.length + 1).line);
    } finally {
      await revert(doc);
    }
    await waitFor('the typed case gone once the edit is undone', () => (children(file).some((c) => c.label === 'Typed in the editor') ? undefined : true));
  });
});
