// UCUM units: aliases, conversion between commensurable units in conditions and cases,
// unknown units with the nearest known ones, durations in minutes and hours, molar mass;
// the operators `≤ ≥ ≠`, and `&& || !` reported with a quick fix.
import * as assert from 'node:assert/strict';
import { parse } from '../../grammar/src/index.js';
import { evaluateCases } from '../../server/src/logic/consistency/cases.js';
import { consistencyOf } from '../../server/src/logic/engine.js';
import { lookupUnit, normaliseUnit } from '../../server/src/model/units.js';
import { quickFixes } from '../../server/src/services/code-actions.js';
import { analyzeText, codes, diagnosticStrings } from '../helpers.js';
import { statement } from '../consistency/support.js';

const vocab = `attribute map: number unit "mm[Hg]" "Mean arterial pressure"
attribute lactate: number unit "mmol/L" molar_mass 90.08 "Serum lactate"
attribute glucose: number unit "mmol/L"
attribute albumin: number unit "g/L"
attribute creatinine: number unit "umol/L"
attribute hbv: number unit "IU/mL"
attribute peep: number unit "cmH2O"
attribute dose: number unit "mcg"
attribute hours_since: hours
attribute minutes_since: minutes
intervention x
intervention y
`;

const unitCodes = new Set(['unit-mismatch', 'unknown-unit', 'invalid-molar-mass', 'quantity-out-of-range', 'type-mismatch', 'syntax']);

function findings(rules: string, more = ''): string[] {
  return diagnosticStrings(analyzeText(`${vocab}${statement('S1', rules)}${more}`), (c) => unitCodes.has(c));
}

/** The cases' outcomes: title -> passed. */
function caseOutcomes(rules: string, cases: string): [string, boolean][] {
  const a = analyzeText(`${vocab}${statement('S1', rules)}${cases}`);
  return evaluateCases(consistencyOf(a)).map((r) => [r.title, r.passed]);
}

describe('units (UCUM)', () => {
  it('normalises the common clinical spellings to UCUM codes', () => {
    assert.deepEqual(
      ['mmHg', 'mm Hg', 'mcg', 'µg', 'μg/L', 'IU/mL', 'kIU/L', 'mIU/mL', 'cmH2O', 'mEq/L', 'mL/hr', '[IU]/mL'].map(normaliseUnit),
      ['mm[Hg]', 'mm[Hg]', 'ug', 'ug', 'ug/L', '[IU]/mL', 'k[IU]/L', 'm[IU]/mL', 'cm[H2O]', 'meq/L', 'mL/h', '[IU]/mL'],
    );
    for (const u of ['mmHg', 'mm Hg', 'kPa', 'mg/dL', 'µmol/L', 'cmH2O', '10*9/L']) assert.ok(lookupUnit(u).ok, u);
  });

  it('accepts every commensurable unit in conditions: kPa and mm[Hg], mg/dL and g/L, µmol/L and mmol/L, IU', () => {
    for (const ok of [
      'map < 8.7 "kPa"', 'map < 65 "mmHg"', 'map < 65 "mm Hg"', 'albumin < 3 "g/dL"', 'albumin < 300 "mg/dL"',
      'creatinine > 0.1 "mmol/L"', 'glucose < 5000 "umol/L"', 'hbv > 2000000 "IU/L"', 'hbv > 2 "kIU/L"',
      'peep > 0.5 "kPa"', 'dose > 1 "mg"', 'hours_since < 30 minutes', 'hours_since < 1 day', 'minutes_since <= 1 hour',
      'lactate < 18 "mg/dL"',
    ]) {
      assert.deepEqual(findings(`rule r when ${ok} then suggest x`), [], ok);
    }
  });

  it('compares converted values exactly: 65 mm[Hg] is 8.666 kPa', () => {
    const rules = 'rule low when map < 8.666 "kPa" then suggest x';
    assert.deepEqual(
      caseOutcomes(rules, `
case "64 mmHg" { given map = 64 "mmHg" expect suggest x }
case "66 mmHg" { given map = 66 "mm Hg" expect nothing }
case "8 kPa" { given map = 8 "kPa" expect suggest x }`),
      [['64 mmHg', true], ['66 mmHg', true], ['8 kPa', true]],
    );
  });

  it('converts mass and molar concentrations through the molar mass, and only through it', () => {
    // 18 mg/dL of lactate (90.08 g/mol) is 1.998 mmol/L.
    const rules = 'rule high when lactate >= 2 then suggest x';
    assert.deepEqual(
      caseOutcomes(rules, `
case "17 mg/dL" { given lactate = 17 "mg/dL" expect nothing }
case "18.1 mg/dL" { given lactate = 18.1 "mg/dL" expect suggest x }`),
      [['17 mg/dL', true], ['18.1 mg/dL', true]],
    );
    assert.deepEqual(findings('rule r when glucose < 90 "mg/dL" then suggest x'), [
      '[14:23..14:33] unit-mismatch `glucose` is measured in mmol/L (a molar concentration), but `90 "mg/dL"` is a mass concentration: mass and molar amounts convert only through a molar mass; add `molar_mass` (g/mol) to `glucose`',
    ]);
  });

  it('names both units and their dimensions when they do not convert', () => {
    assert.deepEqual(findings('rule r when map < 5 "mmol/L" then suggest x'), [
      '[14:19..14:29] unit-mismatch `map` is measured in mm[Hg] (a pressure), but `5 "mmol/L"` is a molar concentration',
    ]);
    assert.deepEqual(findings('rule r when hours_since < 2 "kPa" then suggest x'), [
      '[14:27..14:34] unit-mismatch `hours_since` is measured in hours, but `2 "kPa"` is a pressure',
    ]);
  });

  it('reports an unknown unit with the nearest known ones, on declarations and quantities, with a quick fix', () => {
    const a = analyzeText(`attribute k: number unit "mmoll/L"\nattribute m: number unit "mmol/L"\n${statement('S1', 'rule r when m > 2 "mmhg" then suggest x')}\nintervention x`);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'unknown-unit'), [
      '[1:26..1:35] unknown-unit `mmoll/L` is not a unit UCUM knows; did you mean `mmol/L`, `mol/L` or `nmol/L`?',
      '[4:19..4:25] unknown-unit `mmhg` is not a unit UCUM knows; did you mean `mm[Hg]`?',
    ]);
    const fix = quickFixes(a, a.findings.find((f) => f.code === 'unknown-unit')!.span).find((f) => f.finding.code === 'unknown-unit');
    assert.deepEqual(fix?.edits.map((e) => e.newText), ['"mmol/L"'], 'the nearest first');
    assert.deepEqual(diagnosticStrings(analyzeText(`attribute h: hours\n${statement('S1', 'rule r when h < 2 hourz then suggest x')}\nintervention x`), (c) => c === 'unknown-unit'), [
      '[3:19..3:24] unknown-unit `hourz` is not a unit UCUM knows; did you mean `hour` or `hours`?',
    ]);
  });

  it('rejects a molar mass of 0 or below, or on an attribute without a unit', () => {
    const a = analyzeText(`attribute a: number unit "mmol/L" molar_mass 0\nattribute b: percent molar_mass 90`);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'invalid-molar-mass'), [
      '[1:35..1:47] invalid-molar-mass A molar mass must be a positive number of g/mol, not `0`',
      '[2:22..2:35] invalid-molar-mass `molar_mass` applies only to a `number unit "..."` attribute (a mass or molar concentration)',
    ]);
  });

  it('reports a quantity too large to compare, without an exception', () => {
    const huge = '9'.repeat(320);
    const a = analyzeText(`${vocab}case "c" { given minutes_since = ${huge} years expect nothing }\ncase "d" { given minutes_since = 9999999999999999 weeks expect nothing }`);
    assert.deepEqual(codes(a).filter((c) => unitCodes.has(c)), ['quantity-out-of-range']);
  });
});

describe('operators', () => {
  it('reads `≤ ≥ ≠` as `<= >= !=`', () => {
    const r = parse('statement S { rule r when a ≤ 3 and b ≥ 4 and c ≠ 5 then suggest x }');
    assert.deepEqual(r.errors, []);
    const rule = r.ast.declarations[0].kind === 'Statement' ? r.ast.declarations[0].rules[0] : undefined;
    const ops = rule?.when?.kind === 'And' ? rule.when.operands.map((o) => (o.kind === 'Compare' ? o.op : o.kind)) : [];
    assert.deepEqual(ops, ['<=', '>=', '!=']);
  });

  it('reads `&& || !` as the words, reports each, and fixes each to its word', () => {
    const text = `attribute a: boolean\nattribute b: boolean\nintervention x\n${statement('S1', 'rule r when a && !b || (!a) then suggest x')}\ncase "c" { given a = true, b = false expect suggest x }`;
    const a = analyzeText(text);
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'symbolic-operator').map((s) => s.replace(/ Write.*/, '')), [
      '[5:15..5:17] symbolic-operator',
      '[5:18..5:19] symbolic-operator',
      '[5:21..5:23] symbolic-operator',
      '[5:25..5:26] symbolic-operator',
    ]);
    assert.deepEqual(codes(a).filter((c) => c.startsWith('case')), [], 'the condition is read as written with words');
    let fixed = text;
    for (let i = 0; i < 4; i++) {
      const b = analyzeText(fixed);
      const f = b.findings.find((x) => x.code === 'symbolic-operator');
      if (!f) break;
      const fix = quickFixes(b, f.span).find((q) => q.finding.code === 'symbolic-operator')!;
      fixed = fixed.slice(0, fix.edits[0].span.start) + fix.edits[0].newText + fixed.slice(fix.edits[0].span.end);
    }
    assert.match(fixed, /when a and not b or \(not a\) then/);
    assert.deepEqual(codes(analyzeText(fixed)).filter((c) => c === 'symbolic-operator' || c === 'syntax'), []);
  });
});
