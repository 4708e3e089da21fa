import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { quickFixes, type QuickFix, type TextEdit } from '../../server/src/services/code-actions.js';
import { analyzeText, codes, diagnosticStrings, repoRoot } from '../helpers.js';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** The fixes for the first finding with `code`. */
function fixesFor(a: Analysis, code: string): QuickFix[] {
  const f = a.findings.find((x) => x.code === code);
  assert.ok(f, `no ${code} in ${JSON.stringify(codes(a))}`);
  return quickFixes(a, f.span).filter((x) => x.finding.code === code);
}

/** Applies the fix titled `title` and returns the re-analysed result, which must parse cleanly. */
function apply(a: Analysis, code: string, title: string): Analysis {
  const fixes = fixesFor(a, code);
  const fix = fixes.find((x) => x.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(fixes.map((x) => x.title))}`);
  const after = analyzeText(applyEdits(a.source.text, fix.edits), a.settings);
  assert.deepEqual(after.source.parse.errors, [], `syntax errors after "${title}":\n${after.source.text}`);
  return after;
}

const vocab = `guideline g { panel { voters 52 consensus 80% } }
enum ChildPugh { A, B, C }
attribute child_pugh: ChildPugh
attribute age: years
intervention resection
`;
const graded = 'basis evidence strength strong certainty high agreement 96.2%';

describe('quick fixes', () => {
  it('renames an unknown attribute, member or intervention to the suggestion', () => {
    const a = analyzeText(`${vocab}statement S1 { ${graded}\n  rule r when child_pug = D and age < 65 years then recommend resecton }`);
    let b = apply(a, 'unresolved-name', 'Change to `child_pugh`');
    assert.ok(fixesFor(a, 'unresolved-name')[0].preferred);
    b = apply(b, 'unresolved-name', 'Change to `resection`');
    assert.deepEqual(codes(b).filter((c) => c.startsWith('unresolved-name')), []);
    const typo = analyzeText(`${vocab}case "x" { given child_pugh = b expect nothing }`);
    const fixed = apply(typo, 'unresolved-member', 'Change to `B`');
    assert.ok(!codes(fixed).includes('unresolved-member'));
  });

  it('renames an unknown type and a misspelt field value', () => {
    const a = analyzeText('enum ChildPugh { A }\nattribute x: ChildPug');
    assert.ok(!codes(apply(a, 'unknown-type', 'Change to `ChildPugh`')).includes('unknown-type'));
    const b = analyzeText(`${vocab}statement S1 { basis evidence strength strog certainty high agreement 96.2% }`);
    assert.ok(!codes(apply(b, 'invalid-value', 'Change to `strong`')).includes('invalid-value'));
  });

  it('changes a verb to match the strength, both ways', () => {
    const strong = analyzeText(`${vocab}statement S1 { ${graded}\n  rule r when age < 65 then suggest resection }`);
    const fixedStrong = apply(strong, 'verb-strength-mismatch', 'Change to `recommend`');
    assert.match(fixedStrong.source.text, /then recommend resection/);
    assert.ok(!codes(fixedStrong).includes('verb-strength-mismatch'));
    const conditional = analyzeText(`${vocab}statement S1 { ${graded.replace('strong', 'conditional')}\n  rule r when age < 65 then recommend against resection }`);
    const fixedConditional = apply(conditional, 'verb-strength-mismatch', 'Change to `suggest`');
    assert.match(fixedConditional.source.text, /then suggest against resection/);
    assert.ok(!codes(fixedConditional).includes('verb-strength-mismatch'));
  });

  it('adds missing fields as placeholders that stay flagged until filled in', () => {
    const a = analyzeText(`${vocab}statement S1 "T" {\n  text "Do it."\n  strength conditional\n}`);
    const b = apply(a, 'missing-field', 'Add basis, certainty, agreement (to fill in)');
    assert.equal(b.source.text.slice(vocab.length), `statement S1 "T" {\n  text "Do it."\n  basis TODO\n  certainty TODO\n  votes A 0, B 0, C 0, D 0, E 0\n  strength conditional\n}`);
    assert.ok(!codes(b).includes('missing-field'));
    // Placeholders are warnings, so the fix adds no error; each stays flagged until filled in.
    assert.deepEqual(diagnosticStrings(b, (c) => c === 'placeholder'), [
      '[8:9..8:13] placeholder `TODO` is a placeholder: fill in the basis (`evidence`, `expert_opinion`)',
      '[9:13..9:17] placeholder `TODO` is a placeholder: fill in the certainty (`high`, `moderate`, `low`, `very_low`)',
      "[10:3..10:32] placeholder The votes of `S1` are all 0, a placeholder: enter the panel's votes",
    ]);
    assert.deepEqual(b.findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
    // A placeholder offers each word its field allows.
    const c = apply(b, 'placeholder', 'Change to `expert_opinion`');
    assert.match(c.source.text, /basis expert_opinion/);
  });

  it('adds missing fields to a one-line statement', () => {
    const a = analyzeText('guideline g { panel { consensus 80% } }\nstatement S1 { strength conditional }');
    const b = apply(a, 'missing-field', 'Add basis, certainty, agreement (to fill in)');
    assert.ok(!codes(b).includes('missing-field'));
  });

  it('adds a rationale placeholder to a discordant statement, still flagged until written', () => {
    const a = analyzeText(`${vocab}statement S1 {\n  basis evidence\n  strength strong\n  certainty low\n  agreement 96.2%\n}`);
    const b = apply(a, 'discordant-without-rationale', 'Add a rationale (to fill in)');
    assert.match(b.source.text, /certainty low\n {2}rationale "TODO: [^"]*"\n {2}agreement/);
    assert.deepEqual(diagnosticStrings(b, (c) => c === 'discordant-without-rationale').length, 1);
    assert.match(b.findings.find((f) => f.code === 'discordant-without-rationale')!.message, /still a placeholder/);
    assert.deepEqual(fixesFor(b, 'discordant-without-rationale'), []);
  });

  it('declares an undeclared attribute with the type its use implies', () => {
    const cases: [string, string][] = [
      ['weeks_since_tace < 4 weeks', 'attribute weeks_since_tace: weeks'],
      ['liver_stiffness > 12.5 "kPa"', 'attribute liver_stiffness: number unit "kPa"'],
      ['remnant < 30%', 'attribute remnant: percent'],
      ['cirrhosis', 'attribute cirrhosis: boolean'],
      ['cp = B', 'attribute cp: ChildPugh'],
      ['score between 2 and 5', 'attribute score: number'],
    ];
    for (const [condition, declaration] of cases) {
      const a = analyzeText(`${vocab}statement S1 { ${graded}\n  rule r when ${condition} then recommend resection }`);
      const name = condition.split(' ')[0];
      const b = apply(a, 'unresolved-name', `Declare attribute \`${name}\``);
      assert.ok(b.source.text.includes(`attribute age: years\n${declaration}\n`), b.source.text);
      assert.deepEqual(codes(b).filter((c) => c.startsWith('unresolved') || c === 'unknown-type'), [], condition);
    }
  });

  it('declares an attribute of unknown type with a placeholder type that stays flagged', () => {
    const a = analyzeText(`statement S1 { ${graded} }\ndecision d { ask frailty }`);
    const b = apply(a, 'unresolved-name', 'Declare attribute `frailty`');
    assert.equal(b.source.text, `attribute frailty: TODO\n\nstatement S1 { ${graded} }\ndecision d { ask frailty }`);
    assert.deepEqual(diagnosticStrings(b, (c) => c === 'placeholder' || c === 'unknown-type'), [
      "[1:20..1:24] placeholder `TODO` is a placeholder: fill in the attribute's type (`boolean`, `number`, `percent`, `minutes`, `hours`, `days`, `weeks`, `months`, `years`)",
    ]);
  });

  it('declares an undeclared intervention after the last one', () => {
    const a = analyzeText(`${vocab}statement S1 { ${graded}\n  rule r when age < 65 then recommend haic }`);
    const b = apply(a, 'unresolved-name', 'Declare intervention `haic`');
    assert.ok(b.source.text.includes('intervention resection\nintervention haic\n'));
    assert.ok(!codes(b).includes('unresolved-name'));
  });

  it('declares undeclared references, each label of a range', () => {
    const a = analyzeText(`reference 72 "A"\nstatement S1 { ${graded} cites 72-74, 9 }`);
    let b = apply(a, 'unresolved-reference', 'Declare references 73, 74');
    b = apply(b, 'unresolved-reference', 'Declare reference 9');
    assert.ok(b.source.text.startsWith('reference 72 "A"\nreference 73 "TODO: citation"\nreference 74 "TODO: citation"\nreference 9 "TODO: citation"\n'));
    assert.ok(!codes(b).includes('unresolved-reference'));
  });

  it('declares before the first body declaration when there are no declarations', () => {
    const a = analyzeText('decision d { ask x }');
    // A decision counts as a body declaration: the attribute goes before it.
    assert.match(apply(a, 'unresolved-name', 'Declare attribute `x`').source.text, /^attribute x: TODO\n\ndecision/);
  });
});

describe('quick fixes on every documented example', () => {
  it('each fix leaves the file with no more syntax errors than before', () => {
    const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
    let applied = 0;
    for (const m of docs.matchAll(/```guideline\n([\s\S]*?)```/g)) {
      const a = analyzeText(m[1]);
      for (const f of a.findings) {
        for (const fix of quickFixes(a, f.span)) {
          const after = analyzeText(applyEdits(a.source.text, fix.edits));
          assert.ok(after.source.parse.errors.length <= a.source.parse.errors.length, `"${fix.title}" on:\n${m[1]}\ngives:\n${after.source.text}`);
          applied++;
        }
      }
    }
    assert.ok(applied >= 10, `only ${applied} fixes applied`);
  });
});
