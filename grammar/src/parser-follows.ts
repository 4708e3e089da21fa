// What may follow at the point of an error, which in-rule recovery compares with the token
// ahead. Chevrotain walks the grammar along the rule stack for each error anew; the answer
// depends only on that stack and the token expected, and the grammar never changes, so it
// is kept (a few hundred broken statements took seconds).
// test/grammar/recovery-agreement.test.ts holds the answers to Chevrotain's own.
import { CstParser, type TokenType } from 'chevrotain';

/** The parts of Chevrotain's recognizer the cache reads (not in its public types). */
export interface RecoveryStacks {
  readonly RULE_STACK: number[];
  readonly RULE_STACK_IDX: number;
  readonly RULE_OCCURRENCE_STACK: number[];
  readonly RULE_OCCURRENCE_STACK_IDX: number;
}

type FollowsOf = (this: unknown, tokType: TokenType, tokIdxInRule: number) => TokenType[];
/** Chevrotain's own walk, which the cache stands in front of. */
const chevrotainFollows = (CstParser.prototype as unknown as { getFollowsForInRuleRecovery: FollowsOf }).getFollowsForInRuleRecovery;
const kept = new Map<string, TokenType[]>();
const maxKept = 20_000;

export function cachedFollows(parser: RecoveryStacks, tokType: TokenType, tokIdxInRule: number): TokenType[] {
  let key = `${tokType.tokenTypeIdx}:${tokIdxInRule}`;
  for (let i = 0; i <= parser.RULE_STACK_IDX; i++) key += `,${parser.RULE_STACK[i]}`;
  key += '/';
  for (let i = 0; i <= parser.RULE_OCCURRENCE_STACK_IDX; i++) key += `,${parser.RULE_OCCURRENCE_STACK[i]}`;
  let follows = kept.get(key);
  if (follows === undefined) {
    if (kept.size >= maxKept) kept.clear();
    follows = chevrotainFollows.call(parser, tokType, tokIdxInRule);
    kept.set(key, follows);
  }
  return follows;
}
