// The Export command's request over stdio: the same files `guideline export` writes, and a
// file with errors refused with its errors and no files.
import * as assert from 'node:assert/strict';
import { exportMethod, type ExportResult } from '../../server/src/protocol.js';
import { TestClient } from './lsp-client.js';

const uri = 'file:///virtual/export.guideline';
const text = `attribute fit: boolean "Fit for surgery"
intervention surgery "Surgical resection"
statement S1 "Operate when fit" {
  text "Operate on patients fit for surgery."
  basis evidence strength strong certainty high agreement 90%
  rule fit_surgery when fit then recommend surgery
}
`;

describe('export request', function () {
  this.timeout(60_000);

  it('exports the open document as FHIR and Markdown, and refuses a file with errors', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
      await client.diagnostics(uri);
      const fhir = await client.connection.sendRequest<ExportResult>(exportMethod, { uri, format: 'fhir' });
      assert.deepEqual(fhir.errors, []);
      assert.deepEqual(fhir.files.map((f) => f.name), ['export.fhir.json', 'export.elm.json']);
      const bundle = JSON.parse(Buffer.from(fhir.files[0].base64, 'base64').toString('utf8'));
      assert.equal(bundle.resourceType, 'Bundle');
      assert.ok(bundle.entry.some((e: { resource: { resourceType: string; title?: string } }) => e.resource.resourceType === 'PlanDefinition' && e.resource.title === 'S1: Operate when fit'));

      const md = await client.connection.sendRequest<ExportResult>(exportMethod, { uri, format: 'markdown' });
      assert.match(Buffer.from(md.files[0].base64, 'base64').toString('utf8'), /Operate on patients fit for surgery\./);

      const docx = await client.connection.sendRequest<ExportResult>(exportMethod, { uri, format: 'docx' });
      assert.equal(Buffer.from(docx.files[0].base64, 'base64').subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip file');

      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('then recommend surgery', 'then recommend surgeri') }] });
      await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unresolved-name'));
      const refused = await client.connection.sendRequest<ExportResult>(exportMethod, { uri, format: 'fhir' });
      assert.deepEqual(refused.files, []);
      assert.ok(refused.errors.some((e) => /unresolved-name/.test(e)), refused.errors.join('\n'));

      await assert.rejects(client.connection.sendRequest(exportMethod, { uri, format: 'pdf' }), /Unknown export format/);
    } finally {
      client.kill();
    }
  });
});
