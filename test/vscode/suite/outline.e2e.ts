// The outline as VS Code shows it for the sample: the header, the statements with their
// rules, then the declarations grouped by kind.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFile, SAMPLE, waitFor } from './support.js';

describe('outline', () => {
  afterEach(closeAllEditors);

  it('lists the sample\'s statements first and its declarations in groups', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const symbols = await waitFor('the outline', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const statements = (doc.getText().match(/^statement /gm) ?? []).length;
    const kinds = symbols.map((s) => s.kind);
    assert.equal(kinds[0], vscode.SymbolKind.Module, 'the header first');
    assert.deepEqual(kinds.slice(1, 1 + statements), Array(statements).fill(vscode.SymbolKind.Class), 'then every statement');
    const groups = symbols.slice(1 + statements);
    assert.ok(groups.length > 0 && groups.every((g) => g.kind === vscode.SymbolKind.Namespace), 'then only groups');
    const cases = groups.find((g) => g.name === 'Cases');
    assert.ok(cases, `no Cases group among ${groups.map((g) => g.name).join(', ')}`);
    assert.equal(cases.children.length, (doc.getText().match(/^case "/gm) ?? []).length);
    // The first statement's rules are its children, in the file's order.
    const first = symbols[1]!;
    assert.ok(first.children.length > 0 && first.children.every((r) => r.kind === vscode.SymbolKind.Method));
  });
});
