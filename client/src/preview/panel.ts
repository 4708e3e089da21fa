// The decision-tree preview panel (host side): one webview that follows the active
// guideline editor, asks the language server for the tree as the user types (debounced),
// reveals rules on click, fetches statement details for hovers and saves exports.
import * as vscode from 'vscode';
import type { DecisionTreeResult, SourceRange } from '../../../server/src/protocol.js';
import { makeNonce } from '../page-head.js';
import { previewHtml } from './html.js';
import { revealable, shownDocuments } from './revealable.js';
import { rulesAt } from './rules-at.js';
import { isWebviewMessage, type ExportFormat, type HostMessage, type PreviewState, type WebviewMessage } from './messages.js';
import { isStaleAnswer, type TreeSource } from './tree-source.js';

const debounceMs = 300;

export class DecisionTreePanel {
  static readonly viewType = 'guideline.preview';
  private static current: DecisionTreePanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private documentUri: string | undefined;
  private decision: string | undefined;
  private lastResult: DecisionTreeResult | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestSeq = 0;

  /** Shows the preview of `uri` (or of the active guideline editor) in `column`. */
  static show(extensionUri: vscode.Uri, source: TreeSource, uri: vscode.Uri | undefined, column: vscode.ViewColumn): void {
    const target = uri?.toString() ?? activeGuidelineUri();
    const existing = DecisionTreePanel.current;
    if (existing) {
      existing.panel.reveal(column, column === vscode.ViewColumn.Beside);
      if (target) existing.follow(target);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      DecisionTreePanel.viewType,
      'Decision Tree',
      { viewColumn: column, preserveFocus: column === vscode.ViewColumn.Beside },
      webviewOptions(extensionUri),
    );
    DecisionTreePanel.current = new DecisionTreePanel(panel, extensionUri, source, target, undefined);
  }

  /** Brings a preview back after a window reload, from the state its webview saved. */
  static revive(extensionUri: vscode.Uri, source: TreeSource, panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    DecisionTreePanel.current?.panel.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    const uri = typeof state?.uri === 'string' ? state.uri : activeGuidelineUri();
    const decision = typeof state?.decision === 'string' ? state.decision : undefined;
    DecisionTreePanel.current = new DecisionTreePanel(panel, extensionUri, source, uri, decision);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly source: TreeSource,
    uri: string | undefined,
    decision: string | undefined,
  ) {
    this.documentUri = uri;
    this.decision = decision;
    this.updateTitle();
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewMessage(m)) void this.onMessage(m);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'guideline') this.follow(editor.document.uri.toString());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.highlightAt(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('guideline.preview') && this.lastResult) this.post(this.treeMessage(this.lastResult));
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.documentUri && e.contentChanges.length > 0) this.schedule();
      }),
    );
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    return previewHtml({ cspSource: webview.cspSource, nonce: makeNonce(), scriptUri: asset('dist', 'webview.js'), styleUri: asset('media', 'preview.css') });
  }

  /** Switches to another document; its own first decision unless it has the same one. */
  private follow(uri: string): void {
    if (uri === this.documentUri) return;
    this.documentUri = uri;
    this.lastResult = undefined;
    this.updateTitle();
    void this.update();
  }

  private updateTitle(): void {
    const name = this.documentUri ? decodeURIComponent(this.documentUri.slice(this.documentUri.lastIndexOf('/') + 1)) : undefined;
    this.panel.title = name ? `Decision Tree: ${name}` : 'Decision Tree';
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, debounceMs);
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  /** A tree message with the `guideline.preview.*` settings. */
  private treeMessage(result: DecisionTreeResult): HostMessage {
    const config = vscode.workspace.getConfiguration('guideline.preview');
    return { type: 'tree', result, direction: config.get<string>('direction') === 'down' ? 'down' : 'right', detail: config.get<boolean>('detail') === true };
  }

  /** The editor's cursor in a rule: its boxes light up in the preview. */
  private highlightAt(editor: vscode.TextEditor): void {
    if (editor.document.uri.toString() !== this.documentUri || !this.lastResult) return;
    const at = editor.selection.active;
    this.post({ type: 'highlight', rules: rulesAt(this.lastResult, editor.document.uri.toString(), at.line, at.character) });
  }

  private async update(): Promise<void> {
    const uri = this.documentUri;
    if (!uri) {
      this.post({ type: 'noDocument' });
      return;
    }
    const seq = ++this.requestSeq;
    this.post({ type: 'loading', uri });
    try {
      let result = await this.source.decisionTree({ uri, decision: this.decision });
      if (!result) {
        // The server answers only for documents the client has opened: open it and ask again.
        await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        result = await this.source.decisionTree({ uri, decision: this.decision });
      }
      if (result?.error && this.decision !== undefined) {
        this.decision = undefined; // the decision was renamed or removed: show the file's first
        result = await this.source.decisionTree({ uri });
      }
      if (seq !== this.requestSeq) return;
      if (!result) {
        this.post({ type: 'failed', uri, message: 'the language server does not know this document' });
        return;
      }
      this.lastResult = result;
      this.post(this.treeMessage(result));
    } catch (err) {
      if (seq !== this.requestSeq || isStaleAnswer(err)) return; // a newer request is on its way
      this.post({ type: 'failed', uri, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A (re)loaded webview: show what we have at once, then ask for the current tree.
        if (this.lastResult && this.lastResult.uri === this.documentUri) this.post(this.treeMessage(this.lastResult));
        return this.update();
      case 'selectDecision':
        this.decision = message.decision;
        return this.update();
      case 'reveal':
        return this.reveal(message.sources);
      case 'statementDetails': {
        const uri = this.lastResult?.uri ?? this.documentUri;
        const details = uri ? await this.source.statementDetails({ uri, statement: message.statement }).catch(() => undefined) : undefined;
        this.post({ type: 'statementDetails', requestId: message.requestId, details });
        return;
      }
      case 'export':
        return this.export(message.format, message.data, message.name);
    }
  }

  private async reveal(requested: SourceRange[]): Promise<void> {
    // Only the documents this panel shows: a message naming any other file opens nothing.
    const sources = revealable(requested, shownDocuments(this.lastResult, this.documentUri));
    const first = sources[0];
    if (!first) return;
    const uri = vscode.Uri.parse(first.uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const selections = sources
      .filter((s) => s.uri === first.uri)
      .map((s) => new vscode.Selection(s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: selections[0] });
    editor.selections = selections;
    editor.revealRange(selections[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(format: ExportFormat, data: string, name: string): Promise<void> {
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64');
    if (format === 'png' && !bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      void vscode.window.showErrorMessage('The PNG export produced no image.');
      return;
    }
    const file = `${name.replace(/[^\w.-]+/g, '-') || 'decision-tree'}.${format}`;
    const folder = this.documentUri ? vscode.Uri.joinPath(vscode.Uri.parse(this.documentUri), '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export Decision Tree',
      defaultUri: folder ? vscode.Uri.joinPath(folder, file) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    vscode.window.setStatusBarMessage(`Decision tree exported to ${target.fsPath}`, 5000);
    this.post({ type: 'exported', format, path: target.fsPath });
  }

  private dispose(): void {
    if (DecisionTreePanel.current === this) DecisionTreePanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // The page may load only the bundled script and the stylesheet.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function activeGuidelineUri(): string | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'guideline') return active.document.uri.toString();
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'guideline')?.document.uri.toString();
}
