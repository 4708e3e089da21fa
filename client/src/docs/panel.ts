// The diagnostics page in a webview beside the editor: one panel, reused, scrolled to the
// entry asked for. It is reached from a diagnostic's code (through the UriHandler, see
// link.ts) and from the command `guideline.showDiagnosticDocs`.
import * as vscode from 'vscode';
import { makeNonce } from '../page-head.js';
import { docsPageHtml, renderDocs, type DocsHeading } from './page.js';

/** What the page last reported showing: the anchor asked for and whether it has that entry. */
export interface DocsShown {
  anchor: string;
  found: boolean;
}

export class DiagnosticDocs {
  static readonly viewType = 'guideline.diagnosticDocs';
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private pending: string | undefined;
  private shownEmitter = new vscode.EventEmitter<DocsShown>();
  /** Fires each time the page has scrolled to what it was asked for. */
  readonly onDidShow = this.shownEmitter.event;
  last: DocsShown | undefined;

  private rendering: Promise<{ html: string; headings: DocsHeading[] }> | undefined;

  constructor(readonly docsFile: vscode.Uri) {}

  /** The page's body and headings, read and rendered once. */
  rendered(): Promise<{ html: string; headings: DocsHeading[] }> {
    this.rendering ??= (async () => {
      let markdown: string;
      try {
        markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.docsFile));
      } catch (err) {
        markdown = `# Guideline diagnostics\n\nThe explanations could not be read from ${this.docsFile.fsPath}: ${String(err)}`;
      }
      return renderDocs(markdown);
    })();
    return this.rendering;
  }

  /** Opens (or reveals) the page at `anchor`; an empty anchor shows its top. */
  async show(anchor: string): Promise<void> {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        DiagnosticDocs.viewType,
        'Guideline Diagnostics',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // No local resources: the page's text and style are in the HTML itself.
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
      );
      this.panel = panel;
      this.ready = false;
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
      });
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m));
      panel.webview.html = await this.html();
    } else {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    }
    this.pending = anchor;
    if (this.ready) this.flush();
  }

  dispose(): void {
    this.panel?.dispose();
    this.shownEmitter.dispose();
  }

  private async html(): Promise<string> {
    return docsPageHtml((await this.rendered()).html, { nonce: makeNonce() });
  }

  private flush(): void {
    if (this.pending === undefined || !this.panel) return;
    void this.panel.webview.postMessage({ type: 'show', anchor: this.pending });
    this.pending = undefined;
  }

  private onMessage(m: unknown): void {
    if (typeof m !== 'object' || m === null) return;
    const message = m as { type?: unknown; anchor?: unknown; found?: unknown };
    if (message.type === 'ready') {
      this.ready = true;
      this.flush();
    } else if (message.type === 'shown' && typeof message.anchor === 'string') {
      this.last = { anchor: message.anchor, found: message.found === true };
      this.shownEmitter.fire(this.last);
    }
  }
}
