// A syntax error's quick fix is offered only when it is certain: applied to the declaration
// it is in (and the next), the text must parse with fewer errors, none of them new, and
// none left on the lines it touched.
// Parsing one declaration again is cheap next to the file, and only errors with a fix pay;
// a file pays for a few checks at most, and a declaration's own errors are found once.
import type { IToken } from 'chevrotain';
import type { SyntaxFix } from './ast.js';
import { tokenize } from './scanner.js';
import { parseTokens } from './parse-tokens.js';
import { declarationWords } from './syntax-vocabulary.js';
import { firstAtOrAfter } from './first-at-or-after.js';

/** Past this size the declaration is not parsed again, and the fix is not offered. */
const MAX_CHUNK = 20_000;
/** Parentheses deeper than the file's parse allows are not parsed again either. */
const MAX_PARENS = 64;
/** Fixes checked per file; the errors past them get none. */
const MAX_CHECKS = 8;
/**
 * The parsing again a file may pay for its fixes, in characters, where each error the parse
 * recovers from counts as 200 more (measured: recovering costs the parser about what 200
 * characters of clean text do). A declaration of a thousand broken fields took half a
 * second to check eight fixes in; past this a fix is not offered.
 */
const MAX_REPARSED = 60_000;
const ERROR_COST = 200;

const declarationTypes = new Set(declarationWords.map((w) => 'Kw_' + w));

function startsLine(text: string, tok: IToken): boolean {
  const before = text.lastIndexOf('\n', tok.startOffset - 1);
  return text.slice(before + 1, tok.startOffset).trim() === '';
}

/**
 * From the declaration keyword that starts a line before `from` to the end of the
 * declaration after the one the edit is in: a fix that closes a block may bring the next
 * declaration's own errors into view, and they count too.
 */
function chunkAround(text: string, tokens: readonly IToken[], from: number, to: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  let after = 0;
  for (const tok of tokens) {
    if (!declarationTypes.has(tok.tokenType.name) || !startsLine(text, tok)) continue;
    if (tok.startOffset <= from) start = tok.startOffset;
    else if (tok.startOffset >= to && ++after === 2) {
      end = tok.startOffset;
      break;
    }
  }
  return { start, end };
}

/**
 * Where lexing or parsing `chunk` on its own fails (offsets in `chunk`): `raw`, the tokens
 * the errors were found at; `shown`, where each is shown, which for a token that starts a
 * later line than the token before it is just after that token ("expected … after `a`").
 */
interface ErrorPlaces {
  readonly raw: number[];
  readonly shown: number[];
}

function errorOffsets(chunk: string): ErrorPlaces | undefined {
  const lexed = tokenize(chunk);
  if (lexed.tokens.filter((t) => t.tokenType.name === 'LParen').length > MAX_PARENS) return undefined;
  const { errors } = parseTokens(lexed.tokens);
  const found = errors.map((e) => (Number.isFinite(e.token.startOffset) ? e.token.startOffset : chunk.length));
  const lexical = lexed.errors.map((e) => e.offset);
  return { raw: [...lexical, ...found], shown: [...lexical, ...found.map((o) => shownAt(chunk, lexed.tokens, o))] };
}

/** Where an error found at offset `o` is shown: after the token before it when `o` is on a later line. */
function shownAt(chunk: string, tokens: readonly IToken[], o: number): number {
  const prev = tokens[firstAtOrAfter(tokens, o, (t) => t.startOffset) - 1];
  if (!prev) return o;
  const end = prev.startOffset + prev.image.length;
  return /[\n\r]/.test(chunk.slice(end, o)) ? end : o;
}

/** The fix checks of one file: how many are left, and the errors of each declaration as it was. */
export class FixChecks {
  private checks = 0;
  private reparsed = 0;
  private readonly before = new Map<string, ErrorPlaces | undefined>();

  constructor(private readonly text: string, private readonly tokens: readonly IToken[]) {}

  /** Whether the fix is certain; false too once the file's checks are spent. */
  isCertain(fix: SyntaxFix): boolean {
    if (this.checks++ >= MAX_CHECKS || this.reparsed >= MAX_REPARSED) return false;
    const text = this.text;
    const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
    if (edits.length === 0) return false;
    const from = edits[0].span.start;
    const to = edits[edits.length - 1].span.end;
    const { start, end } = chunkAround(text, this.tokens, from, to);
    if (end - start > MAX_CHUNK) return false;
    let fixed = '';
    let at = start;
    for (const e of edits) {
      fixed += text.slice(at, e.span.start) + e.newText;
      at = e.span.end;
    }
    fixed += text.slice(at, end);
    const key = `${start}:${end}`;
    if (!this.before.has(key)) this.before.set(key, this.errorsOf(text.slice(start, end)));
    const before = this.before.get(key);
    if (before === undefined || this.reparsed + fixed.length > MAX_REPARSED) return false;
    const after = this.errorsOf(fixed);
    return after !== undefined && fixesCleanly(edits, start, end === text.length, fixed, before, after);
  }

  /** The errors of `chunk` parsed on its own, paid for. */
  private errorsOf(chunk: string): ErrorPlaces | undefined {
    const found = errorOffsets(chunk);
    this.reparsed += chunk.length + ERROR_COST * (found?.raw.length ?? 0);
    return found;
  }
}

/** Fewer errors after, none new, and none on the lines the edits touched. */
function fixesCleanly(edits: readonly SyntaxFix['edits'][number][], start: number, atEnd: boolean, fixed: string, beforePlaces: ErrorPlaces, afterPlaces: ErrorPlaces): boolean {
  const before = beforePlaces.raw;
  const after = afterPlaces.raw;
  const from = edits[0].span.start;
  if (after.length >= before.length) return false;
  // A block left open at the end of the file is reported at its `{` once the error before
  // it is gone: the fix would seem to bring a new error, so the unclosed block goes first.
  if (atEnd && after.includes(fixed.length)) return false;
  // Nothing new: every error left was there before (at its place before the edits).
  const shiftAt = (o: number): number => edits.filter((e) => e.span.end - start <= o).reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
  const was = new Set(before);
  if (!after.every((o) => was.has(o - shiftAt(o)))) return false;
  // No error left on the lines the fix touched (in the fixed text, they run from `from` to
  // the end of the last edit), where it is found or where it is shown.
  const lastEdit = edits[edits.length - 1];
  const shift = edits.reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
  const lineStart = fixed.lastIndexOf('\n', from - start - 1) + 1;
  const endInFixed = lastEdit.span.end - start + shift;
  const nl = fixed.indexOf('\n', endInFixed);
  const lineEnd = nl < 0 ? fixed.length : nl;
  // Nor at the first token after the fix, even on a later line and past comments: the
  // parser found it where the fixed text should have gone on (`remark "history"` then a
  // stray `"second"`).
  const next = endInFixed + (/^(?:\s|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)*/.exec(fixed.slice(endInFixed))?.[0].length ?? 0);
  const onTouchedLines = (o: number): boolean => o >= lineStart && o <= lineEnd;
  return !after.some((o) => onTouchedLines(o) || o === next) && !afterPlaces.shown.some(onTouchedLines);
}
