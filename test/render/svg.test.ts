// The picture as SVG text: what each box says (GRADE symbols, strength, agreement), gap and
// conflict leaves marked, hostile text escaped, and the light colours of a file.
import * as assert from 'node:assert/strict';
import { walk, textOf, type SvgElement } from '../../server/src/render/element.js';
import { treeGraph } from '../../server/src/render/dag.js';
import { layoutTree } from '../../server/src/render/layout.js';
import { defaultFontFamily, paintScene } from '../../server/src/render/paint.js';
import { lightPalette, themePalette } from '../../server/src/render/palette.js';
import { escapeXml, renderTreeSvg } from '../../server/src/render/svg.js';
import { treeFixture } from './fixtures.js';

/** The text of an element, one drawn line per line. */
function lines(root: SvgElement): string {
  return [...walk(root)].filter((e) => e.tag === 'text').map(textOf).join('\n');
}

describe('decision tree SVG', () => {
  it('shows each recommendation with its verb, intervention, statement, GRADE and agreement', async () => {
    const tree = treeFixture('roadmap').tree;
    const scene = await layoutTree(tree);
    const root = paintScene(scene, { palette: themePalette, fontFamily: defaultFontFamily, background: false, interactive: true, titles: false });
    const conflict = [...walk(root)].find((e) => e.attrs['data-node'] === 'tki-conflict')!;
    const text = lines(conflict).replace(/\n(?!S\d|Recommend|Suggest)/g, ' ');
    assert.match(text, /Conflict/);
    assert.match(text, /Recommend against resection/);
    assert.match(text, /S12 · ⊕⊕◯◯ low · strong against · agreement 94\.2%/);
    assert.match(text, /S10 · ⊕⊕◯◯ low · strong for · agreement 98\.1%/);
    const classes = [...walk(root)].map((e) => String(e.attrs.class ?? ''));
    assert.equal(classes.filter((c) => c.includes('gt-gap')).length, 1);
    assert.equal(classes.filter((c) => c.includes('gt-conflict')).length, 1);
    const recommendations = treeGraph(tree).nodes.reduce((n, node) => n + (node.kind === 'leaf' ? node.recommendations.length : 0), 0);
    assert.equal(classes.filter((c) => c.split(' ').includes('gt-rec')).length, recommendations);
    // In the editor every colour is a theme variable with a light fallback.
    const fills = [...walk(root)].map((e) => e.attrs.fill).filter((f): f is string => typeof f === 'string' && f !== 'none' && f !== 'transparent');
    assert.ok(fills.length > 0 && fills.every((f) => f.startsWith('var(--vscode-')), fills.find((f) => !f.startsWith('var(')));
  });

  it('writes a standalone light SVG with the decision as heading', async () => {
    const svg = await renderTreeSvg(treeFixture('roadmap'));
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    assert.ok(svg.includes('>Roadmap of conversion therapy (roadmap)</tspan>'));
    assert.ok(svg.includes(`fill="${lightPalette.background}"`));
    assert.ok(!svg.includes('var(--'));
    assert.ok(svg.includes('⊕⊕⊕◯ moderate'));
    assert.ok(svg.includes('⚠ Gap: no recommendation'));
  });

  it('escapes every piece of guideline text', async () => {
    const svg = await renderTreeSvg(treeFixture('hostile'));
    for (const raw of ['<img', '<iframe', '<svg onload', '<script', '<b ', ']]>']) assert.ok(!svg.includes(raw), `${raw} came through unescaped`);
    assert.ok(svg.includes('&lt;iframe src=javascript:alert(4)&gt;'));
    // The branch label wraps at its width: what is shown of it is escaped.
    assert.ok(svg.includes(']]&gt;&lt;script&gt;alert(5)&lt;/script'));
    assert.ok(svg.includes('&amp; &quot;quotes&quot;'));
    assert.equal(escapeXml('a\u0000b\u0007c'), 'abc');
  });

  it('notes errors and an empty tree in the heading', async () => {
    const errors = await renderTreeSvg(treeFixture('errors'));
    assert.ok(errors.includes('The file has errors'));
    const empty = await renderTreeSvg(treeFixture('empty'));
    assert.ok(empty.includes('No rules to draw'));
    assert.ok(!empty.includes('class="gt-node '));
  });
});
