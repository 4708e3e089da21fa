// The sample's roadmap decision, as the reviewer's view shows it by default, has the
// branches of the paper's Figure 2 (docs/roadmap.md walks through it): technically
// resectable or not; potentially resectable by stage; conversion therapy; response;
// resection or continued therapy. Checked on the view itself, which is what the preview
// draws and `guideline tree` prints.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import type { LeafRecommendation, TreeNode, ViewNode } from '../../server/src/protocol.js';
import { viewText } from '../../server/src/render/view-text.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { fileUrl, samplesDir } from '../helpers.js';

const said = (r: LeafRecommendation): string => `${r.statement} ${r.verb}${r.against ? ' against' : ''} ${r.intervention}`;
/** What everyone in a box gets. */
const recs = (v: ViewNode): string[] => v.recommendations.map(said);
/** What some in a box get as well, under conditions the decision does not ask about. */
const added = (v: ViewNode): string[] => v.additions.flatMap((a) => a.recommendations.map(said));
const branches = (v: ViewNode): string[] => v.children.map((c) => c.branch ?? '');

describe('the roadmap of the HCC sample, as the reviewer sees it', () => {
  const analysis = new Workspace().analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')))!;
  const result = decisionTreeView(analysis, 'roadmap');
  const view = result.view!;
  const root = view.root!;
  /** The box reached by following branches from the root. */
  const at = (...labels: string[]): ViewNode =>
    labels.reduce((v, label) => {
      const c = v.children.find((x) => x.branch === label);
      assert.ok(c, `no branch "${label}" under ${v.question ?? v.id}: ${branches(v).join(' | ')}`);
      return c;
    }, root);

  it('asks first whether the tumour is technically resectable, then the stage, grouped as Figure 2 groups it', () => {
    assert.equal(root.attribute, 'surgically_resectable');
    assert.match(root.question ?? '', /^Technically resectable at the initial assessment\?$/);
    assert.deepEqual(branches(root), ['no', 'yes']);
    assert.equal(at('no').attribute, 'stage');
    assert.deepEqual(branches(at('no')), ['Ia, Ib, IIa', 'IIb, IIIa']);
    // Technically resectable Ia-IIa go straight to resection: outside the decision, shown there.
    assert.deepEqual(branches(at('yes')), ['IIb, IIIa']);
    // An MDT discussion for everyone on the pathway, said once at the root.
    assert.deepEqual(recs(root), ['S13 recommend mdt_discussion']);
  });

  it('sends the technical branch (unresectable Ia-IIa) to conversion, then to resection once the FLR is adequate', () => {
    const technical = at('no', 'Ia, Ib, IIa');
    assert.equal(technical.attribute, 'phase');
    const initial = at('no', 'Ia, Ib, IIa', 'Initial assessment');
    assert.equal(initial.kind, 'outcome');
    assert.deepEqual(recs(initial), ['S1 recommend conversion_therapy', 'S3 recommend tki_ici']);
    // PVE or ALPPS (the section-sign footnote) where S8's criteria hold: folded into the box.
    assert.deepEqual(added(initial), ['S8 suggest alpps', 'S8 suggest pve']);
    assert.match(initial.additions[0].conditions.join(', '), /Child-Pugh class A, age < 65 years, ICG-R15 < 10%/);
    const after = at('no', 'Ia, Ib, IIa', 'After conversion therapy');
    assert.deepEqual(branches(after), ['Complete response, Partial response, Stable disease', 'Progressive disease']);
    for (const [liver, cut] of [['no', '30%'], ['yes', '40%']]) {
      assert.deepEqual(recs(at('no', 'Ia, Ib, IIa', 'After conversion therapy', 'Complete response, Partial response, Stable disease', liver, `< ${cut}`)), ['S1 recommend conversion_therapy']);
      const adequate = at('no', 'Ia, Ib, IIa', 'After conversion therapy', 'Complete response, Partial response, Stable disease', liver, `≥ ${cut}`);
      assert.deepEqual(recs(adequate), []);
      // Resection once the S12 drug-free intervals have passed.
      assert.deepEqual(added(adequate), ['S10 recommend resection']);
      assert.match(adequate.additions[0].conditions.join(' '), /depending on received a small-molecule targeted drug/);
    }
    const progression = at('no', 'Ia, Ib, IIa', 'After conversion therapy', 'Progressive disease');
    assert.deepEqual(recs(progression), ['S11 recommend against resection']);
    assert.ok(added(progression).includes('S15 suggest second_line_systemic'));
  });

  it('sends the oncological branch (resectable IIb-IIIa) to conversion, then to resection on response or 3 months of stable disease', () => {
    const initial = at('yes', 'IIb, IIIa', 'Initial assessment');
    assert.deepEqual(recs(initial), ['S1 recommend conversion_therapy', 'S3 recommend tki_ici']);
    // SIRT and radiotherapy + HAIC for IIIa with tumour thrombus: the stage becomes a condition.
    const thrombus = initial.additions.find((a) => a.recommendations.some((r) => r.intervention === 'sirt'));
    assert.deepEqual(thrombus?.conditions, ['CNLC stage IIIa', 'portal vein tumour thrombus']);
    const after = at('yes', 'IIb, IIIa', 'After conversion therapy');
    assert.deepEqual(branches(after), ['Complete response, Partial response', 'Stable disease', 'Progressive disease']);
    assert.deepEqual(added(at('yes', 'IIb, IIIa', 'After conversion therapy', 'Complete response, Partial response')), ['S10 recommend resection']);
    assert.deepEqual(recs(at('yes', 'IIb, IIIa', 'After conversion therapy', 'Stable disease', '< 3 months')), ['S11 recommend against resection', 'S11 recommend conversion_therapy']);
    assert.deepEqual(added(at('yes', 'IIb, IIIa', 'After conversion therapy', 'Stable disease', '≥ 3 months')), ['S10 recommend resection']);
    assert.deepEqual(recs(at('yes', 'IIb, IIIa', 'After conversion therapy', 'Progressive disease')), ['S11 recommend against resection']);
  });

  it('gives the surgically unresectable IIb-IIIa the sequential path, said once for the whole branch', () => {
    assert.deepEqual(recs(at('no', 'IIb, IIIa')), ['S1 recommend sequential_therapy']);
    assert.deepEqual(recs(at('no', 'IIb, IIIa', 'Initial assessment')), []);
  });

  it('shows the population and, one step away, what holds outside it (resection-free Ia-IIa, IIIb, after resection)', () => {
    assert.match(view.population?.text ?? '', /^Point in the conversion pathway is not after R0 resection, and CNLC stage is not IIIb/);
    const outside = view.population?.outside;
    assert.ok(outside);
    const everything = (v: ViewNode): string[] => [...recs(v), ...added(v), ...v.children.flatMap(everything)];
    const there = everything(outside);
    assert.ok(there.includes('S16 recommend systemic_therapy'), 'IIIb');
    assert.ok(there.includes('S14 suggest adjuvant_therapy'), 'after resection');
  });

  it('draws at most 30 boxes, and every rule of the tree appears in some box', () => {
    assert.ok(view.boxes <= 30, `${view.boxes} boxes`);
    assert.ok(view.boxes >= 15, `${view.boxes} boxes: the view lost branches`);
    const inTree = new Set<string>();
    const walkTree = (n: TreeNode): void => {
      if (n.kind === 'leaf') n.recommendations.forEach((r) => (r.rules ?? [r.rule]).forEach((x) => inTree.add(x)));
      else n.branches.forEach((b) => walkTree(b.node));
    };
    walkTree(result.tree!);
    const shown = new Set<string>();
    const byId = new Map<string, ViewNode>();
    const index = (v: ViewNode): void => {
      byId.set(v.id, v);
      v.children.forEach(index);
    };
    index(root);
    const walkView = (v: ViewNode): void => {
      const all = [...v.recommendations, ...v.additions.flatMap((a) => a.recommendations)];
      all.forEach((r) => (r.rules ?? [r.rule]).forEach((x) => shown.add(x)));
      v.children.forEach(walkView);
    };
    walkView(root);
    assert.ok(inTree.size > 10);
    assert.deepEqual([...inTree].filter((r) => !shown.has(r)), []);
    assert.equal(result.truncated, undefined);
  });

  it('prints the same view as text in at most 60 lines; --detail unfolds it', () => {
    const text = viewText(result).trimEnd().split('\n');
    assert.ok(text.length <= 60, `${text.length} lines`);
    assert.ok(text.some((l) => l.includes('IIb, IIIa: Point in the conversion pathway?')));
    const detailed = decisionTreeView(analysis, 'roadmap', undefined, true);
    assert.ok(viewText(detailed, true).split('\n').length > 3 * text.length);
    assert.ok(viewText(result, true).split('\n').length < viewText(detailed, true).split('\n').length, 'folded detail is built only when asked for');
  });
});
