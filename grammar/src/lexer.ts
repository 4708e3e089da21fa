// Tokens of the guideline language. Most keywords are "soft": they belong to the
// Name category, so a committee can still call an enum member `high` or an attribute
// `status`. Only the words that steer expressions and rule structure are reserved.
import { createToken, IToken, Lexer, TokenType } from 'chevrotain';

export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name],
});

const softKeywordTypes: TokenType[] = [];
const reservedKeywordTypes: TokenType[] = [];

function keyword(word: string, reserved = false): TokenType {
  const token = createToken({
    name: 'Kw_' + word,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: reserved ? [] : [Name],
    label: `'${word}'`,
  });
  (reserved ? reservedKeywordTypes : softKeywordTypes).push(token);
  return token;
}

// Reserved: these can never be names.
export const And = keyword('and', true);
export const Or = keyword('or', true);
export const Not = keyword('not', true);
export const In = keyword('in', true);
export const Between = keyword('between', true);
export const When = keyword('when', true);
export const Then = keyword('then', true);
export const Rule = keyword('rule', true);
export const True = keyword('true', true);
export const False = keyword('false', true);
export const Implies = keyword('implies', true);

// Soft: keywords where a declaration or field starts, names elsewhere.
export const Guideline = keyword('guideline');
export const Title = keyword('title');
export const Doi = keyword('doi');
export const Pmid = keyword('pmid');
export const Panel = keyword('panel');
export const Voters = keyword('voters');
export const Agree = keyword('agree');
export const Consensus = keyword('consensus');
export const Strong = keyword('strong');
export const Use = keyword('use');
export const Enum = keyword('enum');
export const Attribute = keyword('attribute');
export const Unit = keyword('unit');
export const Intervention = keyword('intervention');
export const Reference = keyword('reference');
export const Statement = keyword('statement');
export const Text = keyword('text');
export const Basis = keyword('basis');
export const Strength = keyword('strength');
export const Certainty = keyword('certainty');
export const Agreement = keyword('agreement');
export const Votes = keyword('votes');
export const EndorsedStrong = keyword('endorsed_strong');
export const Cites = keyword('cites');
export const Section = keyword('section');
export const Rationale = keyword('rationale');
export const Status = keyword('status');
export const Recommend = keyword('recommend');
export const Suggest = keyword('suggest');
export const Against = keyword('against');
export const Case = keyword('case');
export const Given = keyword('given');
export const Expect = keyword('expect');
export const Only = keyword('only');
export const Nothing = keyword('nothing');
export const Decision = keyword('decision');
export const Ask = keyword('ask');
export const Where = keyword('where');
export const Grading = keyword('grading');
export const Kind = keyword('kind');
export const Remark = keyword('remark');
export const History = keyword('history');
export const MolarMass = keyword('molar_mass');
export const Overrides = keyword('overrides');
export const Over = keyword('over');
export const Within = keyword('within');
export const After = keyword('after');
export const Assume = keyword('assume');
export const From = keyword('from');

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments' });
// Unterminated forms are tokens of their own so the error is precise and the rest of
// the line (or file) is not re-lexed as code.
export const UnterminatedBlockComment = createToken({ name: 'UnterminatedBlockComment', pattern: /\/\*[\s\S]*/, group: 'comments' });
export const TripleString = createToken({ name: 'TripleString', pattern: /"""[\s\S]*?"""/, label: 'string' });
export const UnterminatedTripleString = createToken({ name: 'UnterminatedTripleString', pattern: /"""[\s\S]*/, label: 'string' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\.)*"/, label: 'string' });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*/, label: 'string' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/, label: 'number' });

export const LBrace = createToken({ name: 'LBrace', pattern: /{/, label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/, label: "'}'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'" });
export const PercentSign = createToken({ name: 'PercentSign', pattern: /%/, label: "'%'" });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: "'-'" });
// `≠ ≤ ≥` as copied from a published text are the same operators.
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=|≠/, label: "'!='", start_chars_hint: ['!', '≠'] });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=|≤/, label: "'<='", start_chars_hint: ['<', '≤'] });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=|≥/, label: "'>='", start_chars_hint: ['>', '≥'] });
// `&& || !` from other languages (and the single `&`, `|`): parsed as `and or not`, and
// reported with a quick fix.
export const SymbolicAnd = createToken({ name: 'SymbolicAnd', pattern: /&&?/, label: "'&&'" });
export const SymbolicOr = createToken({ name: 'SymbolicOr', pattern: /\|\|?/, label: "'||'" });
export const SymbolicNot = createToken({ name: 'SymbolicNot', pattern: /!/, label: "'!'" });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'" });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  TripleString,
  UnterminatedTripleString,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  LBrace, RBrace, LParen, RParen, Comma, Colon, PercentSign, Minus,
  NotEquals, LessEq, GreaterEq, Less, Greater, Equals, SymbolicAnd, SymbolicOr, SymbolicNot,
  // Longest first, so `nothing` is not read as `not` followed by `hing`.
  ...[...reservedKeywordTypes, ...softKeywordTypes].sort((a, b) => b.name.length - a.name.length),
  Identifier,
  Name,
];

/** Every keyword of the language, reserved first; the TextMate grammar is tested against this. */
export const reservedKeywords: readonly string[] = reservedKeywordTypes.map((t) => t.name.slice(3));
export const softKeywords: readonly string[] = softKeywordTypes.map((t) => t.name.slice(3));
/** The keywords' token types (named `Kw_` and the word), for the scanner. */
export const keywordTypes: readonly TokenType[] = [...reservedKeywordTypes, ...softKeywordTypes];

/**
 * Chevrotain's tokens share their shape with its recovery tokens, whose offsets are NaN, so
 * every offset of every token is a boxed number: three allocations more per token, all alive
 * until the tree is built. Tokens made here hold offsets as small integers (a shape of their
 * own: fields in another order), and only what the parser reads: nothing uses lines or
 * columns, which the line index gives.
 */
class GuidelineLexer extends Lexer {
  createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
    return { tokenType, tokenTypeIdx, image, startOffset, endOffset: startOffset + image.length - 1 } as IToken;
  }
}

export const guidelineLexer = new GuidelineLexer(allTokens, {
  ensureOptimizations: true,
  positionTracking: 'onlyOffset',
});
