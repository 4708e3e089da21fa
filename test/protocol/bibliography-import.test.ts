// The bibliography import fix over stdio: the editor's `guideline.bibliography` setting
// reaches the server through workspace/configuration, and a code action on an undeclared
// citation imports the reference from the file it names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const text = `guideline g { title "T" }
intervention x
attribute fit: boolean
statement S1 "One" {
  text "Do x."
  basis evidence strength strong certainty high agreement 90%
  cites sun2019
  rule r when fit then recommend x
}
`;

describe('bibliography import over the protocol', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-bib-lsp-'));
    fs.mkdirSync(path.join(dir, 'refs'));
    fs.writeFileSync(path.join(dir, 'refs', 'library.bib'), '@article{sun2019, author = {Sun, Hui}, title = {A trial}, journal = {Lancet}, year = {2019}, doi = {10.1000/trial}, pmid = {31234567}}\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('offers "Import reference sun2019 from refs/library.bib" with the declaration from the file', async () => {
    const client = new TestClient();
    try {
      let configured!: () => void;
      const asked = new Promise<void>((resolve) => (configured = resolve));
      client.connection.onRequest('workspace/configuration', () => {
        configured();
        return [{ bibliography: ['refs/library.bib'] }];
      });
      client.connection.onRequest('client/registerCapability', () => null);
      const folder = pathToFileURL(dir).href;
      await client.connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }], capabilities: { workspace: { configuration: true } },
      });
      await client.connection.sendNotification('initialized', {});
      await asked;
      const uri = pathToFileURL(path.join(dir, 'main.guideline')).href;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
      const published: PublishDiagnosticsParams = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unresolved-reference'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'unresolved-reference')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const titles = actions.map((a) => a.title);
      const action = actions.find((a) => a.title === 'Import reference sun2019 from refs/library.bib');
      assert.ok(action, JSON.stringify(titles));
      const edits = action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.flatMap((c) => ('edits' in c ? c.edits : [])) ?? [];
      const inserted = edits.map((e) => ('newText' in e ? e.newText : '')).join('');
      assert.match(inserted, /reference sun2019 "Sun H\. A trial[^"]*" doi "10\.1000\/trial" pmid 31234567/);
      assert.ok(titles.includes('Declare reference sun2019'), 'the placeholder declaration stays on offer');
    } finally {
      client.kill();
    }
  });
});
