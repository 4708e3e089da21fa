// What the workspace's caches save per keystroke: the same edit analysed by the workspace
// that followed the previous version (used files' parses and symbols kept) and by a new
// workspace that starts from nothing, interleaved in each round. Three subjects: the
// sample and the 100 KB guideline (each using the small vocabulary file), and a small
// file that uses the 100 KB guideline, where the used file is most of the work. Both the
// quick stage (what the first diagnostics, hover and completion wait for) and the
// complete analysis are timed.
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { MemoryHost, memUri } from '../helpers.js';
import type { TableRow } from './analysis-table.js';
import { median, time } from './measure.js';

interface Gain {
  readonly name: string;
  readonly quick: { incremental: number; fresh: number };
  readonly full: { incremental: number; fresh: number };
}

const uri = memUri('main.guideline');

function gain(name: string, files: Record<string, string>, rounds: number): Gain {
  const ws = new Workspace(new MemoryHost(files));
  let text = files['main.guideline'];
  ws.update(uri, text, 0);
  ws.analysis(uri);
  // Typing inside the first statement: a comment line below its first line, then removed.
  const at = text.indexOf('\n', text.indexOf('\nstatement ') + 1);
  const times = { qi: [] as number[], qf: [] as number[], fi: [] as number[], ff: [] as number[] };
  for (let v = 1; v <= 2 * rounds + 2; v++) {
    text = v % 2 === 1 ? `${text.slice(0, at)}\n  // note${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 10)}`;
    const current = { ...files, 'main.guideline': text };
    ws.update(uri, text, v);
    const counted = v > 2; // the first two edits warm up
    // In alternating order, so that neither side always pays for the other's garbage.
    let qi = 0;
    let fi = 0;
    let qf = 0;
    let ff = 0;
    const incremental = (): void => {
      qi = time(() => ws.checked(uri));
      fi = qi + time(() => ws.analysis(uri));
    };
    const fresh = (): void => {
      let scratch: Workspace | undefined;
      qf = time(() => (scratch = new Workspace(new MemoryHost(current))).checked(uri));
      ff = qf + time(() => scratch!.analysis(uri));
    };
    if (v % 4 < 2) {
      incremental();
      fresh();
    } else {
      fresh();
      incremental();
    }
    if (counted) {
      times.qi.push(qi);
      times.qf.push(qf);
      times.fi.push(fi);
      times.ff.push(ff);
    }
  }
  return { name, quick: { incremental: median(times.qi), fresh: median(times.qf) }, full: { incremental: median(times.fi), fresh: median(times.ff) } };
}

export function incrementalRows(sample: string, kb100: string, vocabulary: string, rounds: number): TableRow[] {
  const chapter = `use "big.guideline"\n\nstatement Chapter1 {\n  basis consensus strength weak certainty low agreement 80%\n  rule chapter_rule when stage = Ia then suggest resection\n}\n`;
  const gains = [
    gain('the sample', { 'main.guideline': sample, 'hcc-vocabulary.guideline': vocabulary }, rounds),
    gain('100 KB', { 'main.guideline': kb100, 'hcc-vocabulary.guideline': vocabulary }, rounds),
    gain('a small file using the 100 KB one', { 'main.guideline': chapter, 'big.guideline': kb100, 'hcc-vocabulary.guideline': vocabulary }, rounds),
  ];
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  return gains.flatMap((g) => (['quick', 'full'] as const).map((stage): TableRow => {
    const t = g[stage];
    return {
      figure: `keystroke in ${g.name}, ${stage === 'quick' ? 'quick stage' : 'complete analysis'}: incremental vs from nothing`,
      value: `${ms(t.incremental)} vs ${ms(t.fresh)} (${(t.fresh / t.incremental).toFixed(2)}× less)`,
      target: 'less than from nothing',
      met: t.incremental < t.fresh,
      raw: { incrementalMs: t.incremental, freshMs: t.fresh, gain: t.fresh / t.incremental },
    };
  }));
}
