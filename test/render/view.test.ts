// The reviewer's view laid out and printed: the sample's roadmap by default has at most 30
// boxes, no edge crossings (computed from the layout, in both directions and after
// unfolding), text of 11 px or more when the default zoom fits it into a 1400 x 900 panel,
// an SVG export whose text and edges reach 4.5:1 on white, and the CLI's SVG draws exactly
// the preview's default boxes. Hostile text stays text; a huge tree is folded and says so.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { DecisionTreeResult } from '../../server/src/protocol.js';
import { fonts } from '../../server/src/render/text.js';
import { edgeCrossings, layoutView, type ViewScene } from '../../server/src/render/view-layout.js';
import { buildView, expandDetail } from '../../server/src/render/view-build/build.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { analyzeText, fileUrl, samplesDir } from '../helpers.js';
import { bigTree } from './big-tree.js';

const file = path.join(samplesDir, 'hcc-conversion-2021.guideline');

function roadmap(): DecisionTreeResult {
  return decisionTreeView(new Workspace().analysis(fileUrl(file))!, 'roadmap');
}

/** The preview's page chrome above the drawing (toolbar and population banner), in pixels. */
const chrome = 70;

function fitScale(scene: ViewScene, width: number, height: number): number {
  return Math.min(1, (width - 16) / scene.width, (height - chrome - 16) / scene.height);
}

function smallestFont(scene: ViewScene): number {
  return Math.min(...scene.nodes.flatMap((n) => n.content.sections.flatMap((s) => s.lines.flatMap((l) => l.spans.filter((x) => x.text.trim()).map((x) => fonts[x.style].size)))));
}

/** WCAG contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

describe('the reviewer\'s view, laid out and printed', function () {
  this.timeout(120_000);
  const result = roadmap();
  const view = result.view!;

  it('draws the roadmap in at most 30 boxes with no edge crossings, left to right and top down', async () => {
    for (const direction of ['right', 'down'] as const) {
      const scene = await layoutView(view.root, { direction });
      assert.equal(scene.nodes.length, view.boxes);
      assert.ok(scene.nodes.length <= 30, `${scene.nodes.length} boxes`);
      assert.equal(scene.edges.length, scene.nodes.length - 1, 'a tree: one edge into every box but the root');
      assert.equal(edgeCrossings(scene), 0, direction);
    }
  });

  it('fits the whole skeleton into a 1400 x 900 panel with text of 11 px or more', async () => {
    const scene = await layoutView(view.root);
    const scale = fitScale(scene, 1400, 900);
    const px = smallestFont(scene) * scale;
    assert.ok(px >= 11, `smallest text ${px.toFixed(2)} px at scale ${scale.toFixed(3)} (${scene.width} x ${scene.height})`);
  });

  it('unfolds a box into real splits: more boxes, the same ids elsewhere, still no crossings', async () => {
    const folded = await layoutView(view.root);
    const box = folded.nodes.find((n) => n.toggle === 'unfold' && n.view.id.startsWith('v.0.0'))!;
    expandDetail(result.tree, result.outside, view.root, new Set([box.view.id]));
    const unfolded = await layoutView(view.root, { unfolded: new Set([box.view.id]) });
    assert.ok(unfolded.nodes.length > folded.nodes.length);
    assert.equal(unfolded.nodes.find((n) => n.view.id === box.view.id)?.toggle, 'fold');
    for (const n of folded.nodes) if (n !== box) assert.ok(unfolded.nodes.some((m) => m.view.id === n.view.id), n.view.id);
    assert.equal(edgeCrossings(unfolded), 0);
    expandDetail(result.tree, result.outside, view.root, 'all');
    const all = await layoutView(view.root, { detail: true });
    assert.ok(all.nodes.length > unfolded.nodes.length);
    assert.equal(edgeCrossings(all), 0);
  });

  it('prints in a light palette at 4.5:1 or more, with title, population and the GRADE legend, as the preview\'s default view', async () => {
    const r = await runCli(['tree', file, '--format', 'svg']);
    assert.equal(r.exitCode, 0, r.stderr);
    const svg = r.stdout;
    for (const needed of ['Roadmap of conversion therapy', 'Population: Point in the conversion pathway', 'Strength: ↑↑ strong for', 'Certainty of evidence: ⊕⊕⊕⊕ high']) {
      assert.ok(svg.includes(needed), needed);
    }
    const inks = new Set<string>();
    for (const m of svg.matchAll(/<tspan[^>]* fill="(#[0-9a-f]{6})"/g)) inks.add(m[1]);
    for (const m of svg.matchAll(/<path class="gt-edge"[^>]* stroke="(#[0-9a-f]{6})"/g)) inks.add(m[1]);
    assert.ok(inks.size >= 4);
    for (const ink of inks) assert.ok(contrastOnWhite(ink) >= 4.5, `${ink}: ${contrastOnWhite(ink).toFixed(2)}:1`);
    // The same boxes as the preview's default view.
    const ids = [...svg.matchAll(/data-node="([^"]+)"/g)].map((m) => m[1]).sort();
    const scene = await layoutView(view.root);
    assert.deepEqual(ids, scene.nodes.map((n) => n.view.id).sort());
  });

  it('keeps hostile titles and descriptions as text in the SVG', async () => {
    const a = analyzeText(`
attribute x: boolean "<script>alert(1)</script> & x"
intervention i "<img src=x onerror=alert(2)>"
statement S1 "t" { strength strong certainty low rule r when x then recommend i }
decision d "<svg onload=alert(3)>" { ask x }
`);
    const res = decisionTreeView(a);
    const scene = await layoutView(res.view!.root);
    assert.ok(scene.nodes.length >= 2);
    const { renderTreeSvg } = await import('../../server/src/render/svg.js');
    const svg = await renderTreeSvg(res);
    assert.ok(!svg.includes('<script'), 'no script element');
    assert.ok(!svg.includes('<img'), 'no img element');
    assert.ok(!svg.includes('<svg onload'), 'no svg element from the title');
    assert.ok(svg.includes('&lt;svg onload=alert(3)&gt;'));
  });

  it('folds a 5,000-leaf tree to a readable number of boxes and says how much it folded', async () => {
    const big = bigTree(5000);
    const ask = new Set<string>();
    const walk = (n: NonNullable<DecisionTreeResult['tree']>): void => {
      if (n.kind === 'split') {
        ask.add(n.attribute);
        n.branches.forEach((b) => walk(b.node));
      }
    };
    walk(big.tree!);
    const built = buildView(big.tree, undefined, { ask: [...ask], title: 'Big' });
    assert.ok(built.boxes <= 120, `${built.boxes} boxes`);
    assert.ok(built.folded.levels > 0);
    assert.match(built.folded.note ?? '', /asked levels are folded into their boxes \(\d+ leaves folded\)/);
    const scene = await layoutView(built.root);
    assert.equal(edgeCrossings(scene), 0);
  });

  it('says in words when there is nothing to draw', () => {
    const none = decisionTreeView(analyzeText('attribute x: boolean\n'));
    assert.equal(none.view?.root, undefined);
    const broken = decisionTreeView(analyzeText('statement S1 { rule r when x = then recommend }\n'));
    assert.equal(broken.view?.root, undefined);
  });
});
