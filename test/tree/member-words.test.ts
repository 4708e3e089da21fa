// Enum members' own descriptions are the tree's words: branch labels in the view, in its
// text, in folded conditions, and in hovers; conditions still name the member.
import * as assert from 'node:assert/strict';
import type { ViewNode } from '../../server/src/protocol.js';
import { hover } from '../../server/src/services/hover.js';
import { decisionTreeView } from '../../server/src/services/tree-view/index.js';
import { viewText } from '../../server/src/render/view-text.js';
import { analyzeText } from '../helpers.js';
import { statement } from '../consistency/support.js';

const source = `
enum Response "Tumour response" { CR "Complete response", PR "Partial response", SD, PD "Progressive <b>disease</b>" }
enum Grade { low, high }
attribute response: Response "Tumour response"
attribute grade: Grade "Tumour grade"
intervention surgery "Resection"
intervention chemo "Chemotherapy"
intervention trial "Clinical trial"
${statement('S1', `
  rule operate when response in { CR, PR } then recommend surgery
  rule treat when response in { SD, PD } then recommend chemo
  rule enrol when response = PD and grade = high then recommend trial`)}
decision d "Response" { ask response }
`;

function walk(v: ViewNode | undefined, out: ViewNode[] = []): ViewNode[] {
  if (!v) return out;
  out.push(v);
  for (const c of v.children) walk(c, out);
  if (v.detail) walk(v.detail, out);
  return out;
}

describe('enum members described in their own words', () => {
  const analysis = analyzeText(source);
  const result = decisionTreeView(analysis, 'd');

  it('labels the view\'s branches with the descriptions, a member without one by its name', () => {
    const branches = walk(result.view?.root).map((v) => v.branch).filter((b): b is string => b !== undefined);
    assert.ok(branches.includes('Complete response, Partial response'), branches.join(' | '));
    assert.ok(branches.some((b) => b === 'SD' || b.startsWith('SD, ')), branches.join(' | '));
    assert.ok(branches.every((b) => !/\bCR\b|\bPR\b/.test(b)), 'described members are not named');
  });

  it('keeps the values beside the words in the partition\'s tree, for the checks and exports', () => {
    const root = result.tree;
    assert.equal(root?.kind, 'split');
    const labels = root?.kind === 'split' ? root.branches.map((b) => [b.label, b.words]) : [];
    assert.deepEqual(labels.find(([l]) => l === 'CR, PR'), ['CR, PR', 'Complete response, Partial response']);
  });

  it('prints the words in the text view, and in folded conditions', () => {
    const text = viewText(result);
    assert.match(text, /Complete response, Partial response/);
    const folded = decisionTreeView(analyzeText(source.replace('ask response', 'ask grade')), 'd');
    const conditions = walk(folded.view?.root).flatMap((v) => v.additions.flatMap((a) => a.conditions));
    assert.ok(conditions.some((c) => /tumour response is .*progressive <b>disease<\/b>/i.test(c)), conditions.join(' | '));
  });

  it('shows a member\'s description in its hover and in the enum\'s list of values, as text', () => {
    const at = source.indexOf('CR, PR }') + 1;
    const md = hover(analysis, at)?.markdown ?? '';
    assert.match(md, /member of enum `Response`/);
    assert.match(md, /Complete response/);
    const list = hover(analysis, source.indexOf('Response "Tumour') + 1)?.markdown ?? '';
    assert.match(list, /`CR` \(Complete response\)/);
    assert.match(list, /`SD`,/);
    assert.doesNotMatch(list, /<b>/, 'markup in a description is escaped');
  });
});
