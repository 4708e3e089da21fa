// The preview's page in headless Chromium, as the editor would show it: the same HTML and
// Content-Security-Policy (served from a fake origin), the bundled dist/webview.js, and a
// stub acquireVsCodeApi that records what the page posts. A missing Chromium skips the
// browser suites with one loud line, except under CI, where it fails them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/html.js';
import type { HostMessage, PreviewState, WebviewMessage } from '../../client/src/preview/messages.js';
import { chromiumArgs, findChromium } from '../chromium.js';
import { repoRoot } from '../helpers.js';

const origin = 'https://preview.test';
export const chromiumExecutable = findChromium;

/**
 * A mocha `describe` for browser tests. Without Chromium it prints one loud line and
 * registers a single test that passes, unless CI is set, in which case that test fails.
 */
export function describeInBrowser(title: string, body: () => void): void {
  if (chromiumExecutable()) {
    describe(title, body);
    return;
  }
  describe(title, () => {
    it('needs Chromium', () => {
      const why = 'BROWSER TESTS NOT RUN: Chromium is missing (install it with `apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH)';
      const ci = (process.env.CI ?? '').toLowerCase();
      if (ci !== '' && ci !== 'false' && ci !== '0') throw new Error(`${why}; CI is set, so this is a failure`);
      console.log(`\n  !!! ${why} !!!\n`);
    });
  });
}

export interface PreviewPage {
  page: Page;
  /** Messages the page posted to the extension, oldest first. */
  posted(): Promise<WebviewMessage[]>;
  send(message: HostMessage): Promise<void>;
  /** Waits until the page reports `state` (body[data-state]) after the last send. */
  waitForState(state: string): Promise<void>;
  /** Dialogs the page opened (alert, confirm, ...): there must never be any. */
  dialogs: string[];
  /** Content-Security-Policy violations the page reported. */
  violations(): Promise<string[]>;
  errors: string[];
}

export class BrowserSession {
  private constructor(
    private readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  static async open(): Promise<BrowserSession> {
    const executablePath = chromiumExecutable();
    if (!executablePath) throw new Error('Chromium is missing');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-preview-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ['--headless', ...chromiumArgs],
      viewport: { width: 1400, height: 900 },
      timeout: 60_000,
    });
    const files: Record<string, { file: string; type: string }> = {
      '/dist/webview.js': { file: path.join(repoRoot, 'dist', 'webview.js'), type: 'text/javascript' },
      '/media/preview.css': { file: path.join(repoRoot, 'media', 'preview.css'), type: 'text/css' },
    };
    await context.route(`${origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/index.html') {
        const html = previewHtml({ cspSource: origin, nonce: 'dGVzdC1ub25jZS0xMjM0NTY=', scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/preview.css` });
        await route.fulfill({ status: 200, contentType: 'text/html', body: html });
        return;
      }
      const served = files[url.pathname];
      if (served) await route.fulfill({ status: 200, contentType: served.type, body: fs.readFileSync(served.file) });
      else await route.fulfill({ status: 404, body: 'not found' });
    });
    return new BrowserSession(context, profile);
  }

  /** Opens the preview page with a fresh stub API, optionally with saved state. */
  async openPreview(options: { state?: PreviewState; theme?: Record<string, string>; bodyClass?: string; viewport?: { width: number; height: number } } = {}): Promise<PreviewPage> {
    const page = await this.context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(
      ({ state, theme, bodyClass }) => {
        const w = window as unknown as Record<string, unknown>;
        const posted: unknown[] = [];
        const violations: string[] = [];
        let saved = state;
        w.__posted = posted;
        w.__violations = violations;
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        w.acquireVsCodeApi = () => ({
          postMessage: (m: unknown) => posted.push(m),
          getState: () => saved,
          setState: (s: unknown) => {
            saved = s as typeof saved;
          },
        });
        // VS Code puts the theme's colours on <html> and its kind on <body>, before the
        // page's script runs: so do we, as the parser creates them.
        const themed = new MutationObserver(() => {
          const html = document.documentElement;
          if (html && !html.dataset.themed) {
            html.dataset.themed = 'yes';
            for (const [name, value] of Object.entries(theme ?? {})) html.style.setProperty(`--${name}`, value);
          }
          if (document.body) {
            if (bodyClass) document.body.classList.add(bodyClass);
            themed.disconnect();
          }
        });
        themed.observe(document, { childList: true, subtree: true });
      },
      { state: options.state, theme: options.theme, bodyClass: options.bodyClass },
    );
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    return {
      page,
      dialogs,
      errors,
      posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted.slice()),
      violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice()),
      send: async (message) => {
        await page.evaluate(() => document.body.removeAttribute('data-state'));
        await page.evaluate((m) => window.postMessage(m, '*'), message);
      },
      waitForState: async (state) => {
        await page.waitForFunction((s) => document.body.dataset.state === s, state, { timeout: 30_000 });
      },
    };
  }

  async close(): Promise<void> {
    await this.context.close();
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

export const testOutput = path.join(repoRoot, 'test-output');
