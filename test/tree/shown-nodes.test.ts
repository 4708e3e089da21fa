// A tree shows at most MAX_SHOWN_NODES nodes, those nearest the root: a decision that asks
// nothing of a large guideline's rules has a partition of thousands of regions, more than a
// reader can follow and enough to make the preview and `tree --format svg` crawl.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TreeNode } from '../../server/src/protocol.js';
import { MAX_SHOWN_NODES, decisionTree } from '../../server/src/services/tree/compile.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { MemoryHost, memUri, samplesDir } from '../helpers.js';

const sample = 'hcc-conversion-2021.guideline';
/** The samples, by name: the sample uses its vocabulary file. */
const samples = Object.fromEntries(fs.readdirSync(samplesDir).filter((f) => f.endsWith('.guideline')).map((f) => [f, fs.readFileSync(path.join(samplesDir, f), 'utf8')]));
const main = `guideline all { title "All of it" }\nuse "${sample}"\ndecision everything "Every rule, in no order" {\n}\n`;

/** Distinct nodes by id: full ones, and those cut short because they were past the limit. */
function census(root: TreeNode): { full: number; cut: number; depthOfFirstCut: number } {
  const full = new Set<string>();
  const cut = new Set<string>();
  let depthOfFirstCut = Infinity;
  const visit = (node: TreeNode, depth: number): void => {
    if (node.ref) return;
    if (node.kind === 'leaf' && node.truncated && node.recommendations.length === 0 && node.sources.length === 0) {
      cut.add(node.id);
      depthOfFirstCut = Math.min(depthOfFirstCut, depth);
      return;
    }
    full.add(node.id);
    if (node.kind === 'split') for (const b of node.branches) visit(b.node, depth + 1);
  };
  visit(root, 0);
  return { full: full.size, cut: cut.size, depthOfFirstCut };
}

describe('the size of a tree a reader is shown', () => {
  it('shows the nodes nearest the root, up to the limit, and says it was cut short', () => {
    const analysis = new Workspace(new MemoryHost({ ...samples, 'all.guideline': main })).analysis(memUri('all.guideline'))!;
    assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error'), []);
    const result = decisionTree(analysis, 'everything');
    assert.ok(result.tree);
    const { full, cut, depthOfFirstCut } = census(result.tree);
    assert.ok(full <= MAX_SHOWN_NODES, `${full} nodes shown`);
    assert.ok(full > MAX_SHOWN_NODES / 2, `only ${full} nodes shown`);
    assert.ok(cut > 0);
    assert.equal(result.truncated, true);
    // Breadth first: the top levels are whole, so no cut comes right below the root.
    assert.ok(depthOfFirstCut >= 3, `cut at depth ${depthOfFirstCut}`);
    // What goes over the wire stays within a few MB, however many regions the partition has.
    assert.ok(JSON.stringify(result).length < 4e6);
  });

  it("leaves the sample's own decision whole", () => {
    const analysis = new Workspace(new MemoryHost(samples)).analysis(memUri(sample))!;
    const result = decisionTree(analysis, 'roadmap');
    assert.equal(result.truncated, undefined);
    assert.equal(census(result.tree!).cut, 0);
  });
});
