// Grading beyond plain GRADE with a Delphi vote: declared schemes and their mapping, `weak`,
// statement kinds, agreement only where the panel voted, a statement's own voters, a rule's
// own grading, remarks and history. Every bad input gets its own code and the rest of the
// file is still checked.
import * as assert from 'node:assert/strict';
import { nearestAttainable } from '../../server/src/checks/agreement.js';
import { ruleGrading, statementGrading } from '../../server/src/model/grading.js';
import { exportModel } from '../../server/src/services/model-data.js';
import { analyzeText, codes, diagnosticStrings, spanText } from '../helpers.js';

const accAha = `grading acc_aha "ACC/AHA class and level" {
  strength I strong, IIa conditional, IIb conditional, III strong
  certainty A high, B_R moderate, B_NR moderate, C_LD low, C_EO very_low
}
`;
const header = (extra = '') => `guideline g { title "T" grading acc_aha ${extra}}\n${accAha}intervention statin\nattribute diabetes: boolean\n`;

function only(text: string, wanted: string[]): string[] {
  return diagnosticStrings(analyzeText(text), (c) => wanted.includes(c));
}

function messages(text: string, code: string): string[] {
  return analyzeText(text).findings.filter((f) => f.code === code).map((f) => f.message);
}

describe('grading schemes', () => {
  it('grades statements in the selected scheme, through its GRADE mapping', () => {
    const text = header() + `statement R1 { basis evidence strength IIa certainty B_R rule r when diabetes then suggest statin }`;
    const a = analyzeText(text);
    assert.deepEqual(codes(a).filter((c) => c !== 'unused-declaration'), []);
    const decl = a.source.parse.ast.declarations.find((d) => d.kind === 'Statement');
    assert.ok(decl && decl.kind === 'Statement');
    const g = statementGrading(a, decl);
    assert.deepEqual([g.written.strength, g.strength, g.written.certainty, g.certainty, g.scheme], ['IIa', 'conditional', 'B_R', 'moderate', 'acc_aha']);
  });

  it('reads verb and strength through the mapping: class I rules recommend, class IIa rules suggest', () => {
    const text = header() + `statement R1 { basis evidence strength I certainty A rule r when diabetes then suggest statin }`;
    assert.deepEqual(messages(text, 'verb-strength-mismatch'), [
      'Rule `r` says `suggest`, but `R1` is I (strong in GRADE): a strong statement\'s rules say `recommend`',
    ]);
  });

  it('finds a discordant recommendation through the mapping', () => {
    const text = header() + `statement R1 { basis evidence strength III certainty C_EO }`;
    assert.match(messages(text, 'discordant-without-rationale')[0], /strong recommendation on very low certainty/);
  });

  it('rejects a value outside the scheme, with the levels that mean it, and offers them as fixes', () => {
    const text = header() + `statement R1 { basis evidence strength strong certainty B_RR }`;
    const a = analyzeText(text);
    const found = a.findings.filter((f) => f.code === 'invalid-value');
    assert.deepEqual(found.map((f) => [spanText(a, f.span), f.message, f.data?.suggestions]), [
      ['strong', '`strong` is not a strength of the grading scheme `acc_aha`: use `I`, `IIa`, `IIb`, `III`; in `acc_aha`, GRADE\'s strong is `I` or `III`', ['I', 'III']],
      ['B_RR', '`B_RR` is not a certainty of the grading scheme `acc_aha`: use `A`, `B_R`, `B_NR`, `C_LD`, `C_EO`; did you mean `B_NR` or `B_R`?', ['B_NR', 'B_R']],
    ]);
  });

  it('says when a level belongs to a declared scheme the header does not select', () => {
    const text = `guideline g { title "T" }\n${accAha}statement R1 { basis evidence strength IIa certainty low }`;
    assert.match(messages(text, 'invalid-value')[0], /`IIa` is a level of `acc_aha`, which the guideline header does not select: add `grading acc_aha` to it/);
    assert.deepEqual(only(text, ['grading-not-selected']), [
      '[2:9..2:16] grading-not-selected The grading scheme `acc_aha` is declared, but the guideline header selects none: statements are graded in GRADE; add `grading acc_aha` to the header to use it',
    ]);
  });

  it('reports a header that selects an undeclared scheme, with a suggestion', () => {
    const text = `guideline g { grading acc_ahaa }\n${accAha}`;
    assert.deepEqual(messages(text, 'unresolved-name'), [
      'No grading scheme `acc_ahaa` is declared: declare it with `grading acc_ahaa { strength ... certainty ... }`, or use the built-in `GRADE`; did you mean `acc_aha`?',
    ]);
  });

  it('reports every kind of broken scheme precisely, and still checks the rest of the file', () => {
    const text = `guideline g { grading bad }
grading bad {
  strength I strog, II, I conditional, conditional strong
  certainty
}
statement S1 { basis evidence strength I certainty high }`;
    const a = analyzeText(text);
    const found = a.findings.filter((f) => f.code.startsWith('grading-')).map((f) => `${f.code} ${spanText(a, f.span)}`);
    assert.deepEqual(found, [
      'grading-invalid-grade strog',
      'grading-unmapped-level II',
      'grading-duplicate-level I conditional',
      'grading-ambiguous-level conditional strong',
      'grading-empty certainty',
    ]);
    // The rest of the file: `I` is not a level (its GRADE word is unknown), `high` is no certainty of `bad`.
    assert.deepEqual(a.findings.filter((f) => f.code === 'invalid-value').map((f) => spanText(a, f.span)), ['I', 'high']);
  });

  it('reports an empty scheme and a scheme named like the built-in one', () => {
    assert.deepEqual(codes(analyzeText('grading empty { }')), ['grading-empty', 'grading-empty']);
    assert.ok(codes(analyzeText('grading GRADE { strength a strong certainty b high }')).includes('duplicate-name'));
  });
});

describe('GRADE\'s `weak`', () => {
  const text = `guideline g { title "T" }\nintervention x\nattribute f: boolean\nstatement S { basis evidence strength weak certainty low rule r when f then suggest x }`;

  it('is conditional for every check, and is kept as written', () => {
    const a = analyzeText(text);
    assert.deepEqual(codes(a), []);
    const s = exportModel(a).statements[0];
    assert.equal(s.strength, 'weak');
    assert.deepEqual(s.grade, { strength: 'conditional', certainty: 'low' });
    assert.equal(messages(text.replace('then suggest', 'then recommend'), 'verb-strength-mismatch').length, 1);
  });
});

describe('statement kinds', () => {
  const panel = 'guideline g { panel { voters 10 consensus 80% } }\nintervention x\nattribute f: boolean\n';

  it('asks no grading or agreement of a best practice statement; its rules recommend', () => {
    const text = panel + 'statement BP1 { kind best_practice text "Do x." rule r when f then recommend x }';
    assert.deepEqual(codes(analyzeText(text)), []);
    assert.deepEqual(messages(text.replace('then recommend', 'then suggest'), 'verb-strength-mismatch'), [
      'Rule `r` says `suggest`, but `BP1` is a best practice statement: its rules say `recommend`',
    ]);
  });

  it('reports grading on an ungraded statement, at each graded field, with a removal fix target', () => {
    const text = panel + 'statement BP1 { kind best_practice strength strong certainty low rule r strength strong when f then recommend x }';
    assert.deepEqual(only(text, ['grading-not-allowed', 'invalid-value', 'missing-field']).map((s) => s.replace(/ `BP1`.*/, '')), [
      '[4:36..4:51] grading-not-allowed',
      '[4:52..4:65] grading-not-allowed',
      '[4:73..4:88] grading-not-allowed',
    ]);
  });

  it('reports a rule under an informational statement, and its rule-level grading', () => {
    const text = panel + 'statement D1 { kind informational text "Definition." rule r certainty low when f then recommend x }';
    const a = analyzeText(text);
    assert.deepEqual(codes(a).sort(), ['grading-not-allowed', 'informational-rule']);
    assert.equal(exportModel(a).statements[0].kind, 'informational');
  });

  it('reports a misspelt kind with a suggestion and treats the statement as a recommendation', () => {
    const text = panel + 'statement S { kind best_practise }';
    assert.deepEqual(messages(text, 'invalid-value'), [
      '`best_practise` is not a statement kind: use `recommendation`, `best_practice`, `informational`; did you mean `best_practice`?',
    ]);
    assert.ok(codes(analyzeText(text)).includes('missing-field'));
  });
});

describe('consensus only where there was a vote', () => {
  const body = 'intervention x\nattribute f: boolean\nstatement S { basis evidence strength strong certainty high rule r when f then recommend x }';

  it('asks no agreement without a panel, nor of a panel that sets no consensus', () => {
    assert.deepEqual(codes(analyzeText(body)), []);
    assert.deepEqual(codes(analyzeText('guideline g { panel { voters 10 } }\n' + body)), []);
  });

  it('asks for agreement when the panel sets consensus', () => {
    assert.deepEqual(messages('guideline g { panel { voters 10 consensus 75% } }\n' + body, 'missing-field'), [
      '`S` has no agreement (or votes): every recommendation states its basis, strength, certainty and agreement',
    ]);
  });

  it('still checks the arithmetic of agreement that is given', () => {
    const text = 'guideline g { panel { voters 10 } }\n' + body.replace('certainty high', 'certainty high votes A 5, B 2, C 1');
    assert.deepEqual(messages(text, 'votes-total'), ['The votes of `S` add up to 8, but the panel has 10 voters']);
  });
});

describe('a statement\'s own voters', () => {
  const head = 'guideline g { panel { voters 52 consensus 80% } }\n';

  it('override the panel\'s for vote sums and attainable percentages', () => {
    const votes = head + 'statement S { basis evidence strength strong certainty high voters 48 votes A 40, B 8, C 0, D 0, E 0 }';
    assert.deepEqual(messages(votes, 'votes-total'), []);
    assert.deepEqual(messages(votes.replace('voters 48', 'voters 50'), 'votes-total'), ['The votes of `S` add up to 48, but the statement has 50 voters']);
    // 87.5% is 42 of 48, but no whole number of 52.
    const pct = head + 'statement S { basis evidence strength strong certainty high voters 48 agreement 87.5% }';
    assert.deepEqual(messages(pct, 'unattainable-percentage'), []);
    assert.match(messages(pct.replace('voters 48 ', ''), 'unattainable-percentage')[0], /the panel's 52 voters/);
  });

  it('must be a whole number from 1 up, each bad count with its own message', () => {
    const bad = (n: string) => messages(`statement S { voters ${n} agreement 50% }`, 'invalid-voters');
    assert.deepEqual(bad('0'), ['`voters 0` is zero: a vote needs at least one voter; the vote arithmetic leaves it out']);
    assert.deepEqual(bad('-3'), ['`voters -3` is negative; the vote arithmetic leaves it out']);
    assert.deepEqual(bad('2.5'), ['`voters 2.5` is not a whole number of voters; the vote arithmetic leaves it out']);
    assert.match(bad('9'.repeat(400))[0], /^`voters 9{20}…` is more voters than can be counted exactly/);
    assert.deepEqual(bad('52'), []);
    assert.deepEqual(messages('guideline g { panel { voters 0 } }', 'invalid-voters').length, 1);
  });

  it('of a trillion are checked in closed form, without counting them one by one', () => {
    const text = 'statement S { basis evidence strength strong certainty high voters 1000000000000 votes A 999999999999, B 0, C 1 agreement 95% }';
    assert.deepEqual(messages(text, 'votes-total'), []);
    assert.match(messages(text, 'agreement-votes-mismatch')[0], /999999999999 of 1000000000000 agreeing/);
    const n = nearestAttainable(80.5, 1, 1e12);
    assert.deepEqual([n.below?.text, n.above?.text], ['80.4', '80.6']);
  });

  it('gives the same nearest attainable percentages as counting every voter', () => {
    const counted = (percent: number, decimals: number, voters: number) => {
      const tol = 0.5 * 10 ** -decimals + 1e-9;
      let below: number | undefined;
      let above: number | undefined;
      for (let k = 0; k <= voters; k++) {
        const p = (100 * k) / voters;
        if (p < percent - tol) below = k;
        else if (p > percent + tol && above === undefined) above = k;
      }
      return [below, above];
    };
    for (const voters of [1, 3, 7, 52, 97]) {
      for (const [percent, decimals] of [[0, 0], [80, 0], [80, 1], [33.3, 1], [99.9, 1], [100, 0], [50.55, 2]] as const) {
        const n = nearestAttainable(percent, decimals, voters);
        assert.deepEqual([n.below?.k, n.above?.k], counted(percent, decimals, voters), `${percent} (${decimals}) of ${voters}`);
      }
    }
  });
});

describe('a rule\'s own grading', () => {
  const text = `intervention abx\nattribute shock: boolean\nattribute possible: boolean
statement R3 { basis evidence strength strong certainty low rationale "Benefit outweighs harm"
  rule shock_first when shock then recommend abx
  rule possible_later strength conditional certainty very_low when possible and not shock then suggest abx
}`;

  it('overrides the statement\'s grading for that rule everywhere it is read', () => {
    const a = analyzeText(text);
    assert.deepEqual(codes(a), []);
    const decl = a.source.parse.ast.declarations.find((d) => d.kind === 'Statement');
    assert.ok(decl && decl.kind === 'Statement');
    assert.deepEqual([ruleGrading(a, decl, decl.rules[0]).strength, ruleGrading(a, decl, decl.rules[1]).strength], ['strong', 'conditional']);
    const rules = exportModel(a).statements[0].rules;
    assert.deepEqual(rules.map((r) => [r.id, r.ownGrading, r.strength, r.certainty, r.grade.strength]), [
      ['shock_first', false, 'strong', 'low', 'strong'],
      ['possible_later', true, 'conditional', 'very_low', 'conditional'],
    ]);
  });

  it('is what the verb is checked against', () => {
    assert.deepEqual(messages(text.replace('then suggest abx', 'then recommend abx'), 'verb-strength-mismatch'), [
      'Rule `possible_later` says `recommend`, but its own strength is conditional: a conditional rule says `suggest`',
    ]);
  });

  it('is checked against the scheme like a statement\'s', () => {
    assert.deepEqual(messages(text.replace('strength conditional certainty', 'strength conditionl certainty'), 'invalid-value'), [
      '`conditionl` is not a strength: use `strong`, `conditional`, `weak`; did you mean `conditional`?',
    ]);
  });
});

describe('remarks and history', () => {
  it('are kept by inspect', () => {
    const a = analyzeText('statement S { basis evidence strength weak certainty low remark "One" remark "Two" history revised "Downgraded from strong to weak" }');
    const s = exportModel(a).statements[0];
    assert.deepEqual(s.remarks, ['One', 'Two']);
    assert.deepEqual(s.history, { status: 'revised', note: 'Downgraded from strong to weak' });
    assert.deepEqual(messages('statement S { history changed }', 'invalid-value'), ['`changed` is not a history: use `new`, `revised`, `unchanged`; did you mean `unchanged`?']);
  });
});

describe('votes too large for a double', () => {
  it('count as not given: no Infinity reaches the model, and the number is reported', () => {
    const head = 'guideline g { panel { voters 52 agree A, B } }\nstatement S { basis evidence strength conditional certainty low ';
    const huge = '9'.repeat(400);
    const big = '9'.repeat(308);
    for (const votes of [`votes A ${huge}, B 3`, `votes A ${big}, A ${big}`, `votes A ${big}, B ${big}`]) {
      const a = analyzeText(`${head}${votes} }`);
      const s = exportModel(a).statements[0];
      const json = JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'NON-FINITE' : v));
      assert.ok(!json.includes('NON-FINITE'), json);
      for (const d of diagnosticStrings(a)) assert.ok(!d.includes('Infinity'), d);
    }
    assert.ok(codes(analyzeText(`${head}votes A ${huge}, B 3 }`)).includes('number-too-large'));
  });
});
