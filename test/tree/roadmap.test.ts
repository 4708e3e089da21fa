// The sample's roadmap decision, compiled, has the structure of the paper's Figure 2
// (docs/roadmap.md walks through it branch by branch): the asked attributes' levels and
// what each branch recommends whatever the other attributes say.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { TreeNode } from '../../server/src/protocol.js';
import { decisionTree } from '../../server/src/services/tree/compile.js';
import { fileUrl, samplesDir } from '../helpers.js';

type Outline = string | { [branch: string]: Outline };

describe('the roadmap of the HCC sample', () => {
  const analysis = new Workspace().analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')))!;
  const result = decisionTree(analysis, 'roadmap');
  const asked = new Set(result.ask);
  const full = new Map<string, TreeNode>();
  const register = (n: TreeNode): void => {
    if (!n.ref) full.set(n.id, n);
    if (n.kind === 'split') n.branches.forEach((b) => register(b.node));
  };
  register(result.tree!);
  const real = (n: TreeNode): TreeNode => (n.ref ? full.get(n.id)! : n);
  /** Every leaf's recommendations below a node. */
  const leaves = (n: TreeNode): string[][] => {
    const m = real(n);
    if (m.kind === 'leaf') return [m.recommendations.map((r) => `${r.statement} ${r.verb}${r.against ? ' against' : ''} ${r.intervention}`)];
    return m.branches.flatMap((b) => leaves(b.node));
  };
  /** The node reached by following branch labels from the root. */
  const at = (labels: string[]): TreeNode =>
    labels.reduce((n, label) => {
      const m = real(n);
      const b = m.kind === 'split' ? m.branches.find((x) => x.label === label) : undefined;
      assert.ok(b, `no branch ${label}`);
      return b.node;
    }, result.tree!);
  /** The asked levels as nested objects; below them, what every leaf has in common. */
  const outline = (n: TreeNode): Outline => {
    const m = real(n);
    if (m.kind === 'split' && asked.has(m.attribute)) {
      return Object.fromEntries(m.branches.map((b) => [`${m.attribute}: ${b.label}`, outline(b.node)]));
    }
    const all = leaves(n);
    return all.reduce((common, l) => common.filter((x) => l.includes(x))).filter((x) => !x.includes('mdt_discussion')).join('; ');
  };

  it('splits as Figure 2 does: technically resectable, then stage, then the point in the pathway', () => {
    const o = outline(result.tree!) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(o), ['surgically_resectable: no', 'surgically_resectable: yes']);
    assert.deepEqual(Object.keys(o['surgically_resectable: no']), ['stage: Ia, Ib, IIa', 'stage: IIb', 'stage: IIIa', 'stage: IIIb']);
    // Technically resectable Ia-IIa go straight to resection: outside the decision.
    assert.deepEqual(Object.keys(o['surgically_resectable: yes']), ['stage: IIb', 'stage: IIIa', 'stage: IIIb']);
  });

  it('sends the technical branch (unresectable Ia-IIa) to conversion, then to resection once the FLR is adequate and the tumour has not progressed', () => {
    const technical = (outline(result.tree!) as Record<string, Record<string, Record<string, Record<string, unknown>>>>)['surgically_resectable: no']['stage: Ia, Ib, IIa'];
    const initial = technical['phase: initial_assessment'] as Record<string, Record<string, string>>;
    assert.equal(initial['chronic_liver_disease: no']['flr_slv: < 30%'], 'S1 recommend conversion_therapy; S3 recommend tki_ici');
    const after = technical['phase: post_conversion'] as Record<string, Record<string, Record<string, string>>>;
    assert.deepEqual(Object.keys(after), ['response: CR, PR, SD', 'response: PD']);
    assert.deepEqual(after['response: CR, PR, SD']['chronic_liver_disease: no'], { 'flr_slv: < 30%': 'S1 recommend conversion_therapy', 'flr_slv: ≥ 30%': '' });
    assert.deepEqual(after['response: CR, PR, SD']['chronic_liver_disease: yes'], { 'flr_slv: < 40%': 'S1 recommend conversion_therapy', 'flr_slv: ≥ 40%': '' });
    // With adequate FLR, resection once the S12 intervals have passed (a branch below).
    const adequate = at(['no', 'Ia, Ib, IIa', 'post_conversion', 'CR, PR, SD', 'no', '≥ 30%']);
    assert.equal(real(adequate).kind === 'split' && (real(adequate) as { attribute: string }).attribute, 'received_tki');
    assert.ok(leaves(adequate).some((l) => l.includes('S10 recommend resection')));
    assert.match(JSON.stringify(after['response: PD']), /S11 recommend against resection/);
  });

  it('sends the oncological branch (resectable IIb-IIIa) to conversion, then to resection on response or 3 months of stable disease', () => {
    const onco = (outline(result.tree!) as Record<string, Record<string, Record<string, Record<string, unknown>>>>)['surgically_resectable: yes']['stage: IIb'];
    assert.equal(onco['phase: initial_assessment'], 'S1 recommend conversion_therapy; S3 recommend tki_ici');
    const after = onco['phase: post_conversion'] as Record<string, unknown>;
    assert.deepEqual(after, {
      'response: CR, PR': '',
      'response: SD': { 'months_stable: < 3 months': 'S11 recommend against resection; S11 recommend conversion_therapy', 'months_stable: ≥ 3 months': '' },
      'response: PD': 'S11 recommend against resection',
    });
  });

  it('gives the surgically unresectable IIb-IIIa the sequential path and IIIb systemic therapy', () => {
    const o = outline(result.tree!) as Record<string, Record<string, Record<string, unknown>>>;
    assert.equal(o['surgically_resectable: no']['stage: IIb']['phase: initial_assessment'], 'S1 recommend sequential_therapy');
    assert.equal(o['surgically_resectable: no']['stage: IIIb']['phase: initial_assessment'], 'S16 recommend systemic_therapy');
  });

  it('recommends resection after a successful conversion only below the S12 intervals, and has no gap or conflict', () => {
    const all = leaves(result.tree!);
    assert.ok(all.some((l) => l.includes('S10 recommend resection')));
    const flags = [...full.values()].filter((n) => n.kind === 'leaf' && (n.gap || n.conflict));
    assert.deepEqual(flags, []);
    assert.ok(!result.truncated);
  });
});
