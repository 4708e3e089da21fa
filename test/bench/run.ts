// `npm run bench`: first the table of the figures that matter to a person typing (see
// table.ts), then the consistency analysis and the decision-tree compilation on
// synthetic guidelines of 250, 500, 1,000 and 2,000 rules over 30 attributes, and the
// growth exponent between sizes (log of the time ratio over log of the size ratio), all
// in one run. A second series holds the rules at 1,000 and varies the attributes. Then the
// bad-input run over stdio (bad-input.ts) and the preview layout.
// Sizes are measured in turn within each round (not one size after another), so that a
// change in the machine's load affects every size alike. Everything is also written to
// bench-results.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { collectAssumptions } from '../../server/src/logic/assumptions.js';
import { conflicts } from '../../server/src/logic/consistency/conflicts.js';
import { deadRules } from '../../server/src/logic/consistency/dead.js';
import type { Consistency } from '../../server/src/logic/engine.js';
import { redundancies } from '../../server/src/logic/consistency/redundancy.js';
import { collectRules } from '../../server/src/logic/rules.js';
import { buildScope } from '../../server/src/logic/scope.js';
import { decisionsOf, specOf } from '../../server/src/logic/partition/decision.js';
import { partition } from '../../server/src/logic/partition/partition.js';
import { pathsTo } from '../../server/src/logic/partition/paths.js';
import { analyzeText, repoRoot } from '../helpers.js';
import { issueTable } from './table.js';
import { generate } from './generate.js';
import { benchLayout, benchView } from './layout.js';
import { badInput } from './bad-input.js';

const rounds = 15;
const tableRounds = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface Subject {
  rules: number;
  attributes: number;
  analysis: Analysis;
  /** One full analysis (parse, names, every check), for scale. */
  full: number;
  consistency: number[];
  tree: number[];
  regions: number;
  findings: string;
}

function prepare(rules: number, attributes: number): Subject {
  const text = generate({ rules, attributes });
  analyzeText(text); // warm the parser on this text
  let analysis: Analysis | undefined;
  const full = time(() => (analysis = analyzeText(text)));
  return { rules, attributes, analysis: analysis!, full, consistency: [], tree: [], regions: 0, findings: '' };
}

/** The consistency analysis, then every decision's tree (with its gaps), from scratch. */
function round(s: Subject): void {
  const a = s.analysis;
  const textOf = (uri: string) => a.program.files.find((f) => f.uri === uri)?.text;
  let c: Consistency | undefined;
  s.consistency.push(time(() => {
    const scope = buildScope(a);
    const known = new Set(scope.attrs.map((x) => x.name));
    const assumptions = collectAssumptions(a, scope, known);
    const ruleSet = collectRules(a, scope, assumptions);
    c = { analysis: a, scope, ruleSet, assumptions, known };
    const dead = deadRules(ruleSet.rules, scope, known, textOf, assumptions);
    const conflicting = conflicts(ruleSet.rules, scope);
    const redundant = redundancies(ruleSet.rules, scope);
    s.findings = `${ruleSet.rules.length} adopted rules: ${dead.length} never fire, ${conflicting.conflicts.length} conflicting pairs, ${redundant.redundancies.length} redundant`;
  }));
  let gaps = 0;
  s.tree.push(time(() => {
    s.regions = 0;
    for (const d of decisionsOf(c!)) {
      const spec = specOf(c!, d);
      const p = partition({ scope: c!.scope, rules: spec.rules, population: spec.population, order: spec.order });
      s.regions += p.regions;
      gaps += pathsTo(p.root, spec.population, (l) => l.gap, 5).total;
    }
  }));
  s.findings += `, ${gaps} gap branches`;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const exponent = (t1: number, t2: number, n1: number, n2: number): string => (Math.log(t2 / t1) / Math.log(n2 / n1)).toFixed(2);

function table(rows: Subject[], by: 'rules' | 'attributes'): string[] {
  const n = (x: Subject): number => (by === 'rules' ? x.rules : x.attributes);
  const lines = [
    `| ${by} | decisions | consistency (median / best) | exponent (median / best) | trees (median / best) | exponent (median / best) | tree work units | full analysis, once |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const best = (xs: number[]): number => Math.min(...xs);
  rows.forEach((r, i) => {
    const p = rows[i - 1];
    const growth = (of: (s: Subject) => number[]): string =>
      p ? `${exponent(median(of(p)), median(of(r)), n(p), n(r))} / ${exponent(best(of(p)), best(of(r)), n(p), n(r))}` : '';
    const decisions = decisionsOf({ analysis: r.analysis } as unknown as Consistency).length;
    lines.push(`| ${n(r)} | ${decisions} | ${fmt(median(r.consistency))} / ${fmt(best(r.consistency))} | ${growth((s) => s.consistency)} | ${fmt(median(r.tree))} / ${fmt(best(r.tree))} | ${growth((s) => s.tree)} | ${r.regions} | ${fmt(r.full)} |`);
  });
  return lines;
}

/** The rule series; returns the overall growth exponents (median) for the results file. */
function ruleSeries(): { consistency: number; trees: number } {
  console.log(`Rule series, method: ${rounds} rounds after a warm-up round; in each round every size is timed in turn, from scratch. Median and best (fastest) of the rounds: the best is the cost with the least interference from garbage collection and other processes.\n`);
  const sizes = [250, 500, 1000, 2000].map((n) => prepare(n, 30));
  const widths = [10, 20, 30, 40].map((k) => prepare(1000, k));
  const all = [...sizes, ...widths];
  all.forEach(round); // warm-up round, not counted
  all.forEach((s) => {
    s.consistency = [];
    s.tree = [];
  });
  for (let i = 0; i < rounds; i++) all.forEach(round);
  console.log('Rules over 30 attributes:\n');
  console.log(table(sizes, 'rules').join('\n'));
  for (const r of sizes) console.log(`  ${r.rules} rules: ${r.findings}`);
  const [first, last] = [sizes[0], sizes[sizes.length - 1]];
  const overall = (of: (s: Subject) => number[], pick: (xs: number[]) => number): string => exponent(pick(of(first)), pick(of(last)), first.rules, last.rules);
  const min = (xs: number[]): number => Math.min(...xs);
  console.log(`  overall exponent, ${first.rules} to ${last.rules} rules (median / best): consistency ${overall((s) => s.consistency, median)} / ${overall((s) => s.consistency, min)}, trees ${overall((s) => s.tree, median)} / ${overall((s) => s.tree, min)}`);
  console.log('\n1,000 rules over more and more attributes:\n');
  console.log(table(widths, 'attributes').join('\n'));
  const thousand = sizes[2];
  const total = median(thousand.consistency) + median(thousand.tree);
  console.log(`\n1,000 rules: consistency + trees = ${fmt(total)} (target: under 200 ms) ${total < 200 ? 'OK' : 'OVER'}`);
  const slope = (of: (s: Subject) => number[]): number => Math.log(median(of(last)) / median(of(first))) / Math.log(last.rules / first.rules);
  return { consistency: slope((s) => s.consistency), trees: slope((s) => s.tree) };
}

async function benchAll(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const loadBefore = os.loadavg();
  console.log(`Machine: ${machine}, load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}\n`);
  const table = await issueTable(repoRoot, tableRounds);
  console.log(table.lines.join('\n'));
  console.log('');
  const exponents = ruleSeries();
  console.log('');
  console.log('Bad input, over stdio (server under --expose-gc; hover and completion sent right after edits):\n');
  const bad = await badInput(repoRoot);
  console.log(bad.lines.join('\n'));
  console.log('');
  const layout = await benchLayout();
  for (const line of layout) console.log(line);
  for (const line of await benchView()) console.log(line);
  const loadAfter = os.loadavg();
  console.log(`Load average at the end: ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
  const results = { date: new Date().toISOString(), machine, loadAverage: { before: loadBefore, after: loadAfter }, table: table.rows, latency: table.latency, ruleSeriesExponents: exponents, badInput: bad.results, layout };
  fs.writeFileSync(path.join(repoRoot, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Written: bench-results.json');
}

void benchAll();
