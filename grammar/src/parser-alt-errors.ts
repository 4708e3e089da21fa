// The message of a "no alternative fits" or "at least one expected" error lists the token
// sequences the grammar allowed at that point. Chevrotain works those out from the grammar
// for each error anew; they depend only on the rule and the production, and the grammar
// never changes, so they are kept. A file of a few hundred broken fields spent most of its
// parse there (about a second for 10 KB). The errors are Chevrotain's own, message and all
// (test/grammar/recovery-agreement.test.ts holds them to it).
import {
  EarlyExitException, getLookaheadPaths, type IParserErrorMessageProvider, type IToken, type LookaheadProductionType,
  type LookaheadSequence, NoViableAltException, type Rule,
} from 'chevrotain';

/** The parts of Chevrotain's recognizer an error is raised with (not in its public types). */
export interface ErrorRaising {
  readonly maxLookahead: number;
  readonly errorMessageProvider: IParserErrorMessageProvider;
  getCurrRuleFullName(): string;
  getGAstProductions(): Record<string, Rule>;
  LA(k: number): IToken;
  SAVE_ERROR(error: Error): Error;
}

/** Chevrotain's numbers for the two repetitions that must run at least once, by production name. */
const mandatoryKinds: Record<number, LookaheadProductionType> = { 2: 'RepetitionMandatory', 3: 'RepetitionMandatoryWithSeparator' };

const kept = new Map<string, LookaheadSequence[]>();

function pathsAt(p: ErrorRaising, occurrence: number, kind: LookaheadProductionType): LookaheadSequence[] {
  const ruleName = p.getCurrRuleFullName();
  const key = `${ruleName}/${kind}/${occurrence}`;
  let paths = kept.get(key);
  if (paths === undefined) {
    paths = getLookaheadPaths({ occurrence, rule: p.getGAstProductions()[ruleName], prodType: kind, maxLookahead: p.maxLookahead });
    kept.set(key, paths);
  }
  return paths;
}

function tokensAhead(p: ErrorRaising): IToken[] {
  const actual: IToken[] = [];
  for (let i = 1; i <= p.maxLookahead; i++) actual.push(p.LA(i));
  return actual;
}

export function raiseNoViableAlt(p: ErrorRaising, occurrence: number, description: string | undefined): never {
  const previous = p.LA(0);
  const message = p.errorMessageProvider.buildNoViableAltMessage({
    expectedPathsPerAlt: pathsAt(p, occurrence, 'Alternation'),
    actual: tokensAhead(p),
    previous,
    customUserDescription: description,
    ruleName: p.getCurrRuleFullName(),
  });
  throw p.SAVE_ERROR(new NoViableAltException(message, p.LA(1), previous));
}

export function raiseEarlyExit(p: ErrorRaising, occurrence: number, prodType: number, description: string | undefined): never {
  const kind = mandatoryKinds[prodType];
  const message = p.errorMessageProvider.buildEarlyExitMessage({
    expectedIterationPaths: kind === undefined ? [] : pathsAt(p, occurrence, kind)[0],
    actual: tokensAhead(p),
    previous: p.LA(0),
    customUserDescription: description,
    ruleName: p.getCurrRuleFullName(),
  });
  throw p.SAVE_ERROR(new EarlyExitException(message, p.LA(1), p.LA(0)));
}
