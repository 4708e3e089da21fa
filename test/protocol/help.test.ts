// Help where the user is, through the built server: templates in completion as snippets
// (left out for a client with its own), documentation on every item, hover on keywords and
// GRADE's words, and no list opened by `{` or by a space after a complete value.
import * as assert from 'node:assert/strict';
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type InitializeResult,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const uri = 'file:///help/main.guideline';
const text = `attribute age: years
intervention resection
statement S1 {
  basis evidence${' '}
  strength conditional
  certainty low
  rule r when age < 65 then suggest resection
}
`;

/** `initialize` as an editor that reads snippet syntax sends it, with the given options. */
async function start(client: TestClient, initializationOptions?: unknown): Promise<InitializeResult> {
  const capabilities = { textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } } };
  const result = await client.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, initializationOptions });
  await client.connection.sendNotification('initialized', {});
  return result;
}

async function open(client: TestClient, docUri: string, content: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'guideline', version: 1, text: content } });
  await client.diagnostics(docUri);
}

async function complete(client: TestClient, docUri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter } : { triggerKind: CompletionTriggerKind.Invoked };
  const list = await client.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri: docUri }, position: { line, character }, context });
  return list?.items ?? [];
}

describe('help over stdio: templates, documentation, hover on keywords, triggers', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('offers templates as snippets in an empty file, each documented', async () => {
    const init = await start(client);
    const triggers = init.capabilities.completionProvider?.triggerCharacters ?? [];
    assert.ok(!triggers.includes('{'), `no list on {: ${JSON.stringify(triggers)}`);
    const empty = 'file:///help/empty.guideline';
    await open(client, empty, '');
    const items = await complete(client, empty, 0, 0);
    const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet);
    assert.deepEqual(snippets.map((s) => s.label).sort(), ['case', 'decision', 'guideline', 'statement']);
    for (const s of snippets) {
      assert.equal(s.insertTextFormat, InsertTextFormat.Snippet, s.label);
      const edit = s.textEdit as { newText: string };
      assert.match(edit.newText, new RegExp(`^${s.label} "?\\$\\{1[:|]`), s.label);
    }
    for (const i of items) assert.ok((i.documentation as MarkupContent | undefined)?.value, `${i.label} has documentation`);
    const keyword = items.find((i) => i.label === 'statement' && i.kind === CompletionItemKind.Keyword);
    assert.equal(keyword?.insertTextFormat, undefined, 'a keyword is inserted as plain text');
  });

  it('hovers on a keyword and on a GRADE word', async () => {
    await open(client, uri, text);
    const hoverAt = async (line: number, character: number) =>
      ((await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }))?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(await hoverAt(3, 3), /^\*\*basis\*\* \(keyword\)/);
    assert.match(await hoverAt(4, 14), /^\*\*conditional\*\*: GRADE conditional recommendation/);
    assert.match(await hoverAt(5, 13), /^\*\*low\*\*: GRADE certainty ⊕⊕◯◯ low/);
    assert.match(await hoverAt(6, 3), /^\*\*rule\*\* \(keyword\)/);
  });

  it('opens no list on `{` or on a space after a complete value; does where a name must follow', async () => {
    assert.deepEqual(await complete(client, uri, 2, 14, '{'), []);
    assert.deepEqual(await complete(client, uri, 3, 17, ' '), [], 'after `basis evidence `');
    assert.deepEqual(await complete(client, uri, 6, 23, ' '), [], 'after `age < 65 `');
    const afterWhen = await complete(client, uri, 6, 14, ' ');
    assert.ok(afterWhen.some((i) => i.label === 'age'), 'attributes after `when `');
  });

  it('leaves its templates out for a client that has its own', async () => {
    const other = new TestClient();
    try {
      await start(other, { clientSnippets: true });
      const empty = 'file:///help/empty.guideline';
      await open(other, empty, '');
      const items = await complete(other, empty, 0, 0);
      assert.ok(items.some((i) => i.label === 'statement'), 'the keyword is still offered');
      assert.deepEqual(items.filter((i) => i.kind === CompletionItemKind.Snippet), []);
    } finally {
      other.kill();
    }
  });
});
