// The extension as a person sees it: the packaged .vsix installed into code-server, the
// sample opened in Chromium, a mistake typed and seen in the Problems panel, its code
// opening its explanation, a hover over a statement, a rename with F2, the cases run in the
// Testing view, the outline, and the decision-tree preview opened to the side. Each step is
// asserted in the page; screenshots go to test-output/.
//
//   npm run package && node out/test/vscode/ui.js
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, chromiumPath } from './code-server/browser.js';
import { cacheDir, ensureCodeServer } from './code-server/install.js';
import { CodeServer, installExtension, listExtensions, runFolders } from './code-server/instance.js';
import { runMain } from './deadline.js';
import { prepareWorkspace, repoRoot, writeUserSettings } from './workspace-setup.js';

const SAMPLE = 'hcc-conversion-2021.guideline';
const STEP_MS = 30_000;
const outputDir = path.join(repoRoot, 'test-output');

interface Manifest {
  name: string;
  version: string;
  publisher: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

let passed = false;
let server: CodeServer | undefined;
let browser: BrowserContext | undefined;

function step(name: string): void {
  console.log(`  - ${name}`);
}

async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, name);
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${path.relative(repoRoot, file)}`);
  return file;
}

/** The 1-based line and column of `needle` in the sample (after `from`). */
function lineColumn(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" not found in the sample`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Repeats a person's action until what it should show appears, within STEP_MS. */
async function untilShown(what: string, action: () => Promise<void>, shown: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    await action();
    if (await shown().then(() => true, () => false)) return;
    assert.ok(Date.now() < deadline, `${what} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval, not a wait for an event
  }
}

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_MS });
  await page.keyboard.press('Enter');
}

async function goTo(page: Page, at: { line: number; column: number }): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`:${at.line}:${at.column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_MS });
}

function commandTitle(id: string): string {
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  assert.ok(command, `package.json contributes no command ${id}`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

async function main(): Promise<number> {
  chromiumPath();
  const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package first`);
  const install = ensureCodeServer();
  const started = Date.now();

  const folders = runFolders(path.join(cacheDir, 'runs', 'ui'));
  fs.rmSync(folders.root, { recursive: true, force: true });
  const workspace = prepareWorkspace(path.join(folders.root, 'workspace'));
  writeUserSettings(folders.userData);

  step(`installing ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) with code-server --install-extension`);
  installExtension(install, folders, vsix);
  const id = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
  const listed = listExtensions(install, folders);
  assert.ok(listed.includes(id), `${id} is not among the installed extensions: ${listed.join(', ')}`);

  // No extensionDevelopmentPath: the extension that runs is the installed package.
  server = await CodeServer.start(install, folders, workspace);
  browser = await openBrowser(folders.root);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(STEP_MS);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible' });

  step('open the sample with Quick Open');
  // The workbench takes its keybindings once it has focus.
  await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } });
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget input');
  await quickOpen.waitFor({ state: 'visible' });
  await quickOpen.fill(SAMPLE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: SAMPLE }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: SAMPLE }).waitFor({ state: 'visible' });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  const text = fs.readFileSync(path.join(workspace, SAMPLE), 'utf8');

  step('hover over statement S8: its GRADE grading');
  const s8 = lineColumn(text, 'statement S8');
  await goTo(page, { line: s8.line, column: s8.column + 'statement '.length });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Statement S8' }).first();
  let hoverText = '';
  // Hover as a person does: move onto the name, and again if the server was still starting.
  // The cursor is found anew each time: code lenses arriving move the lines down.
  await untilShown(
    'a hover over S8',
    async () => {
      const cursor = await page.locator('.monaco-editor.focused .cursors-layer .cursor').first().boundingBox();
      assert.ok(cursor, 'no cursor in the editor');
      await page.mouse.move(cursor.x + 40, cursor.y - 200);
      await page.mouse.move(cursor.x + 5, cursor.y + cursor.height / 2, { steps: 3 });
    },
    // Read while it shows: on a loaded machine a late code lens or diagnostic can close it again.
    async () => {
      await hover.waitFor({ state: 'visible', timeout: 3_000 });
      hoverText = await hover.innerText({ timeout: 1_000 });
    },
  );
  assert.match(hoverText, /⊕⊕◯◯/, `the hover shows no GRADE certainty:\n${hoverText}`);
  assert.match(hoverText, /Conditional recommendation/);
  assert.match(hoverText, /References/);
  await screenshot(page, 'vscode-ui-hover.png');
  await page.keyboard.press('Escape');

  step('type a mistake and see it in the Problems panel');
  const rule = text.indexOf('rule flr_increase_alpps');
  const attr = lineColumn(text, 'and age', rule);
  await goTo(page, { line: attr.line, column: attr.column + 'and '.length });
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('agee');
  await page.keyboard.press('Control+Shift+M');
  // The sample may have findings of its own: filter the list to the new one, as a person would
  // (and type the filter again if the list was still being updated).
  const filter = page.locator('.part.panel').getByPlaceholder(/^Filter/).first();
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'agee' }).first();
  await untilShown(
    'the mistake in the Problems panel',
    async () => {
      await filter.fill('');
      await filter.fill('agee');
    },
    () => problem.waitFor({ state: 'visible', timeout: 3_000 }),
  );
  assert.match(await problem.innerText(), /did you mean/);
  await screenshot(page, 'vscode-ui-problems.png');

  step('click the problem\'s code: its explanation, rendered, at its entry');
  await problem.locator('a', { hasText: 'unresolved-name' }).first().click();
  const docs = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const entry = docs.locator('h2.shown#unresolved-name');
  await entry.waitFor({ state: 'visible' });
  assert.ok(await entry.isVisible(), 'the entry is not in view');
  await screenshot(page, 'vscode-ui-docs.png');
  // Closed again (a middle click on its tab), so the preview below is the only webview.
  await page.locator('.tab', { hasText: 'Guideline Diagnostics' }).click({ button: 'middle' });
  await page.locator('.tab', { hasText: 'Guideline Diagnostics' }).waitFor({ state: 'detached' });

  step('undo the mistake: the problem goes');
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(page, { line: attr.line, column: attr.column + 'and '.length });
  await page.keyboard.press('Control+Z');
  await problem.waitFor({ state: 'detached' });
  await filter.fill('');

  step('rename an attribute with F2: both files change');
  const renameAt = lineColumn(text, 'flr_slv', text.indexOf('rule flr_increase_alpps'));
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(page, { line: renameAt.line, column: renameAt.column + 2 });
  const renameInput = page.locator('.rename-box input, .rename-box textarea').first();
  await untilShown('the rename box', () => page.keyboard.press('F2'), () => renameInput.waitFor({ state: 'visible', timeout: 3_000 }));
  await renameInput.fill('flr_ratio');
  await screenshot(page, 'vscode-ui-rename.png');
  await page.keyboard.press('Enter');
  // The new name in the editor, and (the vocabulary renamed too) no error about it.
  await page.locator('.monaco-editor .view-lines', { hasText: 'flr_ratio' }).first().waitFor({ state: 'visible' });
  await screenshot(page, 'vscode-ui-renamed.png');

  step('the cases in the Testing view, run all');
  await runCommand(page, 'Testing: Focus on Test Explorer View');
  const testTree = page.locator('.test-explorer .monaco-list-row', { hasText: SAMPLE }).first();
  await testTree.waitFor({ state: 'visible' });
  await runCommand(page, 'Test: Run All Tests');
  await page.locator('.test-explorer .monaco-list-row .codicon-testing-passed-icon').first().waitFor({ state: 'visible' });
  // Unfolded, so the screenshot shows the sample's cases one by one.
  await testTree.locator('.monaco-tl-twistie').click();
  await page.locator('.test-explorer .monaco-list-row', { hasText: 'Stage IIb' }).first().waitFor({ state: 'visible' });
  await screenshot(page, 'vscode-ui-testing.png');

  step('the outline: the header and the statements first, the declarations in groups after them');
  await page.locator('.monaco-editor .view-lines').first().click();
  await runCommand(page, 'Explorer: Focus on Outline View');
  // Each row's name, without its detail.
  const outlineNames = page.locator('.outline-pane .monaco-list-row .label-name');
  await outlineNames.filter({ hasText: /^\s*S1\s*$/ }).first().waitFor({ state: 'visible' });
  const shown = (await outlineNames.allInnerTexts()).map((t) => t.trim());
  const s1 = shown.indexOf('S1');
  assert.ok(s1 >= 0 && s1 <= 1, `S1 is not at the top of the outline: ${shown.join(' | ')}`);
  assert.ok(!shown.slice(0, s1).some((t) => /^(Attributes|Enums|Interventions|References)$/.test(t)), `a group before S1: ${shown.join(' | ')}`);
  await screenshot(page, 'vscode-ui-outline.png');

  step('open the decision-tree preview to the side');
  await runCommand(page, commandTitle('guideline.openPreviewToSide'));
  await page.locator('.editor-group-container').nth(1).waitFor({ state: 'visible' });
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const body = preview.locator('body');
  await body.waitFor({ state: 'visible' });
  // The page marks its state on <body data-state>: wait until it has drawn the tree.
  await preview.locator('body[data-state="ready"]').waitFor({ state: 'attached' });
  // The tree's leaves name the statements their recommendations come from. (innerText, not
  // Playwright's hasText: textContent runs the words of adjacent blocks together.)
  let previewText = '';
  await untilShown(
    'a statement in the preview',
    async () => {
      previewText = await body.innerText({ timeout: 3_000 }).catch(() => '');
    },
    async () => assert.match(previewText, /\bS\d{1,2}\b/),
  ).catch(() => assert.fail(`the preview shows no statement:\n${previewText.slice(0, 500)}`));
  await screenshot(page, 'vscode-ui.png');
  passed = true;

  console.log(`UI test PASSED in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

runMain('test:vscode ui', 10 * 60_000 + 30 * 60_000 /* a first run may install code-server */, main, async () => {
  const page = browser?.pages()[0];
  if (!passed && page && !page.isClosed()) await screenshot(page, 'vscode-ui-failure.png').catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
});
