// Chevrotain's own messages list every grammar path; committee members need one line that
// says what to write, on the token that is wrong or missing. Each explainer recognises one
// common mistake from the error's rule, the token expected and the tokens around it; the
// first that recognises the situation speaks, and a plain "expected ..." is the fallback.
import type { IRecognitionException, IToken } from 'chevrotain';
import type { SyntaxError } from './ast.js';
import { type Placed, withoutFollowOns } from './follow-on-errors.js';
import { FixChecks } from './fix-check.js';
import { blockNames } from './syntax-vocabulary.js';
import { firstAtOrAfter } from './first-at-or-after.js';
import {
  at, type Explained, type Explainer, foundOrMissing, foundText, is, isEnd, onLaterLine, type Situation, situationOf,
} from './syntax-situation.js';
import {
  attributeColon, listComma, missingFieldValue, missingName, splitWord, strayColon, strayDeclaration, trailingComma,
  unclosedBlock, unknownField,
} from './syntax-explain-structure.js';
import {
  doublePercent, missingCondition, missingPercent, missingValue, operatorSlip, quotedWord, setOrRange, unclosedParen,
  unquotedText,
} from './syntax-explain-values.js';
import { emptyExpect, missingIntervention, missingThen, missingVerb, missingWhen, secondVerb } from './syntax-explain-rules.js';

export type { Explained } from './syntax-situation.js';

/** Most specific first: a slip such as `==` is named before the value it leaves missing. */
const explainers: readonly Explainer[] = [
  operatorSlip,
  doublePercent,
  strayColon,
  splitWord,
  secondVerb,
  trailingComma,
  listComma,
  missingPercent,
  missingIntervention,
  missingVerb,
  emptyExpect,
  missingThen,
  missingWhen,
  missingCondition,
  missingValue,
  setOrRange,
  unclosedParen,
  unquotedText,
  quotedWord,
  attributeColon,
  missingName,
  missingFieldValue,
  unclosedBlock,
  unknownField,
  strayDeclaration,
];

const ruleDescriptions: Record<string, string> = {
  file: 'a declaration (guideline, use, enum, attribute, intervention, reference, statement, case, decision, grading or assume)',
  guidelineHeader: 'a guideline field (title, doi, panel or grading)',
  panelBlock: 'a panel field (voters, agree, consensus or strong)',
  statementDecl: 'a statement field (text, basis, strength, certainty, agreement, votes, endorsed_strong, cites, section, rationale, status) or a rule',
  ruleDecl: 'a rule: `rule name when <condition> then <verb> <interventions>`',
  action: '`recommend`, `suggest`, `recommend against` or `suggest against`, then interventions',
  notExpr: 'a condition',
  condition: 'a condition',
  parenExpr: 'a condition',
  compareOp: 'a comparison (=, !=, <, <=, >, >=)',
  fieldValue: 'a value for this field',
  value: 'a value (an enum member, true, false or a number with its unit)',
  quantity: 'a number',
  caseDecl: '`given` or `expect`',
  expectField: '`nothing`, `only`, or a verb and interventions',
  decisionDecl: '`ask`, `where` or `from`',
  typeRef: 'a type (boolean, number, percent, days, weeks, months, years or an enum)',
  string: 'a quoted string',
  label: 'a reference label',
  percentage: 'a percentage such as 80%',
  timing: '`within`, `after` or `between` and a duration',
};

function tokenLabel(raw: string): string {
  if (raw === 'NumberLiteral' || raw === 'number') return 'a number';
  if (raw === 'Name' || raw === 'Identifier') return 'a name';
  if (raw.startsWith('Kw_')) return `\`${raw.slice(3)}\``;
  if (raw === 'string') return 'a quoted string';
  if (raw === 'EOF') return 'the end of the file';
  return raw.replace(/^'(.*)'$/, '`$1`');
}

/** The plain fallback: what the grammar wanted, after the previous token when it is missing. */
function expectedHere(s: Situation): Explained {
  const what = s.expected ? tokenLabel(s.expected) : ruleDescriptions[s.rule] ?? 'something else';
  const prev = at(s, -1);
  const missing = isEnd(s.found) || (prev !== undefined && onLaterLine(s, prev, s.found));
  const message = missing && prev ? `Expected ${what} after \`${prev.image.length > 30 ? prev.image.slice(0, 30) + '…' : prev.image}\`` : `Expected ${what}, not ${foundText(s)}`;
  return { message, span: foundOrMissing(s) };
}

/** A run of characters the lexer does not know, as it reports it. */
export interface Stray {
  readonly offset: number;
  readonly length: number;
}

/** The unknown characters that say the rest of their line is not code: `#`, curly quotes. */
const lineOpeners = '#\u2018\u2019\u201c\u201d';

/** The offsets of the strays that open a line that is not code, in order. */
function lineOpenersOf(text: string, strays: readonly Stray[]): number[] {
  const out: number[] = [];
  for (const e of strays) {
    const chars = text.slice(e.offset, e.offset + e.length);
    for (let i = 0; i < chars.length; i++) if (lineOpeners.includes(chars[i])) out.push(e.offset + i);
  }
  return out;
}

/**
 * Whether one of those characters is earlier on `offset`'s line. The lexer's own errors say
 * where they are, so one inside a string or a comment does not count; a line ends at `\n`
 * or `\r`, as it does for a `//` comment.
 */
function strayCharacterBefore(text: string, openers: readonly number[], offset: number): boolean {
  const before = firstAtOrAfter(openers, offset, (o) => o) - 1;
  if (before < 0) return false;
  for (let i = openers[before] + 1; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
  }
  return true;
}

/** Where an error reported a block's `{` missing, which the parser then assumed: the token found there, the block's rule and its depth. */
interface Assumed {
  readonly index: number;
  readonly rule: string;
  readonly depth: number;
}

/**
 * Whether the innermost block left open at the error is one whose `{` the parser assumed:
 * the same block rule at the same depth, with every `{` between the place it was reported
 * missing and the error closed again.
 */
function inAssumedBlock(s: Situation, assumed: Assumed): boolean {
  if (s.rule !== assumed.rule || s.stack.length !== assumed.depth) return false;
  let depth = 0;
  for (let i = s.index - 1; i >= assumed.index; i--) {
    const k = s.tokens[i].tokenType.name;
    if (k === 'RBrace') depth++;
    else if (k === 'LBrace' && depth-- === 0) return false;
  }
  return true;
}

/**
 * The message, place and (where certain) fix for one parser error; undefined when the
 * error only repeats one already reported (the text after an unterminated string).
 * `assumed`: the last error that reported a block's `{` missing.
 */
function describeSituation(s: Situation, openers: readonly number[], assumed: Assumed | undefined): Explained | undefined {
  // An unterminated string took in the rest of its line or file: its own error says so.
  if (is(at(s, -1), 'UnterminatedString', 'UnterminatedTripleString')) return undefined;
  // After a `#` or a curly quote, the line is not code: that character's error says so.
  if (!isEnd(s.found) && strayCharacterBefore(s.text, openers, s.found.startOffset)) return undefined;
  // A block's `}` missing where its `{` was missing too: the parser assumed the `{`, and the
  // error there says so (another block's `{` further back is not this block's).
  if (s.expected === "'}'" && s.rule in blockNames && assumed !== undefined && inAssumedBlock(s, assumed)) return undefined;
  for (const explain of explainers) {
    const explained = explain(s);
    if (explained) return explained;
  }
  return expectedHere(s);
}

/** Errors explained in detail per file; the file shows at most MAX_ERRORS (parse.ts) anyway. */
const MAX_EXPLAINED = 200;

/** Every parser error as the committee reads it, one per mistake. */
/** `strays`: the lexer's unknown characters, by offset. */
export function describeSyntaxErrors(errors: readonly IRecognitionException[], text: string, tokens: readonly IToken[], strays: readonly Stray[]): SyntaxError[] {
  const placed: Placed[] = [];
  const openers = lineOpenersOf(text, strays);
  const fixChecks = new FixChecks(text, tokens);
  let assumed: Assumed | undefined;
  for (const e of errors) {
    const s = situationOf(e, text, tokens);
    // Past the errors a file shows, the plain message will do: garbage must stay cheap to read.
    let explained = placed.length < MAX_EXPLAINED ? describeSituation(s, openers, assumed) : expectedHere(s);
    if (s.expected === "'{'" && s.rule in blockNames) assumed = { index: s.index, rule: s.rule, depth: s.stack.length };
    if (!explained) continue;
    // A fix is offered only where applying it is seen to repair the text, for the first few.
    if (explained.fix && !fixChecks.isCertain(explained.fix)) explained = { message: explained.message, span: explained.span };
    const offset = Number.isFinite(e.token.startOffset) ? e.token.startOffset : text.length;
    const index = Number.isFinite(e.token.startOffset) ? s.index : tokens.length;
    const error: SyntaxError = explained.fix ? { code: 'syntax', message: explained.message, span: explained.span, fix: explained.fix } : { code: 'syntax', message: explained.message, span: explained.span };
    placed.push({ error, index, offset });
  }
  return withoutFollowOns(placed, text, tokens);
}
