// One analysis per document version, in two stages. `checked`: parse (cached), load used
// files, declare symbols, resolve names, run the quick checks. `analysed`: the deep checks
// (consistency, gaps, cases) on top, in slices that a newer version can interrupt. Every
// editor feature reads the newest stage there is; the command line asks for the last.
import { bareSpan, isBareSpan } from '../../../grammar/src/index.js';
import type { Finding } from '../model/findings.js';
import type { CarriedResults, ResolvedDocument } from '../model/document.js';
import { loadProgram } from '../model/program.js';
import { resolveFile } from '../model/resolve.js';
import type { Settings } from '../model/settings.js';
import type { ParseCache, SourceFile, SourceHost } from '../model/sources.js';
import { buildSymbols, DeclarationCache } from '../model/symbols.js';
import { checksOf, runCheck, type CheckStage } from '../checks/index.js';
import { withoutCascades } from './broken-rules.js';
import { reusedFindings, snapshotOf, type DeepSnapshot } from './deep-reuse.js';
import { clipped, flattened, MAX_MESSAGE } from '../model/bounded-text.js';

export type Stage = CheckStage;

export interface Analysis extends ResolvedDocument {
  /** Findings in the root file of the stage reached, sorted by position. */
  readonly findings: Finding[];
  /** The stage reached: its findings are all in `findings`. */
  stage: Stage;
}

/**
 * The `checked` stage: syntax, names, types, methodology. `folders`: the workspace folders a
 * `use` may read from (none: the root file's folder). `declarations`: what the files
 * declare, kept by the workspace so an unchanged used file is not declared again.
 */
export function analyzeChecked(source: SourceFile, host: SourceHost, cache: ParseCache, settings: Settings, folders: readonly string[] = [], declarations = new DeclarationCache(), carried?: CarriedResults): Analysis {
  const uri = source.uri;
  const findings: Finding[] = source.parse.errors.map((e) => ({
    severity: 'error',
    code: e.code,
    message: e.message,
    uri,
    span: e.span,
    // A repair the parser is sure of (add a `%`) becomes the finding's quick fix.
    ...(e.fix ? { data: { fix: e.fix } } : {}),
  }));
  const program = loadProgram(source, host, cache, { folders, maxBytes: settings.usedFileSizeLimit * 2 ** 20 });
  const { table, findings: symbolFindings } = buildSymbols(program.files, uri, declarations);
  const { resolution, findings: nameFindings } = resolveFile(source.parse.ast, uri, table);
  for (const list of [program.findings, symbolFindings, nameFindings]) for (const f of list) findings.push(f);
  const analysis: Analysis = { uri, source, program, symbols: table, resolution, settings, resolveFindings: [...findings], findings, stage: 'checked', ...(carried ? { carried } : {}) };
  for (const check of checksOf('checked')) runCheck(check, analysis, (f) => findings.push(f));
  settle(analysis, findings);
  return analysis;
}

/** The deep checks still to run on a `checked` analysis, one slice each, and how to add their findings. */
export interface DeepWork {
  readonly slices: readonly (() => void)[];
  /** The checks whose findings are an earlier version's, moved (they do not run). */
  readonly reused: readonly string[];
  /** Adds the slices' findings and marks the analysis `analysed`; call once every slice has run. Returns what the next version may reuse. */
  finish(): DeepSnapshot;
}

/** The deep work of `analysis`, less the checks that `previous` (an earlier version's) shows would find the same (see deep-reuse.ts). */
export function deepWork(analysis: Analysis, previous?: DeepSnapshot): DeepWork {
  const found = previous ? reusedFindings(previous, analysis) : new Map<string, Finding[]>();
  const reused = [...found.keys()];
  // In the checks' order, as a run of every check gives them (settling sorts by span alone).
  const all = (): Finding[] => checksOf('analysed').flatMap((c) => found.get(c.name) ?? []);
  let snapshot: DeepSnapshot | undefined;
  return {
    slices: checksOf('analysed').filter((check) => !found.has(check.name)).map((check) => () => {
      const list: Finding[] = [];
      found.set(check.name, list);
      runCheck(check, analysis, (f) => list.push(f));
    }),
    reused,
    finish: () => {
      snapshot ??= snapshotOf(analysis, found);
      if (analysis.stage !== 'analysed') {
        settle(analysis, [...analysis.findings, ...all()]);
        analysis.stage = 'analysed';
      }
      return snapshot;
    },
  };
}

/** Both stages at once, as the command line and the tests want it. */
export function analyze(source: SourceFile, host: SourceHost, cache: ParseCache, settings: Settings, folders: readonly string[] = []): Analysis {
  const analysis = analyzeChecked(source, host, cache, settings, folders);
  const work = deepWork(analysis);
  work.slices.forEach((slice) => slice());
  work.finish();
  return analysis;
}

/**
 * Drops the findings a syntax error makes unreliable, clips long messages, makes every
 * location a bare span (a finding placed at a word of the tree is given that node, which is
 * its own span), in place (a settled finding stays as it is when settled again), and sorts
 * the rest into `findings`.
 */
function settle(analysis: Analysis, all: Finding[]): void {
  const kept = [...withoutCascades(all, analysis.source, analysis.program.files)];
  for (const f of kept) {
    f.message = flattened(clipped(f.message));
    f.span = bareSpan(f.span);
    // A related location's message names what the user wrote too (`the other <name>`).
    if (f.related?.some((r) => r.message.length > MAX_MESSAGE || !isBareSpan(r.span))) {
      f.related = f.related.map((r) => ({ ...r, span: bareSpan(r.span), message: clipped(r.message) }));
    }
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  // Element by element: a spread of a huge list into a call would overflow the stack.
  analysis.findings.length = 0;
  for (const f of kept) analysis.findings.push(f);
}
