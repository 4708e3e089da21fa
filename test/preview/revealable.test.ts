// The preview's reveal messages open only the documents the panel shows: the previewed
// file and the files its tree's rules come from. A message from the webview naming any
// other document (another file of the machine, a command or web URI) opens nothing.
import * as assert from 'node:assert/strict';
import type { DecisionTreeResult, SourceRange } from '../../server/src/protocol.js';
import { revealable, shownDocuments } from '../../client/src/preview/revealable.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { analyzeText } from '../helpers.js';

const text = `attribute age: years
intervention x
statement S1 {
  text "t" basis evidence strength strong certainty high agreement 90%
  rule adults when age >= 18 years then recommend x
}
`;

const at = (uri: string, line = 4, character = 2): SourceRange => ({ uri, range: { start: { line, character }, end: { line, character: character + 5 } } });

describe('preview reveal', () => {
  const result = decisionTree(analyzeText(text));
  const sourcesIn = (r: DecisionTreeResult): SourceRange[] => JSON.stringify(r).match(/"source":\{"uri":"[^"]*"/g)?.map((m) => at(m.slice(17, -1))) ?? [];

  it('opens a rule of the tree it shows', () => {
    const fromTree = sourcesIn(result);
    assert.ok(fromTree.length > 0, 'the tree has rules with sources');
    const shown = shownDocuments(result, result.uri);
    assert.deepEqual(revealable(fromTree, shown), fromTree);
  });

  it('opens nothing outside the documents the panel shows', () => {
    const shown = shownDocuments(result, result.uri);
    for (const uri of ['file:///etc/passwd', 'command:workbench.action.terminal.new', 'https://example.test/x.guideline', `${result.uri}x`, result.uri.toUpperCase()]) {
      assert.deepEqual(revealable([at(uri)], shown), [], uri);
    }
    assert.deepEqual(revealable([at('file:///etc/passwd'), at(result.uri)], shown), [at(result.uri)]);
  });

  it('opens a file the tree takes rules from, such as a used vocabulary', () => {
    const elsewhere = 'file:///work/vocabulary.guideline';
    const copy = JSON.parse(JSON.stringify(result).replace(/("source":\{"uri":)"[^"]*"/, `$1${JSON.stringify(elsewhere)}`)) as DecisionTreeResult;
    assert.ok(shownDocuments(copy, copy.uri).has(elsewhere));
    assert.equal(revealable([at(elsewhere)], shownDocuments(copy, copy.uri)).length, 1);
    assert.equal(revealable([at(elsewhere)], shownDocuments(result, result.uri)).length, 0);
  });

  it('opens nothing before a tree arrives but the previewed file', () => {
    assert.deepEqual(revealable([at('file:///w/a.guideline')], shownDocuments(undefined, undefined)), []);
    assert.equal(revealable([at('file:///w/a.guideline')], shownDocuments(undefined, 'file:///w/a.guideline')).length, 1);
  });

  it('drops ranges no editor can select', () => {
    assert.deepEqual(revealable([at(result.uri, -1), at(result.uri, 0, -3)], shownDocuments(result, result.uri)), []);
  });
});
