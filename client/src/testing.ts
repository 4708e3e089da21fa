// The guideline's cases in VS Code's Testing view: one item per file, one child per case,
// listed and run by the language server (protocol.ts). A failed expectation shows what it
// expected and what the rules gave, at its `expect`. Lists refresh as files change.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
  listCasesMethod,
  runCaseCommand,
  runCasesMethod,
  type CaseResult,
  type FileCases,
  type ListCasesParams,
  type ListCasesResult,
  type RunCasesParams,
  type RunCasesResult,
} from '../../server/src/protocol.js';

const REFRESH_MS = 400;

export interface CaseTests {
  readonly controller: vscode.TestController;
  /** Runs the given items (files or cases; all when omitted) and resolves with each case's result. */
  run(items?: readonly vscode.TestItem[]): Promise<Map<vscode.TestItem, CaseResult>>;
  /** Lists the cases again (every file, or the given one). */
  refresh(uri?: vscode.Uri): Promise<void>;
}

export function registerCaseTests(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): CaseTests {
  const controller = vscode.tests.createTestController('guideline.cases', 'Guideline cases');
  context.subscriptions.push(controller);

  const toRange = (r: FileCases['cases'][number]['range']): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

  const show = (file: FileCases): void => {
    if (file.cases.length === 0) {
      controller.items.delete(file.uri);
      return;
    }
    const uri = vscode.Uri.parse(file.uri);
    const item = controller.items.get(file.uri) ?? controller.createTestItem(file.uri, path.basename(uri.path), uri);
    item.children.replace(file.cases.map((c) => {
      // A child's id is its case's id: ids are unique among siblings only.
      const child = controller.createTestItem(c.id, c.title, uri);
      child.range = toRange(c.range);
      return child;
    }));
    controller.items.add(item);
  };

  const refresh = async (uri?: vscode.Uri): Promise<void> => {
    const lc = client();
    if (!lc) return;
    const params: ListCasesParams = uri ? { uris: [uri.toString()] } : {};
    const result = await lc.sendRequest<ListCasesResult>(listCasesMethod, params).catch((err: unknown) => {
      lc.outputChannel.appendLine(`Listing cases failed: ${String(err)}`);
      return undefined;
    });
    if (!result) return;
    if (!uri) controller.items.replace([]);
    result.files.forEach(show);
  };
  controller.resolveHandler = async (item) => {
    if (!item) await refresh();
  };
  controller.refreshHandler = () => refresh();

  const timers = new Map<string, NodeJS.Timeout>();
  const later = (uri: vscode.Uri): void => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      void refresh(uri);
    }, REFRESH_MS));
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.guideline');
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(later),
    watcher.onDidChange(later),
    watcher.onDidDelete((uri) => controller.items.delete(uri.toString())),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'guideline') later(e.document.uri);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'guideline') later(doc.uri);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );

  /** The cases to run, by file: undefined ids run the file's every case. */
  const plan = (items: readonly vscode.TestItem[]): Map<string, Set<string> | undefined> => {
    const byFile = new Map<string, Set<string> | undefined>();
    for (const item of items) {
      if (!item.parent) byFile.set(item.id, undefined);
      else if (!byFile.has(item.parent.id) || byFile.get(item.parent.id)) byFile.set(item.parent.id, (byFile.get(item.parent.id) ?? new Set()).add(item.id));
    }
    return byFile;
  };

  const execute = async (request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<Map<vscode.TestItem, CaseResult>> => {
    const results = new Map<vscode.TestItem, CaseResult>();
    const run = controller.createTestRun(request);
    const lc = client();
    try {
      const included: vscode.TestItem[] = [];
      (request.include ?? [...toArray(controller.items)]).forEach((i) => included.push(i));
      const excluded = new Set((request.exclude ?? []).map((i) => i.id));
      for (const [file, ids] of plan(included)) {
        if (token.isCancellationRequested) break;
        const fileItem = controller.items.get(file);
        if (!fileItem) continue;
        const children = toArray(fileItem.children).filter((c) => !excluded.has(c.id) && (!ids || ids.has(c.id)));
        children.forEach((c) => run.enqueued(c));
        if (!lc) {
          children.forEach((c) => run.errored(c, new vscode.TestMessage('The language server is not running')));
          continue;
        }
        children.forEach((c) => run.started(c));
        const params: RunCasesParams = { uri: file, ids: children.map((c) => c.id) };
        let answer: RunCasesResult;
        try {
          answer = await lc.sendRequest<RunCasesResult>(runCasesMethod, params, token);
        } catch (err) {
          children.forEach((c) => run.errored(c, new vscode.TestMessage(`Running the cases failed: ${String(err)}`)));
          continue;
        }
        const byId = new Map(answer.results.map((r) => [r.id, r]));
        const uri = vscode.Uri.parse(file);
        for (const child of children) {
          const result = byId.get(child.id);
          if (!result) {
            run.skipped(child);
            continue;
          }
          results.set(child, result);
          for (const note of result.notes) run.appendOutput(`${child.label}: ${note}\r\n`, undefined, child);
          if (result.passed) run.passed(child);
          else {
            run.failed(child, result.failures.map((f) => {
              const message = vscode.TestMessage.diff(f.message, f.expected, f.actual);
              message.location = new vscode.Location(uri, new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character));
              return message;
            }));
          }
        }
      }
    } finally {
      run.end();
    }
    return results;
  };

  controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => execute(request, token).then(() => undefined), true);

  const runItems = async (items?: readonly vscode.TestItem[]): Promise<Map<vscode.TestItem, CaseResult>> => {
    if (controller.items.size === 0) await refresh();
    const source = new vscode.CancellationTokenSource();
    try {
      return await execute(new vscode.TestRunRequest(items), source.token);
    } finally {
      source.dispose();
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(runCaseCommand, async (uri: string, id: string) => {
      await refresh(vscode.Uri.parse(uri));
      const item = controller.items.get(uri)?.children.get(id);
      if (item) await runItems([item]);
    }),
  );
  return { controller, run: runItems, refresh };
}

function toArray(collection: vscode.TestItemCollection): vscode.TestItem[] {
  const items: vscode.TestItem[] = [];
  collection.forEach((item) => items.push(item));
  return items;
}
