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
import { fileUrl, samplesDir } from '../helpers.js';
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
    assert.match((await p.page.locator('#population').textContent()) ?? '', /Population: Point in the conversion pathway is not post resection/);
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
    assert.ok(((await p.page.locator('svg .gt-nodes').textContent()) ?? '').includes('Systemic therapy'));
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(p.errors, []);
    await p.page.close();
  });
});
