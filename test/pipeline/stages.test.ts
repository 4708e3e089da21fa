// The staged analysis: the quick stage holds syntax, names, types and methodology and
// nothing of the deep checks; the deep stage adds them, ends equal to a one-go analysis,
// and is abandoned when the document changes while it runs.
import * as assert from 'node:assert/strict';
import { checks } from '../../server/src/checks/index.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { analyzeText, MemoryHost, memUri } from '../helpers.js';

const text = `intervention resection
attribute age: years
statement S1 {
  basis evidence strength strong certainty high agreement 90%
  rule old when age >= 80 years then recommend against resection
  rule older when age >= 70 years then recommend resection
  rule typo when age >= 90 years then recommend resecton
}`;

const uri = memUri('main.guideline');
const codes = (xs: readonly { code: string }[]): string[] => xs.map((f) => f.code).sort();
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('staged analysis', () => {
  it('gives the quick findings first and the deep ones on top, equal to the analysis in one go', () => {
    const ws = new Workspace(new MemoryHost({ 'main.guideline': text }));
    const quick = ws.checked(uri)!;
    assert.equal(quick.stage, 'checked');
    const quickCodes = codes(quick.findings);
    assert.ok(quickCodes.includes('unresolved-name'));
    assert.ok(!quickCodes.includes('rule-conflict'));
    const full = ws.analysis(uri)!;
    assert.equal(full, quick, 'the same analysis, moved on to the next stage');
    assert.equal(full.stage, 'analysed');
    assert.ok(codes(full.findings).includes('rule-conflict'));
    assert.deepEqual(full.findings.map((f) => [f.code, f.span.start, f.message]), analyzeText(text).findings.map((f) => [f.code, f.span.start, f.message]));
  });

  it('runs the deep checks one slice per turn and abandons them when the document changes', async () => {
    const ws = new Workspace(new MemoryHost({}));
    ws.update(uri, text, 1);
    const first = ws.checked(uri)!;
    let turns = 0;
    const running = ws.deepen(uri, async () => {
      turns++;
      if (turns === 1) ws.update(uri, `${text}\n`, 2);
      await nextTurn();
    });
    assert.equal(await running, undefined);
    assert.equal(first.stage, 'checked', 'the stale analysis was left unfinished');
    assert.equal(turns, 1);
    const second = await ws.deepen(uri, nextTurn);
    assert.equal(second?.stage, 'analysed');
    assert.ok(codes(second.findings).includes('rule-conflict'));
  });

  it('puts every deep check in the deep stage', () => {
    assert.deepEqual(checks.filter((c) => c.stage === 'analysed').map((c) => c.name), ['overrides', 'timing', 'assumptions', 'rule consistency', 'decision gaps', 'cases']);
  });
});
