// `npm run bench`: times the consistency analysis and the decision-tree compilation on
// synthetic guidelines of 250, 500, 1,000 and 2,000 rules over 30 attributes, and the
// growth exponent between sizes (log of the time ratio over log of the size ratio), all
// in one run. A second series holds the rules at 1,000 and varies the attributes.
import * as os from 'node:os';
import type { Analysis } from '../../server/src/analysis/analysis.js';
import { conflicts } from '../../server/src/consistency/conflicts.js';
import { deadRules } from '../../server/src/consistency/dead.js';
import type { Consistency } from '../../server/src/consistency/engine.js';
import { redundancies } from '../../server/src/consistency/redundancy.js';
import { collectRules } from '../../server/src/consistency/rules.js';
import { buildScope } from '../../server/src/consistency/scope.js';
import { decisionsOf, specOf } from '../../server/src/tree/decision.js';
import { partition, pathsTo } from '../../server/src/tree/partition.js';
import { analyzeText } from '../helpers.js';
import { generate } from './generate.js';

const repeats = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Row {
  rules: number;
  attributes: number;
  decisions: number;
  analysis: number;
  consistency: number;
  tree: number;
  regions: number;
  findings: string;
}

function measure(rules: number, attributes: number): Row {
  const text = generate({ rules, attributes });
  let analysis: Analysis | undefined;
  const full: number[] = [];
  for (let i = 0; i < 2; i++) full.push(time(() => (analysis = analyzeText(text))));
  const a = analysis!;
  const textOf = (uri: string) => a.program.files.find((f) => f.uri === uri)?.text;
  const consistency: number[] = [];
  const tree: number[] = [];
  let regions = 0;
  let findings = '';
  for (let i = 0; i < repeats; i++) {
    // Fresh each time: nothing cached from the analysis above.
    let c: Consistency | undefined;
    consistency.push(time(() => {
      const scope = buildScope(a);
      const ruleSet = collectRules(a, scope);
      c = { analysis: a, scope, ruleSet, known: new Set(scope.attrs.map((x) => x.name)) };
      const dead = deadRules(ruleSet.rules, scope, c.known, textOf);
      const conflicting = conflicts(ruleSet.rules, scope);
      const redundant = redundancies(ruleSet.rules, scope);
      findings = `${ruleSet.rules.length} rules: ${dead.length} dead, ${conflicting.length} conflicts, ${redundant.length} redundant`;
    }));
    tree.push(time(() => {
      regions = 0;
      let gaps = 0;
      for (const d of decisionsOf(c!)) {
        const spec = specOf(c!, d);
        const p = partition({ scope: c!.scope, rules: spec.rules, population: spec.population, order: spec.order });
        regions += p.regions;
        gaps += pathsTo(p.root, spec.population, (l) => l.gap, 5).total;
      }
      findings += `, ${gaps} gap branches`;
    }));
  }
  return {
    rules,
    attributes,
    decisions: decisionsOf({ analysis: a } as Consistency).length,
    analysis: median(full),
    consistency: median(consistency),
    tree: median(tree),
    regions,
    findings,
  };
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const exponent = (t1: number, t2: number, n1: number, n2: number): string => (Math.log(t2 / t1) / Math.log(n2 / n1)).toFixed(2);

function table(rows: Row[], by: 'rules' | 'attributes'): string[] {
  const lines = [
    `| ${by === 'rules' ? 'rules' : 'attributes'} | decisions | consistency | exponent | trees | exponent | tree regions | full analysis (all checks) |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const n = (x: Row) => (by === 'rules' ? x.rules : x.attributes);
    lines.push(`| ${n(r)} | ${r.decisions} | ${fmt(r.consistency)} | ${prev ? exponent(prev.consistency, r.consistency, n(prev), n(r)) : ''} | ${fmt(r.tree)} | ${prev ? exponent(prev.tree, r.tree, n(prev), n(r)) : ''} | ${r.regions} | ${fmt(r.analysis)} |`);
  });
  return lines;
}

function main(): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${os.cpus().length} × ${cpu}, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`Method: median of ${repeats} runs after a warm-up, fresh analysis objects each run.\n`);
  // Warm up the JIT on a mid-size guideline.
  measure(500, 30);
  const sizes = [250, 500, 1000, 2000].map((n) => measure(n, 30));
  console.log('Rules over 30 attributes:\n');
  console.log(table(sizes, 'rules').join('\n'));
  for (const r of sizes) console.log(`  ${r.rules}: ${r.findings}`);
  const widths = [10, 20, 30, 40].map((k) => measure(1000, k));
  console.log('\n1,000 rules over more and more attributes:\n');
  console.log(table(widths, 'attributes').join('\n'));
  const thousand = sizes.find((r) => r.rules === 1000)!;
  const total = thousand.consistency + thousand.tree;
  console.log(`\n1,000 rules: consistency + trees = ${fmt(total)} (target < 200 ms) ${total < 200 ? 'OK' : 'OVER'}`);
}

main();
