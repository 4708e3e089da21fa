import * as assert from 'node:assert/strict';
import { parse, type Declaration, type Expr, type StatementDecl } from '../../grammar/src/index.js';

/** The AST without positions, so expectations read like the source. */
function shape(value: unknown): unknown {
  // Positions left out: spans, and the `start` and `end` of the nodes that are their own span.
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (['span', 'keyword', 'verbSpan', 'opSpan', 'setSpan', 'body', 'start', 'end'].includes(key) ? undefined : v)));
}

function only<T extends Declaration['kind']>(text: string, kind: T): Extract<Declaration, { kind: T }> {
  const r = parse(text);
  assert.deepEqual(r.errors, [], 'no syntax errors');
  assert.equal(r.ast.declarations.length, 1);
  const d = r.ast.declarations[0];
  assert.equal(d.kind, kind);
  return d as Extract<Declaration, { kind: T }>;
}

function condition(text: string): unknown {
  const s = only(`statement S { rule r when ${text} then recommend x }`, 'Statement');
  return shape(s.rules[0].when);
}

const name = (text: string) => ({ text });
const qty = (text: string, unit?: string) => ({ kind: 'Quantity', number: { value: Number(text), text }, negative: false, ...(unit ? { unit: { text: unit } } : {}) });
const sym = (text: string) => ({ kind: 'Symbol', text });

describe('parser: every construct', () => {
  it('guideline header with its panel', () => {
    const r = parse('guideline g { title "T" doi "10.1/x" panel { voters 52 agree A, B consensus 80% strong 70% } }');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(shape(r.ast.header), {
      kind: 'Guideline',
      name: name('g'),
      title: { value: { value: 'T' } },
      doi: { value: { value: '10.1/x' } },
      panel: {
        kind: 'Panel',
        voters: { value: { value: 52, text: '52' } },
        agree: { value: [name('A'), name('B')] },
        consensus: { value: { value: 80, text: '80' } },
        strong: { value: { value: 70, text: '70' } },
      },
    });
  });

  it('use', () => {
    const r = parse('use "hcc-vocabulary.guideline"');
    assert.deepEqual(shape(r.ast.uses), [{ kind: 'Use', path: { value: 'hcc-vocabulary.guideline' } }]);
  });

  it('enum with a description', () => {
    assert.deepEqual(shape(only('enum Response "mRECIST response" { CR, PR, SD, PD }', 'Enum')), {
      kind: 'Enum', name: name('Response'), description: { value: 'mRECIST response' }, members: ['CR', 'PR', 'SD', 'PD'].map(name),
      memberDescriptions: [null, null, null, null],
    });
  });

  it('enum members with descriptions of their own', () => {
    const d = only('enum Response { CR "Complete response", PR, SD "Stable disease", PD }', 'Enum');
    assert.deepEqual(d.members.map((m) => m.text), ['CR', 'PR', 'SD', 'PD']);
    assert.deepEqual(d.memberDescriptions.map((m) => m?.value), ['Complete response', undefined, 'Stable disease', undefined]);
  });

  it('a member description without its comma is a syntax error that keeps the members', () => {
    const r = parse('enum Response { CR "Complete response" PR }\nattribute r: Response');
    assert.ok(r.errors.length > 0);
    const d = r.ast.declarations.find((x) => x.kind === 'Enum');
    assert.ok(d && d.kind === 'Enum' && d.members.some((m) => m.text === 'CR'));
    assert.ok(r.ast.declarations.some((x) => x.kind === 'Attribute'), 'the next declaration still parses');
  });

  it('attributes of every type', () => {
    const types = { a: 'boolean', b: 'percent', c: 'years', d: 'weeks', e: 'CnlcStage' };
    for (const [n, t] of Object.entries(types)) {
      assert.deepEqual(shape(only(`attribute ${n}: ${t} "D"`, 'Attribute')), { kind: 'Attribute', name: name(n), type: { name: name(t) }, description: { value: 'D' } });
    }
    assert.deepEqual(shape(only('attribute hbv_dna: number unit "IU/mL" "HBV DNA"', 'Attribute')), {
      kind: 'Attribute', name: name('hbv_dna'), type: { name: name('number'), unit: { value: 'IU/mL' } }, description: { value: 'HBV DNA' },
    });
  });

  it('intervention and reference', () => {
    assert.deepEqual(shape(only('intervention haic "HAIC"', 'Intervention')), { kind: 'Intervention', name: name('haic'), description: { value: 'HAIC' } });
    assert.deepEqual(shape(only('reference 72 "Cite." doi "10.1/y" pmid 123', 'Reference')), {
      kind: 'Reference', name: name('72'), citation: { value: 'Cite.' }, doi: { value: { value: '10.1/y' } }, pmid: { value: name('123') },
    });
  });

  it('statement with every field', () => {
    const s = only(`statement S8 "Title" {
      text """First line
              second line"""
      basis evidence
      strength conditional
      certainty very_low
      agreement 90.4%
      votes A 30, B 17, C 3
      endorsed_strong 75%
      cites 72-76, 83
      section "Sec"
      rationale "Why"
      status draft
    }`, 'Statement') as StatementDecl;
    assert.deepEqual(shape(s), {
      kind: 'Statement',
      name: name('S8'),
      title: { value: 'Title' },
      text: { value: { value: 'First line\nsecond line' } },
      basis: { value: name('evidence') },
      strength: { value: name('conditional') },
      certainty: { value: name('very_low') },
      agreement: { value: { value: 90.4, text: '90.4' } },
      votes: { value: [['A', '30'], ['B', '17'], ['C', '3']].map(([g, c]) => ({ grade: name(g), count: { value: Number(c), text: c } })) },
      endorsedStrong: { value: { value: 75, text: '75' } },
      cites: { value: [{ from: name('72'), to: name('76') }, { from: name('83') }] },
      section: { value: { value: 'Sec' } },
      rationale: { value: { value: 'Why' } },
      status: { value: name('draft') },
      remarks: [],
      rules: [],
    });
  });

  it('rules with every verb', () => {
    const s = only(`statement S {
      rule a when x then recommend p
      rule b when x then suggest p, q
      rule c when x then recommend against p
      rule d when x then suggest against p
    }`, 'Statement');
    assert.deepEqual(shape(s.rules.map((r) => r.then)), [
      { verb: 'recommend', against: false, interventions: [name('p')] },
      { verb: 'suggest', against: false, interventions: [name('p'), name('q')] },
      { verb: 'recommend', against: true, interventions: [name('p')] },
      { verb: 'suggest', against: true, interventions: [name('p')] },
    ]);
  });

  it('conditions: comparisons, sets, between, flags, not, precedence and parentheses', () => {
    assert.deepEqual(condition('age < 65 years'), { kind: 'Compare', attribute: name('age'), op: '<', value: qty('65', 'years') });
    assert.deepEqual(condition('hbv >= 2000 "IU/mL"'), { kind: 'Compare', attribute: name('hbv'), op: '>=', value: qty('2000', 'IU/mL') });
    assert.deepEqual(condition('stage != IIIb'), { kind: 'Compare', attribute: name('stage'), op: '!=', value: sym('IIIb') });
    assert.deepEqual(condition('resectable = false'), { kind: 'Compare', attribute: name('resectable'), op: '=', value: { kind: 'Bool', value: false } });
    assert.deepEqual(condition('stage in { IIIa, IIIb }'), { kind: 'In', attribute: name('stage'), values: [sym('IIIa'), sym('IIIb')] });
    assert.deepEqual(condition('flr between 30% and 40%'), { kind: 'Between', attribute: name('flr'), low: qty('30', '%'), high: qty('40', '%') });
    assert.deepEqual(condition('a or b and not c'), {
      kind: 'Or', operands: [{ kind: 'Flag', attribute: name('a') }, { kind: 'And', operands: [{ kind: 'Flag', attribute: name('b') }, { kind: 'Not', operand: { kind: 'Flag', attribute: name('c') } }] }],
    });
    assert.deepEqual(condition('(a or b) and c'), {
      kind: 'And', operands: [{ kind: 'Or', operands: [{ kind: 'Flag', attribute: name('a') }, { kind: 'Flag', attribute: name('b') }] }, { kind: 'Flag', attribute: name('c') }],
    });
  });

  it('cases with every kind of expectation', () => {
    const c = only(`case "Stage IIIa" {
      given stage = IIIa, age = 70 years, resectable = true
      expect recommend conversion_therapy
      expect only suggest against haic
      expect nothing
    }`, 'Case');
    assert.deepEqual(shape(c), {
      kind: 'Case',
      title: { value: 'Stage IIIa' },
      given: [
        { attribute: name('stage'), value: sym('IIIa') },
        { attribute: name('age'), value: qty('70', 'years') },
        { attribute: name('resectable'), value: { kind: 'Bool', value: true } },
      ],
      expects: [
        { nothing: false, only: false, negated: false, action: { verb: 'recommend', against: false, interventions: [name('conversion_therapy')] } },
        { nothing: false, only: true, negated: false, action: { verb: 'suggest', against: true, interventions: [name('haic')] } },
        { nothing: true, only: false, negated: false },
      ],
    });
  });

  it('decisions with ask and where', () => {
    assert.deepEqual(shape(only('decision roadmap "Roadmap" { ask a, b where not c }', 'Decision')), {
      kind: 'Decision', name: name('roadmap'), title: { value: 'Roadmap' }, ask: [name('a'), name('b')], where: { kind: 'Not', operand: { kind: 'Flag', attribute: name('c') } },
    });
  });

  it('soft keywords can be names: an enum of low, moderate, high', () => {
    const e = only('enum Risk { low, moderate, high, status }', 'Enum');
    assert.deepEqual(e.members.map((m) => m.text), ['low', 'moderate', 'high', 'status']);
  });

  it('keeps spans that cover exactly the source text', () => {
    const text = 'statement S { rule r when age < 65 years then recommend x }';
    const s = only(text, 'Statement');
    const when = s.rules[0].when as Expr;
    assert.equal(text.slice(when.span.start, when.span.end), 'age < 65 years');
    assert.equal(text.slice(s.span.start, s.span.end), text);
  });

  it('keeps comments out of the AST and reports their spans', () => {
    const r = parse('// one\n/* two */ enum E { a }');
    assert.deepEqual(r.errors, []);
    assert.equal(r.comments.length, 2);
    assert.equal(r.ast.declarations.length, 1);
  });
});
