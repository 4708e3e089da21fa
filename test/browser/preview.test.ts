// The preview's page in headless Chromium: it draws the sample's roadmap (as many boxes as
// the tree has nodes, GRADE symbols and all), stays inert with hostile text, posts reveal
// and hover requests, keeps zoom across updates, shows errors and empty states, exports
// SVG and PNG, and runs under its Content-Security-Policy without a single violation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WebviewMessage } from '../../client/src/preview/messages.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { DecisionTreeResult, LeafNode } from '../../server/src/protocol.js';
import { countNodes, treeGraph } from '../../server/src/render/dag.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { fileUrl, samplesDir } from '../helpers.js';
import { bigTree } from '../render/big-tree.js';
import { treeFixture } from '../render/fixtures.js';
import { BrowserSession, describeInBrowser, testOutput, type PreviewPage } from './harness.js';
import { darkTheme, highContrastTheme, lightTheme } from './themes.js';

function sampleRoadmap(): DecisionTreeResult {
  const analysis = new Workspace().analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')));
  if (!analysis) throw new Error('cannot read the sample');
  return decisionTree(analysis, 'roadmap');
}

async function count(p: PreviewPage, selector: string): Promise<number> {
  return p.page.locator(selector).count();
}

/** Drawn text with line breaks ignored: long texts wrap onto several lines. */
async function drawnText(p: PreviewPage, selector: string): Promise<string> {
  return ((await p.page.locator(selector).textContent()) ?? '').replace(/\s+/g, '');
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

describeInBrowser('decision tree preview in Chromium', function (this: Mocha.Suite) {
  this.timeout(120_000);
  let session: BrowserSession;

  before(async () => {
    session = await BrowserSession.open();
    fs.mkdirSync(testOutput, { recursive: true });
  });
  after(async () => {
    await session?.close();
  });

  it("draws the sample's roadmap: a box per node, GRADE symbols, strength and agreement", async () => {
    const result = sampleRoadmap();
    assert.ok(result.tree, 'the sample has a roadmap tree');
    const p = await session.openPreview({ theme: lightTheme, bodyClass: 'vscode-light', viewport: { width: 1600, height: 1000 } });
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    const counts = countNodes(result.tree);
    assert.equal(await count(p, 'svg .gt-split'), counts.splits);
    assert.equal(await count(p, 'svg .gt-leaf'), counts.leaves);
    assert.equal(await count(p, 'svg .gt-edge') >= counts.edges, true);
    const text = await drawnText(p, 'svg .gt-nodes');
    for (const symbol of ['⊕⊕◯◯ low', '⊕⊕⊕◯ moderate', 'strong for', 'conditional for', 'agreement 96.2%']) assert.ok(text.includes(squeeze(symbol)), `missing ${symbol}`);
    assert.equal(await p.page.locator('#title').textContent(), 'Roadmap of conversion therapy');
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(p.errors, []);
    // What the panel first shows (the top of the tree at a reading size when the whole
    // would be too small to read), and the overview after Fit.
    await p.page.screenshot({ path: path.join(testOutput, 'preview-roadmap.png') });
    await p.page.locator('#fit').click();
    await p.page.screenshot({ path: path.join(testOutput, 'preview-roadmap-overview.png') });
    await p.page.close();
  });

  it('draws the hand-made roadmap in a dark theme, gap and conflict leaves marked', async () => {
    const result = treeFixture('roadmap');
    const p = await session.openPreview({ theme: darkTheme, bodyClass: 'vscode-dark', viewport: { width: 1500, height: 1000 } });
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    assert.equal(await count(p, 'svg .gt-split'), 15);
    assert.equal(await count(p, 'svg .gt-leaf'), 11);
    assert.equal(await count(p, 'svg .gt-gap'), 1);
    assert.equal(await count(p, 'svg .gt-conflict'), 1);
    // Theme variables reach the drawing: the conflict box takes the theme's error colour.
    const stroke = await p.page.locator('svg .gt-conflict .gt-box').evaluate((e) => getComputedStyle(e).stroke);
    assert.equal(stroke, 'rgb(241, 76, 76)');
    await p.page.screenshot({ path: path.join(testOutput, 'preview-fixture-dark.png') });
    await p.page.close();
  });

  it('draws heavier outlines in a high-contrast theme', async () => {
    const p = await session.openPreview({ theme: highContrastTheme, bodyClass: 'vscode-high-contrast', viewport: { width: 1500, height: 1000 } });
    await p.send({ type: 'tree', result: treeFixture('roadmap') });
    await p.waitForState('ready');
    const split = await p.page.locator('svg .gt-split .gt-box').first().evaluate((e) => [getComputedStyle(e).stroke, getComputedStyle(e).strokeWidth]);
    assert.deepEqual(split, ['rgb(111, 195, 223)', '2px']);
    const conflict = await p.page.locator('svg .gt-conflict .gt-box').evaluate((e) => [getComputedStyle(e).stroke, getComputedStyle(e).strokeWidth]);
    assert.deepEqual(conflict, ['rgb(255, 51, 51)', '3px']);
    await p.page.screenshot({ path: path.join(testOutput, 'preview-fixture-high-contrast.png') });
    await p.page.close();
  });

  it('renders hostile text literally and runs none of it', async () => {
    const p = await session.openPreview();
    await p.send({ type: 'tree', result: treeFixture('hostile') });
    await p.waitForState('ready');
    const hostile = treeFixture('hostile');
    const leaf = (hostile.tree as { branches: { node: LeafNode }[] }).branches[0].node;
    // Hover the recommendation: its card shows the statement's title, text and citations.
    await p.page.locator('svg [data-node="leaf-a"] .gt-rec').hover();
    await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'statementDetails'));
    const request = (await p.posted()).find((m): m is Extract<WebviewMessage, { type: 'statementDetails' }> => m.type === 'statementDetails')!;
    assert.equal(request.statement, 'S1');
    await p.send({
      type: 'statementDetails',
      requestId: request.requestId,
      details: { id: 'S1', title: '<img src=x onerror=alert(1)>', text: '<script>alert(6)</script> text', citations: ['<a href="javascript:alert(7)">ref</a>'] },
    });
    await p.page.waitForFunction(() => document.getElementById('tooltip')?.textContent?.includes('alert(6)'));
    const tooltip = (await p.page.locator('#tooltip').textContent()) ?? '';
    assert.ok(tooltip.includes('<img src=x onerror=alert(1)>'), tooltip);
    assert.ok(tooltip.includes('<a href="javascript:alert(7)">ref</a>'));
    const drawing = await drawnText(p, 'svg .gt-tree');
    for (const raw of [leaf.recommendations[0].intervention, '<svg onload=alert(3)>', ']]><script>alert(5)</script>', '<b onmouseover=alert(2)>']) {
      assert.ok(drawing.includes(squeeze(raw)), `${raw} is not shown literally`);
    }
    assert.equal(await p.page.locator('#title').textContent(), '');
    assert.ok(((await p.page.locator('#decision').textContent()) ?? '').includes("<script>alert('title')</script>"));
    assert.equal(await count(p, 'img'), 0);
    assert.equal(await count(p, 'iframe'), 0);
    assert.equal(await count(p, 'script'), 1);
    assert.equal(await count(p, 'b, a'), 0);
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(await p.violations(), []);
    await p.page.close();
  });

  it('posts the reveal message on a click: a row reveals its rule, a split its rules', async () => {
    const result = treeFixture('roadmap');
    const p = await session.openPreview();
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    const leaf = treeGraph(result.tree).nodes.find((n) => n.id === 'tki-conflict') as LeafNode;
    await p.page.locator('svg [data-node="tki-conflict"] [data-rec="1"]').click();
    await p.page.locator('svg .gt-split').first().click();
    const reveals = (await p.posted()).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals, [
      { type: 'reveal', sources: [leaf.recommendations[1].source] },
      { type: 'reveal', sources: result.tree!.sources },
    ]);
    // The keyboard does the same: Enter on a focused box.
    await p.page.locator('svg .gt-split').first().focus();
    await p.page.keyboard.press('Enter');
    assert.equal((await p.posted()).filter((m) => m.type === 'reveal').length, 3);
    await p.page.close();
  });

  it('keeps zoom and scroll when the tree updates, and the picker asks for another decision', async () => {
    const result = treeFixture('roadmap');
    const p = await session.openPreview();
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    await p.page.locator('#viewport').focus();
    await p.page.keyboard.press('+');
    await p.page.keyboard.press('ArrowLeft');
    const camera = p.page.locator('#viewport .canvas > g');
    const before = await camera.getAttribute('transform');
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    assert.equal(await camera.getAttribute('transform'), before);
    await p.page.locator('#zoom-in').click();
    assert.notEqual(await camera.getAttribute('transform'), before);
    await p.page.locator('#decision').selectOption('after_resection');
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'selectDecision'), [{ type: 'selectDecision', decision: 'after_resection' }]);
    await p.page.close();
  });

  it('restores the saved zoom after a reload', async () => {
    const result = treeFixture('roadmap');
    const view = { scale: 0.5, x: 12, y: 34 };
    const p = await session.openPreview({ state: { uri: result.uri, decision: 'roadmap', view } });
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    assert.equal(await p.page.locator('#viewport .canvas > g').getAttribute('transform'), 'translate(12 34) scale(0.5)');
    await p.page.close();
  });

  it('shows a banner for a file with errors and a clear empty state for no rules', async () => {
    const p = await session.openPreview();
    await p.send({ type: 'tree', result: treeFixture('errors') });
    await p.waitForState('ready');
    assert.ok(await p.page.locator('#banner').isVisible());
    assert.match((await p.page.locator('#banner').textContent()) ?? '', /errors/);
    assert.equal(await count(p, 'svg .gt-leaf'), 2);
    // A gap leaf's card gives a patient who falls into the gap.
    await p.page.locator('svg .gt-gap').hover();
    await p.page.waitForFunction(() => document.getElementById('tooltip')?.hidden === false);
    assert.equal(await p.page.locator('#tooltip').innerText(), '⚠ Gap: no recommendation\nFor example: resectable = false');
    await p.send({ type: 'tree', result: treeFixture('empty') });
    await p.waitForState('empty');
    assert.ok(await p.page.locator('#empty').isVisible());
    assert.match((await p.page.locator('#empty').textContent()) ?? '', /No rules yet/);
    assert.ok(!(await p.page.locator('#banner').isVisible()));
    assert.equal(await count(p, 'svg .gt-node'), 0);
    assert.ok(await p.page.locator('#export-svg').isDisabled());
    await p.send({ type: 'noDocument' });
    await p.waitForState('empty');
    assert.match((await p.page.locator('#empty').textContent()) ?? '', /Open a \.guideline file/);
    await p.page.close();
  });

  it('exports the tree as SVG text and as PNG bytes', async () => {
    const p = await session.openPreview();
    await p.send({ type: 'tree', result: treeFixture('roadmap') });
    await p.waitForState('ready');
    await p.page.locator('#export-svg').click();
    await p.page.locator('#export-png').click();
    await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string; format?: string }[] }).__posted.some((m) => m.format === 'png'));
    const exports = (await p.posted()).filter((m): m is Extract<WebviewMessage, { type: 'export' }> => m.type === 'export');
    const svg = exports.find((m) => m.format === 'svg')!;
    assert.equal(svg.name, 'hcc-conversion-2021-roadmap');
    assert.match(svg.data, /^<\?xml/);
    assert.ok(svg.data.includes('⊕⊕◯◯ low') && !svg.data.includes('var(--'));
    const png = Buffer.from(exports.find((m) => m.format === 'png')!.data, 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.readUInt32BE(16) > 1000, 'the PNG is as wide as the tree');
    assert.deepEqual(await p.violations(), []);
    await p.page.close();
  });

  it('lays out and draws 500 leaves in the page', async () => {
    const result = bigTree(500);
    const p = await session.openPreview();
    const times: string[] = [];
    for (let i = 0; i < 3; i++) {
      const start = Date.now();
      await p.send({ type: 'tree', result: { ...result, tree: JSON.parse(JSON.stringify(result.tree)) as DecisionTreeResult['tree'] } });
      await p.waitForState('ready');
      const [layout, draw] = await p.page.evaluate(() => [document.body.dataset.layoutMs, document.body.dataset.drawMs]);
      times.push(`${Date.now() - start} (layout ${layout}, draw ${draw})`);
    }
    console.log(`      500 leaves in Chromium, message to drawn: ${times.join(' / ')} ms`);
    assert.equal(await count(p, 'svg .gt-leaf'), 500);
    await p.page.close();
  });
});
