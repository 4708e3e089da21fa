// Property: the deep findings a workspace reuses from an earlier version (moved to the new
// positions) are always those a fresh analysis finds. Random edits of the kinds a
// committee makes: comments and blank lines between and inside statements, prose, numbers
// in conditions and cases, a case's patient, comments inside a condition (quoted by messages), changes to the
// used file, and stray text that breaks the syntax. The file is built to have deep
// findings of every kind with related locations (conflicts, redundancy, a rule that never
// fires, timing conflicts, a gap, failing and undetermined cases, a violated assumption),
// and two decisions, so that an edit to the rules of one leaves the other's as they were
// (its gaps are then reused from the version before: checks/decision-gaps.ts).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { MemoryHost, memUri } from '../helpers.js';
import { gapStats } from '../../server/src/checks/decision-gaps.js';

const vocabulary = `enum Stage "Stage" { I, II, III }
attribute stage: Stage "Stage"
attribute age: years "Age"
attribute fit: boolean
attribute shock: boolean
intervention surgery "Resection"
intervention chemo
intervention abx
`;

const main = `use "vocabulary.guideline"
guideline g { title "Test" }

assume shock implies age >= 1 years

statement S1 "Early stage" {
  text "Resect early disease."
  basis evidence strength strong certainty high agreement 90%
  rationale "The panel agreed."
  rule early when stage = I and fit then recommend surgery
  rule old when stage = I and age >= 80 years then recommend against surgery
  rule early_too when stage = I and fit and age >= 20 years then recommend surgery
}

statement S2 {
  text """Later stages: chemotherapy,
          after discussion."""
  basis consensus strength weak certainty low agreement 75%
  rule late when stage in { II, III } then suggest chemo
  rule never when stage = II and age < 10 years and age > 30 years then suggest surgery
  rule fast when shock then recommend abx within 1 hour
  rule slow when shock and age >= 50 years then recommend abx after 3 hours
}

decision d "Treatment" { ask stage, fit where age >= 18 years }
decision shocked "Shock" { ask shock }

case "fit early" {
  given stage = I, fit = true, age = 60 years
  expect recommend surgery
}

case "late, unknown age" {
  given stage = II
  expect suggest chemo
  expect recommend surgery
}

case "impossible" {
  given shock = true, age = 0 years
  expect recommend abx
}
`;

const root = memUri('main.guideline');
const used = memUri('vocabulary.guideline');

type Edit =
  | { kind: 'comment' | 'blank'; line: number; text: string }
  | { kind: 'prose' | 'number' | 'in-condition' | 'case'; which: number; text: string }
  | { kind: 'used'; which: number }
  | { kind: 'stray'; at: number; text: string }
  | { kind: 'undo' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('comment' as const), line: fc.nat(), text: fc.constantFrom('// note\n', '  // a remark\n', '/* c */\n') }),
  fc.record({ kind: fc.constant('blank' as const), line: fc.nat(), text: fc.constantFrom('\n', '  ', '\t') }),
  fc.record({ kind: fc.constant('prose' as const), which: fc.nat(), text: fc.constantFrom('Resect.', 'A longer text, now', '', 'é 😀') }),
  fc.record({ kind: fc.constant('number' as const), which: fc.nat(), text: fc.constantFrom('0', '1', '18', '20', '30', '50', '60', '80', '200') }),
  fc.record({ kind: fc.constant('in-condition' as const), which: fc.nat(), text: fc.constantFrom('/* c */ ', '\n    ', '(') }),
  fc.record({ kind: fc.constant('case' as const), which: fc.nat(), text: fc.constantFrom('stage = I, fit = true, age = 60 years', 'stage = II', 'shock = true, age = 0 years', 'stage = III, age = 70 years', 'fit = false') }),
  fc.record({ kind: fc.constant('used' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('stray' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('{', '}', '"', 'rule', 'x', 'statement S9 { rule q when fit then suggest chemo }\n') }),
  fc.constant({ kind: 'undo' as const }),
);

/** The offsets of each match of `re` (its first group, where it has one). */
function places(text: string, re: RegExp): { start: number; end: number }[] {
  return [...text.matchAll(re)].map((m) => {
    const start = m.index + (m[1] === undefined ? 0 : m[0].indexOf(m[1]));
    return { start, end: start + (m[1] ?? m[0]).length };
  });
}

const usedEdits = [
  (t: string) => `${t}attribute extra: boolean\n`,
  (t: string) => t.replace('{ I, II, III }', '{ I, II, III, IV }'),
  (t: string) => t.replace('intervention abx\n', ''),
  (t: string) => t.replace('attribute shock: boolean', 'attribute shock: years'),
];

function applied(texts: { main: string; vocabulary: string }, e: Edit): { file: 'main' | 'vocabulary'; text: string } {
  const t = texts.main;
  const splice = (s: { start: number; end: number } | undefined, text: string) => ({ file: 'main' as const, text: s ? t.slice(0, s.start) + text + t.slice(s.end) : t });
  const pick = <T>(xs: T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);
  switch (e.kind) {
    case 'comment':
    case 'blank': {
      const at = pick([0, ...places(t, /\n/g).map((p) => p.end)], e.line);
      return splice(at === undefined ? undefined : { start: at, end: at }, e.text);
    }
    case 'prose': return splice(pick(places(t, /(?:text|rationale) "([^"]*)"/g), e.which), e.text);
    case 'number': return splice(pick(places(t, /(\d+) years/g), e.which), e.text);
    case 'in-condition': {
      // After an operator or a timing's keyword: inside what messages quote.
      const at = pick(places(t, / and |(?:>=|<|>|within|after) /g), e.which);
      return splice(at && { start: at.end, end: at.end }, e.text);
    }
    case 'case': return splice(pick(places(t, /given ([^\n]*)/g), e.which), e.text);
    case 'used': return { file: 'vocabulary', text: usedEdits[e.which % usedEdits.length](texts.vocabulary) };
    case 'stray': {
      const at = Math.floor(e.at * t.length);
      return splice({ start: at, end: at }, e.text);
    }
    case 'undo': return { file: 'main', text: t };
  }
}

const shown = (a: Analysis) => a.findings.map((f) => ({ uri: f.uri, span: f.span, severity: f.severity, code: f.code, message: f.message, related: f.related, data: f.data }));

describe('deep findings reused from an earlier version', function () {
  this.timeout(300_000);

  it('equal a fresh analysis after any sequence of edits', () => {
    const counts = { reused: 0, partly: 0, computed: 0 };
    gapStats.reused = 0;
    gapStats.built = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 15 }), (edits) => {
        const disk: Record<string, string> = { 'vocabulary.guideline': vocabulary };
        const ws = new Workspace(new MemoryHost(disk));
        const texts = { main, vocabulary };
        const history = [main];
        let version = 1;
        ws.update(root, main, version);
        ws.analysis(root);
        for (const [e, ask] of edits) {
          if (e.kind === 'undo' && history.length > 1) {
            history.pop();
            texts.main = history[history.length - 1];
            ws.update(root, texts.main, ++version);
          } else {
            const { file, text } = applied(texts, e);
            texts[file] = text;
            if (file === 'main') {
              history.push(text);
              ws.update(root, text, ++version);
            } else {
              disk['vocabulary.guideline'] = text;
              ws.fileChanged(used);
            }
          }
          if (!ask) continue;
          const incremental = ws.analysis(root)!;
          counts[ws.reusedDeep(incremental) ? 'reused' : ws.reusedChecks(incremental).length > 0 ? 'partly' : 'computed']++;
          const reference = new Workspace(new MemoryHost({ 'main.guideline': texts.main, 'vocabulary.guideline': texts.vocabulary })).analysis(root)!;
          assert.deepEqual(shown(incremental), shown(reference));
        }
      }),
      // Seeded, so the counts below hold on every run; a new seed explores other edits.
      { numRuns: 80, seed: 20261202 },
    );
    // Both ways were taken often: the property says something about each.
    assert.ok(counts.reused > 50 && counts.partly > 10 && counts.computed > 50, JSON.stringify(counts));
    // And where the deep checks ran again, a decision's gaps were often those of the version
    // before, and often found anew.
    assert.ok(gapStats.reused > 50 && gapStats.built > 50, JSON.stringify(gapStats));
  });
});

describe('when the deep findings are reused', () => {
  const ws = new Workspace(new MemoryHost({ 'vocabulary.guideline': vocabulary }));
  let version = 1;
  const after = (text: string): Analysis => {
    ws.update(root, text, ++version);
    return ws.analysis(root)!;
  };
  before(() => after(main));

  for (const [what, text, reused] of [
    ['a comment between statements', main.replace('\nstatement S2', '\n// later\nstatement S2'), 'all'],
    ['a comment inside a statement', main.replace('  rule late', '  // the usual\n  rule late'), 'all'],
    ['a statement’s prose', main.replace('Resect early disease.', 'Resect early, localised disease.'), 'all'],
    ['a number in a condition', main.replace('age >= 80 years', 'age >= 81 years'), 'none'],
    ['a comment inside a condition', main.replace('stage = I and fit then', 'stage = I /* c */ and fit then'), 'none'],
    ['a case’s patient', main.replace('age = 60 years', 'age = 61 years'), 'case-blind'],
    ['a new case', `${main}\ncase "new" {\n  given stage = III\n  expect suggest chemo\n}\n`, 'case-blind'],
  ] as const) {
    it(`reuses ${reused === 'all' ? 'every check’s findings' : reused === 'none' ? 'none' : 'those of the checks that read no case'} after ${what}`, () => {
      after(main);
      const a = after(text);
      assert.deepEqual([...ws.reusedChecks(a)].sort(), reused === 'all' ? ['assumptions', 'cases', 'decision gaps', 'overrides', 'rule consistency', 'timing'] : reused === 'none' ? [] : ['decision gaps', 'overrides', 'rule consistency']);
      assert.ok(a.findings.some((f) => f.code === 'rule-conflict' && f.related?.length));
    });
  }
});
