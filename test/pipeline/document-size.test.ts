// A file past the size that is analysed (a 10 MB document blocked the server for minutes)
// is read as empty with one document-too-large error, at once; a `use` of one is refused.
import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/model/settings.js';
import { maxDocumentChars } from '../../server/src/model/sources.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { completions } from '../../server/src/services/completion.js';
import { hover } from '../../server/src/services/hover.js';
import { outline } from '../../server/src/services/outline.js';
import { analyzeFiles, analyzeText, diagnosticStrings } from '../helpers.js';

const declaration = 'attribute stage: boolean "Stage"\n';
/** A real file's lines repeated until the text is `chars` long. */
const sized = (chars: number): string => declaration.repeat(Math.ceil(chars / declaration.length)).slice(0, chars - 1) + '\n';

describe('document size limit', function () {
  this.timeout(60_000);

  it('analyses a file at the limit', () => {
    const head = 'attribute age: years\n// ';
    const a = analyzeText(`${head}${'x'.repeat(maxDocumentChars - head.length - 1)}\n`);
    assert.equal(a.source.text.length, maxDocumentChars);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'document-too-large'), []);
    assert.ok(a.symbols.lookup('age', 'attribute'));
  });

  it('reads a longer file as empty, with one error at its start', () => {
    const text = sized(maxDocumentChars + 1);
    const a = analyzeText(text);
    assert.deepEqual(a.findings.map((f) => [f.code, f.span.start, f.span.end]), [['document-too-large', 0, 0]]);
    assert.match(a.findings[0].message, /^This file has 1\.0 Mi characters, over the 1 Mi that are analysed/);
    assert.deepEqual(outline(a), []);
    assert.equal(hover(a, text.indexOf('stage')), undefined);
    assert.deepEqual(completions(a, text.length - 10).items, []);
  });

  it('refuses a use of such a file', () => {
    const a = analyzeFiles({ 'main.guideline': 'use "big.guideline"\nattribute age: years\n', 'big.guideline': sized(maxDocumentChars + 10) });
    assert.deepEqual(diagnosticStrings(a).map((d) => d.replace(/^\S+ /, '')), [
      'use-refused `use` of `big.guideline` refused: it has 1.0 Mi characters, over the 1 Mi that are analysed (setting guideline.maxDocumentSize): it is not checked',
    ]);
  });

  it('analyses a longer file once the setting raises the limit, and refuses it again once lowered', () => {
    const uri = 'file:///virtual/big.guideline';
    const text = sized(maxDocumentChars + 10);
    const workspace = new Workspace();
    workspace.update(uri, text, 1);
    assert.deepEqual(workspace.analysis(uri)!.findings.map((f) => f.code), ['document-too-large']);
    workspace.settings = { ...defaultSettings, maxDocumentSize: 2 };
    const raised = workspace.analysis(uri)!;
    assert.ok(!raised.findings.some((f) => f.code === 'document-too-large'));
    assert.ok(raised.symbols.lookup('stage', 'attribute'));
    assert.ok(completions(raised, text.indexOf('boolean')).items.length > 0);
    workspace.settings = { ...defaultSettings, maxDocumentSize: 0.5 };
    const lowered = workspace.analysis(uri)!;
    assert.deepEqual(lowered.findings.map((f) => f.code), ['document-too-large']);
    assert.match(lowered.findings[0].message, /over the 0\.5 Mi that are analysed/);
  });
});
