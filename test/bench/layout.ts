// The preview's layout (elkjs, the same code the webview and `guideline tree --format svg`
// run) on a generated tree of 500 leaves: the first layout in the process, which pays for
// compiling ELK, then the median of the next ones.
import { layoutTree } from '../../server/src/render/layout.js';
import { bigTree } from '../render/big-tree.js';

/** The first run in the process, then the median and best of `rounds` more. */
async function timed(once: () => Promise<number>, rounds: number): Promise<{ first: number; median: number; best: number }> {
  const first = await once();
  const later: number[] = [];
  for (let i = 0; i < rounds; i++) later.push(await once());
  later.sort((a, b) => a - b);
  return { first, median: later[Math.floor(later.length / 2)], best: later[0] };
}

export async function benchLayout(leaves = 500, rounds = 5): Promise<string[]> {
  const tree = bigTree(leaves).tree;
  const once = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    await layoutTree(tree);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const { first, median, best } = await timed(once, rounds);
  return [
    `Preview layout of ${leaves} leaves: first ${first.toFixed(0)} ms, then median ${median.toFixed(0)} ms (best ${best.toFixed(0)} ms) over ${rounds} layouts ${median < 1000 ? 'OK' : 'OVER'} (target: under 1 s)`,
  ];
}

/**
 * The reviewer's view of the same 500-leaf tree: building it (hoist, fold, merge) and laying
 * out its default boxes, as the preview does for each new tree. Targets: the first in the
 * process at most 1 s, warm at most 300 ms; reported as ratios to them.
 */
export async function benchView(leaves = 500, rounds = 5): Promise<string[]> {
  const { buildView } = await import('../../server/src/render/view-build/build.js');
  const { layoutView } = await import('../../server/src/render/view-layout.js');
  const tree = bigTree(leaves).tree;
  const ask = new Set<string>();
  const collect = (n: NonNullable<typeof tree>): void => {
    if (n.kind !== 'split') return;
    ask.add(n.attribute);
    n.branches.forEach((b) => collect(b.node));
  };
  if (tree) collect(tree);
  let boxes = 0;
  // Processor time beside wall time: on a loaded machine the wall clock mostly measures the
  // other processes, and the processor time is what the view itself costs.
  const cpu: number[] = [];
  const once = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    const used = process.cpuUsage();
    const view = buildView(tree, undefined, { ask: [...ask], title: 'bench' });
    const scene = await layoutView(view.root);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
    boxes = scene.nodes.length;
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const { first, median } = await timed(once, rounds);
  const warmCpu = cpu.slice(1).sort((a, b) => a - b)[Math.floor(rounds / 2)];
  return [
    `Reviewer's view of ${leaves} leaves (${boxes} boxes): build + layout first ${first.toFixed(0)} ms (${(first / 1000).toFixed(2)} of the 1 s target; processor ${cpu[0].toFixed(0)} ms, ${(cpu[0] / 1000).toFixed(2)}), warm median ${median.toFixed(0)} ms (${(median / 300).toFixed(2)} of the 300 ms target; processor ${warmCpu.toFixed(0)} ms, ${(warmCpu / 300).toFixed(2)})`,
  ];
}
