// One mistake, one error. After an error the parser recovers by skipping or assuming
// tokens, and what it then trips over a few tokens on is usually the same mistake seen
// again (`rule r if a then`: `if` is the error, `a` only looks like one). Those are
// dropped, as is any error inside the text an earlier error's quick fix rewrites.
import type { IToken } from 'chevrotain';
import type { Span, SyntaxError } from './ast.js';
import { declarationWords } from './syntax-vocabulary.js';

/** A syntax error with the index of the token it was found at. */
export interface Placed {
  readonly error: SyntaxError;
  readonly index: number;
  /** Where the token it was found at starts (the text's length at its end). */
  readonly offset: number;
}

/** Errors this many tokens apart on one line are one mistake. */
const SAME_MISTAKE_TOKENS = 6;

const declarationTypes = new Set<string>(declarationWords.map((w) => 'Kw_' + w));

export function withoutFollowOns(placed: readonly Placed[], text: string, tokens: readonly IToken[]): SyntaxError[] {
  const kept: Placed[] = [];
  for (const p of [...placed].sort((a, b) => a.index - b.index)) {
    const last = kept[kept.length - 1];
    // Measured from where the last error is shown: after `statement S1 {` left unclosed (shown at
    // its `{`), the next declaration's own errors are new mistakes, not the same one.
    const from = Math.min(last?.error.span.end ?? 0, last?.offset ?? 0);
    // One shown before the last one is about an earlier place (`enum h{A,,n`: the `{` left
    // unclosed, found only at the end): another mistake, which its fix alone would reveal.
    const earlier = last !== undefined && p.error.span.end <= last.error.span.start;
    // Past a declaration's keyword, the parser has started again (`e statement{`: the stray
    // `e`, then the statement left unclosed).
    const restarted = last !== undefined && tokens.slice(last.index + 1, p.index).some((t) => declarationTypes.has(t.tokenType.name));
    if (last && !earlier && !restarted && p.index - last.index <= SAME_MISTAKE_TOKENS && !/[\n\r]/.test(text.slice(from, p.offset).trimEnd())) continue;
    kept.push(p);
  }
  return kept.map((p) => p.error);
}

/**
 * The text an error is about, with what its fix rewrites: `use hcc.guideline` to be quoted
 * takes in the `.` that is also an unknown character. An insertion adds nothing to it, so a
 * `}` added at a block's end never hides the errors inside the block.
 */
function regionOf(e: SyntaxError): Span {
  const edits = (e.fix?.edits ?? []).map((x) => x.span).filter((x) => x.end > x.start);
  return { start: Math.min(e.span.start, ...edits.map((x) => x.start)), end: Math.max(e.span.end, ...edits.map((x) => x.end)) };
}

const within = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;
const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/**
 * Drops the errors that lie inside the text another syntax error is about (of two on the
 * same text, the later). One sweep in order of position, so a file of garbage with
 * thousands of errors costs no more than sorting them.
 */
export function withoutErrorsInFixes(errors: readonly SyntaxError[]): SyntaxError[] {
  const about = errors.map((e, i) => ({ i, region: regionOf(e) })).filter((x) => errors[x.i].code === 'syntax').sort((a, b) => a.region.start - b.region.start || a.i - b.i);
  const order = errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.span.start - b.e.span.start || a.i - b.i);
  // The two regions reaching furthest among those starting at or before the current error.
  let first: { i: number; region: Span } | undefined;
  let second: { i: number; region: Span } | undefined;
  let next = 0;
  const dropped = new Set<number>();
  for (const { e, i } of order) {
    while (next < about.length && about[next].region.start <= e.span.start) {
      const r = about[next++];
      if (!first || r.region.end > first.region.end) [first, second] = [r, first];
      else if (!second || r.region.end > second.region.end) second = r;
    }
    const other = first && first.i !== i ? first : second;
    if (!other || other.i === i || !within(other.region, e.span)) continue;
    // Two on the same text: the first keeps it.
    if (same(other.region, e.span) && i < other.i) continue;
    dropped.add(i);
  }
  return dropped.size === 0 ? [...errors] : errors.filter((_, i) => !dropped.has(i));
}
