// `guideline tree <file> --format svg` writes the preview's picture of the tree: the
// reviewer's view, as the preview shows it by default.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { fileUrl, samplesDir } from '../helpers.js';

describe('guideline tree --format svg', () => {
  it("draws the sample's roadmap with a box per box of its view", async function () {
    this.timeout(60_000);
    const file = path.join(samplesDir, 'hcc-conversion-2021.guideline');
    const r = await runCli(['tree', file, '--format', 'svg']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(r.stdout.trimEnd().endsWith('</svg>'));
    const analysis = new Workspace().analysis(fileUrl(file))!;
    const view = decisionTreeView(analysis).view!;
    assert.equal(r.stdout.match(/class="gt-node /g)?.length, view.boxes);
    assert.ok(r.stdout.includes('>Roadmap of conversion therapy</tspan>'));
  });
});
