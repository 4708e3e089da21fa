// `recommend against X, Y over Z within 2 hours`: a rule's `then` and a case's `expect`.
import type { Action, Name, QuantityValue, Timing } from '../ast.js';
import * as t from '../lexer.js';
import { type Cursor, fitted, join, span } from './cursor.js';
import { quantity } from './literals.js';

export function action(c: Cursor): Action | undefined {
  const verbToken = c.peek();
  if (verbToken === undefined || (verbToken.tokenType !== t.Recommend && verbToken.tokenType !== t.Suggest)) return undefined;
  c.pos++;
  // Greedy, as the grammar: `recommend against` is always the keyword.
  const against = c.take(t.Against) !== undefined;
  const interventions = names(c);
  if (interventions === undefined) return undefined;
  let over: Name[] | undefined;
  if (c.take(t.Over) !== undefined) {
    over = names(c);
    if (over === undefined) return undefined;
  }
  let timing: Timing | undefined;
  if (c.is(t.Within) || c.is(t.After) || c.is(t.Between)) {
    timing = timingOf(c);
    if (timing === undefined) return undefined;
  }
  const lastName = (over ?? interventions)[(over ?? interventions).length - 1];
  const end = timing !== undefined ? timing.span : lastName;
  const out: { -readonly [K in keyof Action]: Action[K] } = { span: join(span(verbToken), end), verb: verbToken.tokenType === t.Recommend ? 'recommend' : 'suggest', against, interventions };
  if (over !== undefined) out.over = over;
  if (timing !== undefined) out.timing = timing;
  return out;
}

/** One or more names separated by commas. */
export function names(c: Cursor): Name[] | undefined {
  const first = c.name();
  if (first === undefined) return undefined;
  const out = [first];
  while (c.take(t.Comma) !== undefined) {
    const n = c.name();
    if (n === undefined) return undefined;
    out.push(n);
  }
  return fitted(out);
}

function timingOf(c: Cursor): Timing | undefined {
  const kwToken = c.tokens[c.pos++];
  const keyword = span(kwToken);
  let low: QuantityValue | undefined;
  let high: QuantityValue | undefined;
  let kind: Timing['kind'];
  if (kwToken.tokenType === t.Within) {
    kind = 'within';
    high = quantity(c);
    if (high === undefined) return undefined;
  } else if (kwToken.tokenType === t.After) {
    kind = 'after';
    low = quantity(c);
    if (low === undefined) return undefined;
  } else {
    kind = 'between';
    low = quantity(c);
    if (low === undefined || c.take(t.And) === undefined) return undefined;
    high = quantity(c);
    if (high === undefined) return undefined;
  }
  const out: { -readonly [K in keyof Timing]: Timing[K] } = { span: join(keyword, (high ?? low)!), kind, keyword };
  if (low !== undefined) out.low = low;
  if (high !== undefined) out.high = high;
  return out;
}
