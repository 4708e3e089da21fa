// The outline through the built server: statements first, declarations in named groups,
// every selection inside its range (VS Code drops an outline that breaks this).
import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

const text = `guideline g { title "T" }
attribute a: boolean
attribute b: boolean
intervention i
statement S1 { rule r1 when a then recommend i }
attribute c: boolean
statement S2 { rule r2 when b and c then suggest i }
`;

describe('outline over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.kill());

  it('answers documentSymbol with the statements first and the declarations grouped', async () => {
    await client.initialize();
    const uri = 'file:///outline/main.guideline';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'guideline', version: 1, text } });
    await client.diagnostics(uri);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [
      ['g', SymbolKind.Module], ['S1', SymbolKind.Class], ['S2', SymbolKind.Class], ['Attributes', SymbolKind.Namespace], ['Interventions', SymbolKind.Namespace],
    ]);
    const attributes = symbols[3]!;
    assert.deepEqual(attributes.children!.map((c) => [c.name, c.kind, c.range.start.line]), [['a', SymbolKind.Field, 1], ['b', SymbolKind.Field, 2], ['c', SymbolKind.Field, 5]]);
    // The groups start where the last statement ends, so VS Code, which orders by position, keeps them last.
    assert.deepEqual(attributes.range.start, symbols[2]!.range.end);
    assert.deepEqual(attributes.range.end, { line: 7, character: 0 });
    const inside = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const walk = (list: DocumentSymbol[]): void => {
      for (const s of list) {
        assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection outside its range`);
        walk(s.children ?? []);
      }
    };
    walk(symbols);
  });
});
