// Property: whatever sequence of edits reaches a text, the workspace that followed the
// edits (keeping used files' parses and symbols, leaving deep runs half done, analysing
// the used file on its own too) ends with exactly what a fresh analysis of the final texts
// gives: the same findings, the same resolved names, and the same answers from the
// features that read the analysis (outline, folding, hover, completion, definition). The
// root is long enough (over 4 KB) that its edits are parsed by changed declarations.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { completions } from '../../server/src/services/completion.js';
import { definition } from '../../server/src/services/definition.js';
import { hover } from '../../server/src/services/hover.js';
import { foldingSpans, outline } from '../../server/src/services/outline.js';
import { MemoryHost, memUri } from '../helpers.js';

const vocabulary = `enum Stage "Stage" { I, II, III }
attribute stage: Stage "Stage"
attribute age: years "Age"
attribute fit: boolean
intervention surgery "Resection"
intervention chemo
reference 1 "Doe J. A trial. 2020."
`;

const main = `use "vocabulary.guideline"
guideline g { title "Test" }

statement S1 "Early stage" {
  text "Resect early disease."
  basis evidence strength strong certainty high agreement 90%
  cites 1
  rule early when stage = I and fit then recommend surgery
  rule old when stage = I and age >= 80 years then recommend against surgery
}

statement S2 {
  basis consensus strength weak certainty low agreement 75%
  rule late when stage in { II, III } then suggest chemo
  rule never when stage = II and stage = III then suggest surgery
}

decision d "Treatment" { ask stage, fit where age >= 18 years }

case "fit early" {
  given stage = I, fit = true, age = 60 years
  expect recommend surgery
}
${Array.from({ length: 12 }, (_, i) => `
statement T${i} "Follow-up ${i}" {
  text """After treatment, patients are seen again at ${i + 1} months; the panel
          discussed the interval at length before the vote."""
  basis consensus strength weak certainty low agreement 80%
  rule follow${i} when stage = III and age >= ${40 + i} years then suggest chemo
}
`).join('')}`;

// Pieces typed in: some break the syntax (an unclosed brace or string, a stray keyword),
// some mend it, some rename or retarget a name.
const pieces = ['{', '}', '"', '(', ')', '/*', '*/', '// x\n', '\n', ' ', 'rule r when ', ' then recommend chemo', 'stage = II', ' and ', ' or not ', 'fit', 'age < 3 cm',
  'statement S9 { rule q when fit then suggest chemo }\n', 'I', 'IV', '80%', 'attribute fit: boolean\n', 'surgery', 'chem', 'use "vocabulary.guideline"\n', 'é', '😀'];

const edit = fc.record({
  inUsedFile: fc.boolean(),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleted: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
  inserted: fc.oneof(fc.constantFrom(...pieces), fc.constant('')),
  /** Undo this many of the last edits to the same file (mending what they broke). */
  undo: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  /** How the editor asks after the edit: nothing, the quick stage, a few deep slices, everything, or the used file on its own. */
  ask: fc.constantFrom('none', 'checked', 'partly', 'analysis', 'used'),
  /** The used file changes in an editor buffer, or on disk (a watched-file change). */
  onDisk: fc.boolean(),
});

const root = memUri('main.guideline');
const used = memUri('vocabulary.guideline');

/** Everything a feature could tell apart, as plain data. */
function observed(a: Analysis, probes: readonly number[]): unknown {
  const sym = (s: { kind: string; name: string; uri: string; span: { start: number; end: number } }) => `${s.kind} ${s.name} ${s.uri} ${s.span.start}-${s.span.end}`;
  return {
    stage: a.stage,
    findings: a.findings.map((f) => ({ uri: f.uri, span: f.span, severity: f.severity, code: f.code, message: f.message, related: f.related, data: f.data })),
    occurrences: [...a.resolution.occurrences].map((o) => `${o.span.start}-${o.span.end} ${o.declaration} ${sym(o.symbol)}`),
    symbols: a.symbols.all.map(sym),
    files: a.program.files.map((f) => `${f.uri} ${f.text.length}`),
    outline: outline(a),
    folding: foldingSpans(a),
    probes: probes.map((at) => {
      const offset = Math.floor(at * a.source.text.length);
      return { hover: hover(a, offset)?.markdown, definition: definition(a, offset), completion: completions(a, offset) };
    }),
  };
}

function fresh(files: Record<string, string>): Analysis {
  return new Workspace(new MemoryHost({ ...files })).analysis(root)!;
}

describe('incremental analysis equals a fresh one', function () {
  this.timeout(300_000);

  it('after any sequence of edits to a file and the file it uses', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (edits, probes) => {
        const disk: Record<string, string> = { 'vocabulary.guideline': vocabulary };
        const ws = new Workspace(new MemoryHost(disk));
        const texts = { main, vocabulary };
        const history = { main: [main], vocabulary: [vocabulary] };
        let usedOpen = false;
        let version = 1;
        ws.update(root, texts.main, version);
        ws.analysis(root);
        for (const e of edits) {
          const which = e.inUsedFile ? 'vocabulary' : 'main';
          let text = texts[which];
          if (e.undo > 0 && history[which].length > 1) {
            history[which].splice(-e.undo);
            if (history[which].length === 0) history[which].push(which === 'main' ? main : vocabulary);
            text = history[which][history[which].length - 1];
          } else {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.inserted + text.slice(Math.min(text.length, at + e.deleted));
            history[which].push(text);
          }
          texts[which] = text;
          version++;
          if (which === 'main') ws.update(root, text, version);
          else if (e.onDisk && !usedOpen) {
            disk['vocabulary.guideline'] = text;
            ws.fileChanged(used);
          } else {
            usedOpen = true;
            ws.update(used, text, version);
          }
          if (e.ask === 'checked') ws.checked(root);
          else if (e.ask === 'analysis') ws.analysis(root);
          else if (e.ask === 'used') ws.analysis(used);
          else if (e.ask === 'partly') {
            // Two deep slices, then the next edit overtakes the run.
            let turns = 0;
            void ws.deepen(root, () => (++turns >= 2 ? new Promise<void>(() => undefined) : Promise.resolve()));
          }
        }
        const incremental = ws.analysis(root)!;
        const reference = fresh({ 'main.guideline': texts.main, 'vocabulary.guideline': texts.vocabulary });
        assert.deepEqual(observed(incremental, probes), observed(reference, probes));
        if (usedOpen || texts.vocabulary !== vocabulary) {
          const alone = ws.analysis(used)!;
          const aloneFresh = new Workspace(new MemoryHost({ 'vocabulary.guideline': texts.vocabulary })).analysis(used)!;
          assert.deepEqual(observed(alone, probes), observed(aloneFresh, probes));
        }
      }),
      { numRuns: 60 },
    );
  });
});
