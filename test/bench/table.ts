// The bench's main table: each figure with its ratio to `JSON.parse` of equivalent JSON
// where it is a time, and its target. The analysis rows are CPU times in this process;
// the latency rows are wall-clock times seen by a client over stdio.
import { analysisRows, type TableRow } from './analysis-table.js';
import { answered, hoverDuringDeep, lspLatency, p95, type Answers, type LatencyResult } from './lsp-latency.js';

export interface IssueTable {
  readonly rows: TableRow[];
  readonly latency: LatencyResult;
  readonly duringDeep: Answers;
  readonly lines: string[];
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;

function latencyRows(r: LatencyResult, deep: Answers): TableRow[] {
  const { warm, cold } = r;
  const duringDeep = p95(deep.ms);
  const first = p95(warm.firstDiagnostics);
  const complete = p95(warm.completeDiagnostics);
  const requests = Math.max(p95(warm.hover.ms), p95(warm.completion.ms));
  const coldFigures = { first: p95(cold.firstDiagnostics), complete: p95(cold.completeDiagnostics), hover: p95(cold.hover.ms), completion: p95(cold.completion.ms) };
  return [
    { figure: 'keystroke → first diagnostics (syntax, names, types, methodology), p95 over stdio', value: ms(first), target: '≤ 50 ms', met: first <= 50, raw: { p95: first, versions: warm.firstDiagnostics.length } },
    { figure: `keystroke → complete diagnostics, p95 (${warm.completeDiagnostics.length} of ${warm.keystrokes} versions not overtaken)`, value: ms(complete), target: '≤ 150 ms', met: complete <= 150, raw: { p95: complete, lastVersion: warm.lastComplete } },
    { figure: `hover / completion right after a keystroke, p95 of the answers with results (hover: ${answered(warm.hover)}; completion: ${answered(warm.completion)})`, value: `${ms(p95(warm.hover.ms))} / ${ms(p95(warm.completion.ms))}`, target: '≤ 10 ms', met: requests <= 10, raw: { hover: p95(warm.hover.ms), completion: p95(warm.completion.ms), hoverModified: warm.hover.modified, completionModified: warm.completion.modified } },
    { figure: `the same over the first ${cold.keystrokes} keystrokes of a fresh server, its code not yet compiled: first / complete diagnostics, hover / completion, p95`, value: `${ms(coldFigures.first)}, ${ms(coldFigures.complete)}; ${ms(coldFigures.hover)} / ${ms(coldFigures.completion)}`, target: '', raw: coldFigures },
    { figure: `hover while the deep checks of 100 KB run, p95 (${answered(deep)})`, value: ms(duringDeep), target: '≤ 10 ms', met: duringDeep <= 10, raw: { p95: duringDeep, slowest: Math.max(...deep.ms), modified: deep.modified } },
    { figure: 'completions cancelled at once (request and cancellation read together) that were answered with results', value: `${r.cancelledAnswered} of ${r.cancelledTotal}`, target: '0', met: r.cancelledAnswered === 0, raw: { answered: r.cancelledAnswered, total: r.cancelledTotal } },
    { figure: 'completions cancelled through the connection right after sending, answered before the cancellation arrived (a race no server can win)', value: `${r.raceAnswered} of ${r.cancelledTotal}`, target: '', raw: { answered: r.raceAnswered, total: r.cancelledTotal } },
  ];
}

export async function issueTable(repoRoot: string, rounds: number): Promise<IssueTable> {
  const rows = analysisRows(repoRoot, rounds);
  const latency = await lspLatency(repoRoot);
  const duringDeep = await hoverDuringDeep(repoRoot);
  rows.push(...latencyRows(latency, duringDeep));
  const lines = [
    '| figure | measured | × JSON.parse | target | met |',
    '|---|---:|---:|---|:-:|',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(0)}×`} | ${r.target} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`),
  ];
  return { rows, latency, duringDeep, lines };
}
