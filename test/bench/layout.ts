// The preview's layout (elkjs, the same code the webview and `guideline tree --format svg`
// run) on a generated tree of 500 leaves: the first layout in the process, which pays for
// compiling ELK, then the median of the next ones.
import { layoutTree } from '../../server/src/render/layout.js';
import { bigTree } from '../render/big-tree.js';

export async function benchLayout(leaves = 500, rounds = 5): Promise<string[]> {
  const tree = bigTree(leaves).tree;
  const once = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    await layoutTree(tree);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = await once();
  const later: number[] = [];
  for (let i = 0; i < rounds; i++) later.push(await once());
  later.sort((a, b) => a - b);
  const median = later[Math.floor(later.length / 2)];
  return [
    `Preview layout of ${leaves} leaves: first ${first.toFixed(0)} ms, then median ${median.toFixed(0)} ms (best ${later[0].toFixed(0)} ms) over ${rounds} layouts ${median < 1000 ? 'OK' : 'OVER'} (target: under 1 s)`,
  ];
}
