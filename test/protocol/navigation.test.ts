// References, highlights and rename through the built server: across an open file, a file
// it uses and a file of the workspace folder that no editor has open.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError, type DocumentHighlight, type Location, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const vocabulary = 'attribute age: years\nintervention resection\n';
const other = 'use "vocab.guideline"\nstatement S2 {\n  basis evidence strength strong certainty high agreement 90%\n  rule r2 when age >= 80 years then recommend against resection\n}\n';
const main = 'use "vocab.guideline"\n// age in a comment\nstatement S1 "age in a title" {\n  basis evidence strength strong certainty high agreement 90%\n  rule r1 when age < 80 years then recommend resection\n}\n';

describe('references and rename over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  let dir: string;
  /** As VS Code spells it: `(` and `)` escaped. */
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href.replace(/\(/g, '%28').replace(/\)/g, '%29');

  before(() => {
    // A folder name an editor escapes differently from Node (`(` as %28): one file, one URI.
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-nav-')), 'Guidelines (2021)');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'vocab.guideline'), vocabulary);
    fs.writeFileSync(path.join(dir, 'other.guideline'), other);
    fs.writeFileSync(path.join(dir, 'main.guideline'), main);
    client = new TestClient();
  });
  after(() => {
    client.kill();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('answers references, highlights, prepareRename and rename; refuses bad names with a reason', async () => {
    const init = await client.initialize([{ uri: uriOf('').replace(/\/$/, ''), name: 'nav' }]);
    assert.equal(init.capabilities.referencesProvider, true);
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    const uri = uriOf('main.guideline');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text: main } });
    await client.diagnostics(uri);
    const age = { line: 4, character: 16 };

    const refs = await client.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: age, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}:${r.range.start.character}`).sort(), [
      'main.guideline:4:15', 'other.guideline:3:15', 'vocab.guideline:0:10',
    ]);
    const inComment = await client.connection.sendRequest<Location[] | null>('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 4 }, context: { includeDeclaration: true } });
    assert.equal(inComment, null);

    const lights = await client.connection.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: age });
    assert.deepEqual(lights.map((h) => [h.range.start.line, h.kind]), [[4, 2]]);

    const prepared = await client.connection.sendRequest<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: age });
    assert.equal(prepared.placeholder, 'age');
    await assert.rejects(
      client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: { line: 2, character: 17 } }),
      (err: unknown) => err instanceof ResponseError && /Only a declared name can be renamed/.test(err.message),
    );

    const edit = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: age, newName: 'age_at_diagnosis' });
    assert.deepEqual(Object.keys(edit.changes ?? {}).map((u) => path.basename(u)).sort(), ['main.guideline', 'other.guideline', 'vocab.guideline']);
    assert.deepEqual(edit.changes?.[uriOf('vocab.guideline')], [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 13 } }, newText: 'age_at_diagnosis' }]);

    for (const [newName, reason] of [['', /cannot be empty/], ['then', /reserved word/], ['S2', /already the name of statement `S2`/], ['9lives', /not a name/]] as const) {
      await assert.rejects(
        client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: age, newName }),
        (err: unknown) => err instanceof ResponseError && reason.test(err.message),
        newName,
      );
    }
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
  });
});
