// An edit to a file does not redo the work for the files it `use`s: their parse and their
// declared symbols are kept (the same objects) from one version of the root to the next,
// and are redone only when the used file itself changes. A file on disk is read again
// whenever its stat says it may have changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiskHost } from '../../server/src/model/sources.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { analyzeFiles, MemoryHost, memUri } from '../helpers.js';

const vocabulary = 'enum Stage { I, II, III }\nattribute stage: Stage\nintervention chemo\n';
const main = (rule: string): string => `use "vocabulary.guideline"\nstatement S1 {\n  ${rule}\n}\n`;
const root = memUri('main.guideline');
const used = memUri('vocabulary.guideline');
const codes = (xs: readonly { code: string; span: { start: number } }[]): string[] => xs.map((f) => `${f.span.start} ${f.code}`);

describe('used files across edits', () => {
  it('keeps the used file’s parse and symbols while only the root changes', () => {
    const ws = new Workspace(new MemoryHost({ 'vocabulary.guideline': vocabulary }));
    ws.update(root, main('rule r when stage = I then recommend chemo'), 1);
    const first = ws.analysis(root)!;
    ws.update(root, main('rule r when stage = II then recommend chemo'), 2);
    const second = ws.analysis(root)!;
    assert.notEqual(second, first);
    assert.equal(second.program.files[1], first.program.files[1], 'the used file was not parsed again');
    assert.equal(second.symbols.lookup('stage', 'attribute'), first.symbols.lookup('stage', 'attribute'), 'its symbols were not declared again');
    const stage = second.symbols.lookup('Stage', 'enum')!;
    assert.equal(second.symbols.members.get(stage)?.get('II'), first.symbols.members.get(first.symbols.lookup('Stage', 'enum')!)?.get('II'));
  });

  it('redoes them when the used file changes, with the result of a fresh analysis', () => {
    const ws = new Workspace(new MemoryHost({ 'vocabulary.guideline': vocabulary }));
    const text = main('rule r when stage = IV then recommend chemo');
    ws.update(root, text, 1);
    const before = ws.analysis(root)!;
    assert.ok(before.findings.some((f) => f.code === 'unresolved-member'));
    const changed = vocabulary.replace('III }', 'III, IV }');
    assert.deepEqual(ws.update(used, changed, 1), [root, used], 'the root is stale once its used file changes');
    const after = ws.analysis(root)!;
    assert.notEqual(after.program.files[1], before.program.files[1]);
    assert.notEqual(after.symbols.lookup('stage', 'attribute'), before.symbols.lookup('stage', 'attribute'));
    const fresh = analyzeFiles({ 'main.guideline': text, 'vocabulary.guideline': changed });
    assert.deepEqual(codes(after.findings), codes(fresh.findings));
    assert.ok(!after.findings.some((f) => f.code === 'unresolved-member'));
  });

  it('reports a member listed twice only in the file being analysed, also once its symbols are shared', () => {
    const files = { 'vocabulary.guideline': 'enum Stage { I, I }\nattribute stage: Stage\nintervention chemo\n', 'main.guideline': main('rule r when stage = I then recommend chemo') };
    const ws = new Workspace(new MemoryHost(files));
    const ofVocabulary = ws.analysis(used)!;
    assert.deepEqual(ofVocabulary.findings.filter((f) => f.code === 'duplicate-member').length, 1);
    const ofMain = ws.analysis(root)!;
    assert.equal(ofMain.program.files[1], ofVocabulary.source, 'one parse for both analyses');
    assert.ok(!ofMain.findings.some((f) => f.code === 'duplicate-member'));
  });
});

describe('reading from disk', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-disk-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file again when it is rewritten, even to the same size and modification time', () => {
    const file = path.join(dir, 'a.guideline');
    const uri = pathToFileURL(file).href;
    fs.writeFileSync(file, 'intervention aaa\n');
    const host = new DiskHost();
    const first = host.read(uri);
    assert.deepEqual(first && 'text' in first ? first.text : undefined, 'intervention aaa\n');
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'intervention bbb\n');
    fs.utimesSync(file, atime, mtime);
    const second = host.read(uri);
    assert.deepEqual(second && 'text' in second ? second.text : undefined, 'intervention bbb\n');
    fs.rmSync(file);
    assert.equal(host.read(uri), undefined, 'a deleted file is gone, not remembered');
  });
});
