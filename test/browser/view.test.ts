// The reviewer's view in the preview, in Chromium at the panel size of the issue (1400 x
// 900): at the default zoom the whole skeleton of the sample's roadmap is on screen and its
// smallest text is at least 11 px; unfolding a box re-lays out and keeps that box where it
// was. Screenshots of both go to test-output/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { DecisionTreeResult } from '../../server/src/protocol.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { analyzeText, fileUrl, samplesDir } from '../helpers.js';
import { buildView } from '../../server/src/render/view-build/build.js';
import { bigTree } from '../render/big-tree.js';
import { BrowserSession, describeInBrowser, testOutput, type PreviewPage } from './harness.js';
import { lightTheme } from './themes.js';

function roadmapView(): DecisionTreeResult {
  const analysis = new Workspace().analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')))!;
  return decisionTreeView(analysis, 'roadmap');
}

interface Drawn {
  boxes: number;
  /** Smallest rendered font size of any text, in screen pixels. */
  minText: number;
  /** The drawing's bounds on screen, and the viewport's. */
  drawing: { left: number; top: number; right: number; bottom: number };
  panel: { left: number; top: number; right: number; bottom: number };
}

async function measure(p: PreviewPage): Promise<Drawn> {
  return p.page.evaluate(() => {
    const texts = Array.from(document.querySelectorAll('svg .gt-nodes tspan'));
    const camera = document.querySelector('#viewport svg > g') as SVGGElement;
    const scale = camera.getCTM()?.a ?? 1;
    const minText = Math.min(...texts.filter((t) => (t.textContent ?? '').trim() !== '').map((t) => Number(t.getAttribute('font-size')) * scale));
    const r = (document.querySelector('svg .gt-tree') as SVGGElement).getBoundingClientRect();
    const v = (document.getElementById('viewport') as HTMLElement).getBoundingClientRect();
    return {
      boxes: document.querySelectorAll('svg .gt-node').length,
      minText,
      drawing: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      panel: { left: v.left, top: v.top, right: v.right, bottom: v.bottom },
    };
  });
}

/** A 5,000-leaf tree, and every attribute it splits on as the decision's `ask`. */
function bigAsked(): { big: DecisionTreeResult; ask: string[] } {
  const big = bigTree(5000);
  const ask = new Set<string>();
  const walk = (n: NonNullable<DecisionTreeResult['tree']>): void => {
    if (n.kind !== 'split') return;
    ask.add(n.attribute);
    n.branches.forEach((b) => walk(b.node));
  };
  walk(big.tree!);
  return { big, ask: [...ask] };
}

describeInBrowser('the reviewer\'s view in the preview', function (this: Mocha.Suite) {
  this.timeout(120_000);
  let session: BrowserSession;
  before(async () => {
    session = await BrowserSession.open();
    fs.mkdirSync(testOutput, { recursive: true });
  });
  after(async () => {
    await session?.close();
  });

  it('shows the whole roadmap at the default zoom with text of 11 px or more, and unfolds a box in place', async () => {
    const result = roadmapView();
    const p = await session.openPreview({ theme: lightTheme, bodyClass: 'vscode-light', viewport: { width: 1400, height: 900 } });
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    const first = await measure(p);
    assert.equal(first.boxes, result.view!.boxes);
    assert.ok(first.boxes <= 30, `${first.boxes} boxes`);
    assert.ok(first.minText >= 11, `smallest text ${first.minText.toFixed(1)} px`);
    const slack = 1;
    assert.ok(first.drawing.left >= first.panel.left - slack && first.drawing.right <= first.panel.right + slack, 'the skeleton fits the panel\'s width');
    assert.ok(first.drawing.top >= first.panel.top - slack && first.drawing.bottom <= first.panel.bottom + slack, 'the skeleton fits the panel\'s height');
    assert.match((await p.page.locator('#population').textContent()) ?? '', /Population: Point in the conversion pathway is not after R0 resection/);
    await p.page.screenshot({ path: path.join(testOutput, 'view-roadmap-default.png') });

    // Unfold the first foldable box: more boxes, and the box stays where it was on screen.
    const toggle = p.page.locator('svg .gt-node.gt-unfold').first();
    const id = (await toggle.getAttribute('data-node')) ?? '';
    const before = await toggle.boundingBox();
    await toggle.locator('.gt-box').click({ position: { x: 20, y: 6 } });
    await p.page.waitForFunction((n) => document.querySelectorAll('svg .gt-node').length > n, first.boxes);
    const after = await p.page.locator(`svg [data-node="${id}"]`).boundingBox();
    assert.ok(before && after);
    assert.ok(Math.abs(before.x - after.x) < 2 && Math.abs(before.y - after.y) < 2, `moved from ${before.x},${before.y} to ${after.x},${after.y}`);
    assert.equal(await p.page.locator(`svg [data-node="${id}"]`).getAttribute('data-toggle'), 'fold');
    await p.page.screenshot({ path: path.join(testOutput, 'view-roadmap-unfolded.png') });

    // The cursor in a rule lights up its boxes.
    await p.send({ type: 'highlight', rules: ['resect_after_successful_conversion'] });
    assert.ok((await p.page.locator('svg .gt-highlight').count()) >= 2);
    // What holds outside the population, one click away.
    await p.page.locator('#outside').click();
    await p.page.waitForFunction(() => (document.getElementById('population-text')?.textContent ?? '').startsWith('Outside'));
    // The banner changes before the new drawing is in: wait for the drawing itself.
    await p.page.waitForFunction(() => (document.querySelector('svg .gt-nodes')?.textContent ?? '').includes('Systemic therapy'), undefined, { timeout: 30_000 });
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });

  it('keeps hostile titles, descriptions and member words as text, and runs none of it', async () => {
    const result = decisionTreeView(analyzeText(`
enum Grade "<b onmouseover=alert(1)>grade</b>" { low "<img src=x onerror=alert(2)>", high "]]><script>alert(3)</script>" }
attribute g: Grade "<iframe src=javascript:alert(4)>"
attribute x: boolean "<svg onload=alert(5)> & more"
intervention i "<a href=\"javascript:alert(6)\">treat</a>"
intervention j "plain"
statement S1 "<script>alert('title')</script>" { strength strong certainty low
  rule r when g = low then recommend i
  rule s when g = high and x then recommend j }
decision d "<svg onload=alert(7)>" { ask g }
`));
    const p = await session.openPreview({ theme: lightTheme });
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    const drawn = ((await p.page.locator('svg .gt-tree').textContent()) ?? '').replace(/\s+/g, '');
    // Words are shortened to fit their box (the intervention's at its colon), never parsed.
    for (const raw of ['<img src=x onerror=alert(2)>', ']]><script>alert(3)</script>', '<svg onload=alert(5)>', '<a href=']) {
      assert.ok(drawn.includes(raw.replace(/\s+/g, '')), `${raw} is not shown literally: ${drawn.slice(0, 400)}`);
    }
    for (const selector of ['img', 'iframe', 'a', 'b', 'svg script', '[onload]', '[onerror]', '[onmouseover]']) assert.equal(await p.page.locator(selector).count(), 0, selector);
    assert.equal(await p.page.locator('script').count(), 1, 'only the preview\'s own script');
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });

  it('stays responsive on a 5,000-leaf tree: folded, with a note of how much, and unfolds a box', async () => {
    const { big, ask } = bigAsked();
    const view = buildView(big.tree, undefined, { ask, title: 'Big' });
    const result: DecisionTreeResult = { ...big, view: { ...view, population: undefined } };
    const p = await session.openPreview({ theme: lightTheme });
    await p.send({ type: 'tree', result });
    await p.waitForState('ready');
    assert.equal(await p.page.locator('svg .gt-node').count(), view.boxes);
    assert.match((await p.page.locator('#banner').textContent()) ?? '', /asked levels are folded into their boxes \(\d+ leaves folded\)/);
    const before = await p.page.locator('svg .gt-node').count();
    await p.page.locator('svg .gt-node.gt-unfold').first().locator('.gt-box').click({ position: { x: 20, y: 6 } });
    await p.page.waitForFunction((n) => document.querySelectorAll('svg .gt-node').length > n, before);
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });

  it('draws only the newest of trees sent in quick succession', async () => {
    const { big, ask } = bigAsked();
    const stale: DecisionTreeResult = { ...big, view: { ...buildView(big.tree, undefined, { ask, title: 'Old' }), population: undefined } };
    const fresh = roadmapView();
    const p = await session.openPreview({ theme: lightTheme });
    // The old version's tree is still being laid out when the new one arrives.
    await p.send({ type: 'tree', result: stale });
    await p.send({ type: 'tree', result: fresh });
    await p.waitForState('ready');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await p.page.locator('svg .gt-node').count(), fresh.view!.boxes);
    assert.ok(((await p.page.locator('svg .gt-tree').textContent()) ?? '').includes('CNLC stage'));
    await p.page.close();
  });
});
