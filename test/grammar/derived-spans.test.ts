// The spans the tree does not keep: a rule's verb, and a comparison's operator found past
// blanks and comments, as the parser read them.
import * as assert from 'node:assert/strict';
import { operatorSpan, parse, verbSpan, type CompareExpr, type StatementDecl } from '../../grammar/src/index.js';

function firstRule(text: string) {
  const r = parse(text);
  assert.deepEqual(r.errors, []);
  const s = r.ast.declarations.find((d): d is StatementDecl => d.kind === 'Statement')!;
  return s.rules[0];
}

const file = (condition: string, verb = 'recommend') => `statement S1 {\n  rule r1 when ${condition} then ${verb} against x\n}\n`;

describe('derived spans', () => {
  for (const [condition, op] of [
    ['age >= 3', '>='],
    ['age≥3', '≥'],
    ['age != 3', '!='],
    ['age <3', '<'],
    ['age /* the age */ = 3', '='],
    ['age // to the end of the line\n    > 3', '>'],
    ['age\t\u00a0<= 3', '<='],
  ] as const) {
    it(`finds the operator of \`${condition.replace(/\n/g, '\\n')}\``, () => {
      const text = file(condition);
      const when = firstRule(text).when as CompareExpr;
      assert.equal(when.kind, 'Compare');
      const span = operatorSpan(when, text);
      assert.equal(text.slice(span.start, span.end), op);
    });
  }

  it('finds the verb where the action starts, with or without `against`', () => {
    for (const verb of ['recommend', 'suggest']) {
      const text = file('age > 3', verb);
      const then = firstRule(text).then!;
      const span = verbSpan(then);
      assert.equal(text.slice(span.start, span.end), verb);
    }
  });

  it('gives the same spans on the recovering parser’s tree', () => {
    // A syntax error elsewhere sends the file through the recovering parser.
    const text = `${file('age /* c */ <= 3')}statement S2 { rule r2 when then }\n`;
    const r = parse(text);
    assert.ok(r.errors.length > 0);
    const rule = (r.ast.declarations[0] as StatementDecl).rules[0];
    const op = operatorSpan(rule.when as CompareExpr, text);
    assert.equal(text.slice(op.start, op.end), '<=');
    const verb = verbSpan(rule.then!);
    assert.equal(text.slice(verb.start, verb.end), 'recommend');
  });
});
