// Hover, completion, quick fixes and the decision tree follow the grading scheme, the
// statement kinds, a rule's own grading, remarks and history.
import * as assert from 'node:assert/strict';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { quickFixes, type TextEdit } from '../../server/src/services/code-actions.js';
import { completions } from '../../server/src/services/completion.js';
import { formatText } from '../../server/src/services/format.js';
import { parse } from '../../grammar/src/index.js';
import { hover } from '../../server/src/services/hover.js';
import { foldingSpans, outline } from '../../server/src/services/outline.js';
import { recommendationLine } from '../../server/src/services/tree/text.js';
import { strengthText, certaintyText } from '../../server/src/render/labels.js';
import { analyzeText, codes, cursor, diagnosticStrings } from '../helpers.js';

const scheme = `guideline g { title "T" grading acc_aha }
grading acc_aha "ACC/AHA class and level" {
  strength I strong, IIa conditional, IIb conditional, III strong
  certainty A high, B_R moderate, B_NR moderate, C_LD low, C_EO very_low
}
intervention statin "Statin therapy"
attribute diabetes: boolean
`;

function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  return hover(analyzeText(text), offset)?.markdown ?? '';
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completions(analyzeText(text), offset).items.map((i) => i.label);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

function fixed(a: Analysis, code: string): Analysis {
  const f = a.findings.find((x) => x.code === code);
  assert.ok(f, `no ${code} in ${JSON.stringify(codes(a))}`);
  const fix = quickFixes(a, f.span).find((x) => x.finding.code === code);
  assert.ok(fix, `no fix for ${code}`);
  return analyzeText(applyEdits(a.source.text, fix.edits));
}

describe('hover on graded statements', () => {
  it('shows the scheme\'s level beside GRADE\'s meaning', () => {
    const md = hoverAt(scheme + 'statement R|1 { basis evidence strength IIa certainty B_R }');
    assert.match(md, /IIa \(GRADE: conditional recommendation\) · certainty B\\_R \(GRADE: ⊕⊕⊕◯ moderate\)/);
    assert.match(md, /Graded in ACC\/AHA class and level/);
    assert.doesNotMatch(md, /Agreement/, 'no vote, no agreement line');
  });

  it('keeps `weak` as written', () => {
    assert.match(hoverAt('statement S|1 { basis evidence strength weak certainty low }'), /weak \(GRADE: conditional recommendation\) · ⊕⊕◯◯ low certainty/);
  });

  it('says "Best practice statement" with no certainty symbols', () => {
    const md = hoverAt('statement B|P1 { kind best_practice text "Wash hands." }');
    assert.match(md, /Best practice statement/);
    assert.doesNotMatch(md, /⊕|◯/);
  });

  it('shows remarks, history and a statement\'s own voters, as text', () => {
    const md = hoverAt('guideline g { panel { voters 52 consensus 80% } }\nstatement S|1 { basis evidence strength strong certainty high voters 48 agreement 87.5% remark "Applies to <b>adults</b>" history revised "Downgraded" }');
    assert.match(md, /History: revised \(Downgraded\)/);
    assert.match(md, /\*Remark:\* Applies to \\<b\\>adults\\<\/b\\>/);
    assert.match(md, /48 voters/);
  });

  it('shows a rule\'s own grading above its statement\'s', () => {
    const md = hoverAt('intervention x\nattribute f: boolean\nstatement S { basis evidence strength strong certainty low rule r|r strength conditional certainty very_low when f then suggest x }');
    assert.match(md, /Own grading: Conditional recommendation · ⊕◯◯◯ very low certainty/);
  });
});

describe('completion of grading values', () => {
  it('offers the active scheme\'s levels for strength and certainty, also on a rule', () => {
    assert.deepEqual(labels(scheme + 'statement S { strength | }'), ['I', 'IIa', 'IIb', 'III']);
    assert.deepEqual(labels(scheme + 'statement S { strength I certainty | }'), ['A', 'B_R', 'B_NR', 'C_LD', 'C_EO']);
    assert.deepEqual(labels(scheme + 'statement S { strength I rule r strength | when diabetes then recommend statin }'), ['I', 'IIa', 'IIb', 'III']);
  });

  it('offers GRADE\'s words (with `weak`) without a scheme', () => {
    assert.deepEqual(labels('statement S { strength | }'), ['strong', 'conditional', 'weak']);
  });

  it('offers the kinds, the history words and the new fields', () => {
    assert.deepEqual(labels('statement S { kind | }'), ['recommendation', 'best_practice', 'informational']);
    assert.deepEqual(labels('statement S { history | }'), ['new', 'revised', 'unchanged']);
    const fields = labels('statement S { kind best_practice\n | }');
    for (const f of ['voters', 'remark', 'history']) assert.ok(fields.includes(f), `${f} in ${fields}`);
    assert.ok(!fields.includes('kind'), 'a field already given is not offered again');
  });

  it('offers GRADE\'s words after a level in a grading block, and the schemes in the header', () => {
    // The next list may also start there: its keyword is offered beside the GRADE words.
    const values = (marked: string) => labels(marked).filter((l) => l !== 'strength' && l !== 'certainty');
    assert.deepEqual(values('grading s { strength I | }'), ['strong', 'conditional', 'weak']);
    assert.deepEqual(values('grading s { strength I strong certainty A | }'), ['high', 'moderate', 'low', 'very_low']);
    assert.deepEqual(labels('guideline g { grading | }\ngrading acc_aha { strength I strong certainty A high }'), ['acc_aha', 'GRADE']);
  });
});

describe('quick fixes for grading', () => {
  it('removes grading from a best practice statement', () => {
    const a = analyzeText('statement BP { kind best_practice\n  strength strong\n  text "Do it." }');
    const after = fixed(a, 'grading-not-allowed');
    assert.equal(after.source.text, 'statement BP { kind best_practice\n  text "Do it." }');
    assert.deepEqual(codes(after), []);
  });

  it('reports a field written twice and removes the earlier one; an ungraded statement loses every occurrence', () => {
    const a = analyzeText('statement S1 { basis evidence\n  strength strong\n  certainty high agreement 90%\n  strength conditional\n  rule r strength strong strength conditional certainty low when a then suggest x\n}\nintervention x\nattribute a: boolean');
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'repeated-field'), [
      '[2:3..2:18] repeated-field `strength` is given again later in statement `S1` (`strength conditional`): only the last counts; remove this one',
      '[5:10..5:25] repeated-field `strength` is given again later in rule `r` (`strength conditional`): only the last counts; remove this one',
    ]);
    const once = fixed(a, 'repeated-field');
    assert.equal(once.source.text.split('\n')[1], '  certainty high agreement 90%');
    assert.equal(codes(once).filter((c) => c === 'repeated-field').length, 1);
    const ungraded = analyzeText('statement BP { kind best_practice\n  strength strong\n  strength conditional\n  text "Do it." }');
    assert.equal(fixed(ungraded, 'grading-not-allowed').source.text, 'statement BP { kind best_practice\n  text "Do it." }');
  });

  it('selects a declared scheme in the header', () => {
    const a = analyzeText('guideline g {\n  title "T"\n}\ngrading s { strength I strong certainty A high }\nstatement S { basis evidence strength I certainty A }');
    const after = fixed(a, 'grading-not-selected');
    assert.match(after.source.text, /^guideline g \{\n {2}grading s\n {2}title "T"/);
    assert.deepEqual(codes(after), []);
  });

  it('does not offer to select a scheme the statements are not written in', () => {
    const a = analyzeText('guideline g {\n  title "T"\n}\ngrading s { strength I strong certainty A high }\nstatement S { basis evidence strength strong certainty high agreement 90% }');
    const f = a.findings.find((x) => x.code === 'grading-not-selected')!;
    assert.ok(f);
    assert.deepEqual(quickFixes(a, f.span).map((x) => x.title), []);
  });

  it('maps an unmapped level, removes a repeated one and corrects a GRADE word', () => {
    const base = 'grading s { strength I strong, II certainty A high }';
    assert.match(fixed(analyzeText(base), 'grading-unmapped-level').source.text, /II strong certainty/);
    assert.equal(fixed(analyzeText('grading s { strength I strong, I weak certainty A high }'), 'grading-duplicate-level').source.text, 'grading s { strength I strong certainty A high }');
    assert.deepEqual(codes(fixed(analyzeText('grading s { strength I strog certainty A high }'), 'grading-invalid-grade')), []);
  });

  it('offers the levels that mean a GRADE word written under another scheme', () => {
    const a = analyzeText(scheme + 'statement S { basis evidence strength strong certainty A }');
    const f = a.findings.find((x) => x.code === 'invalid-value')!;
    assert.deepEqual(quickFixes(a, f.span).map((x) => x.title), ['Change to `I`', 'Change to `III`']);
  });
});

describe('tree leaves in another scheme', () => {
  const rec = { rule: 'r', statement: 'R1', verb: 'suggest' as const, against: false, intervention: 'statin' };

  it('show the level beside GRADE\'s meaning, and a best practice without certainty', () => {
    const graded = { ...rec, strength: 'conditional' as const, certainty: 'moderate' as const, strengthLevel: 'IIa', certaintyLevel: 'B_R' };
    assert.equal(strengthText(graded), 'IIa (conditional) for');
    assert.equal(certaintyText(graded), 'B_R ⊕⊕⊕◯ moderate');
    assert.match(recommendationLine(graded), /\[R1: IIa \(conditional\) for, B_R \(⊕⊕⊕◯ moderate\); rule r\]/);
    const bp = { ...rec, verb: 'recommend' as const, bestPractice: true };
    assert.equal(certaintyText(bp), 'best practice');
    assert.doesNotMatch(recommendationLine(bp), /⊕|strong/);
  });
});

describe('formatting the grading constructs', () => {
  it('lays out a scheme, the header\'s selection, the new fields and a rule\'s own grading, and is stable', () => {
    const messy = 'guideline g {\n  title "t"   grading   s\n  panel { voters -3 }\n}\ngrading s "S" { strength I strong, II weak certainty A high }\n'
      + 'statement S { kind best_practice voters -2 remark "a" remark "b" history new "n"\n rule r strength I certainty A when f then recommend x }\n';
    const formatted = formatText(messy, parse(messy));
    assert.equal(formatted, [
      'guideline g {', '  title "t"', '  grading s', '  panel {', '    voters -3', '  }', '}',
      'grading s "S" {', '  strength I strong, II weak', '  certainty A high', '}',
      'statement S {', '  kind best_practice', '  voters -2', '  remark "a"', '  remark "b"', '  history new "n"',
      '  rule r strength I certainty A', '    when f', '    then recommend x', '}', '',
    ].join('\n'));
    assert.equal(formatText(formatted, parse(formatted)), formatted);
  });
});

describe('outline of a file with a grading scheme', () => {
  it('lists the scheme among the grading schemes and folds it', () => {
    const a = analyzeText(scheme + 'statement R1 { basis evidence strength I certainty A }');
    assert.deepEqual(outline(a).map((i) => [i.kind, i.name, i.children.map((c) => c.name).join()]), [
      ['guideline', 'g', ''], ['statement', 'R1', ''], ['group', 'Attributes', 'diabetes'], ['group', 'Interventions', 'statin'], ['group', 'Grading schemes', 'acc_aha'],
    ]);
    const g = a.source.parse.ast.gradings[0];
    assert.ok(foldingSpans(a).some((f) => f.span.start === g.span.start && f.span.end === g.span.end));
  });
});
