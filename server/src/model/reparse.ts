// Parsing an edited file again by its changed declarations only: the top-level
// declarations before the edit are kept as they are, those after it are kept with their
// positions moved, and only the text between is parsed. Used only where the result is
// provably the one a full parse gives:
//
// - the previous parse had no error, and the new middle parses alone without one;
// - the middle runs from just after a top-level declaration's closing `}` (or the start of
//   the file) to just after another's (or the end of the file), and its own last token is
//   a `}` that ends it: the lexer then starts afresh at both ends, so the tokens of the
//   whole text are those of the three parts in a row, and the parser is at the top of its
//   loop over declarations at both ends, where what it does next depends on the tokens
//   that follow alone (a closing `}` ends a declaration with nothing optional after it);
// - no `guideline` header or `use` is in the old or the new middle: which header counts
//   and the order of `use`s depend on the whole file.
//
// Anything else is parsed in full. test/pipeline/reparse-properties.test.ts checks the
// result against a full parse over random edits.
import { lexemesIn, parse, type Lexeme, type ParseResult, type Span } from '../../../grammar/src/index.js';
import type * as A from '../../../grammar/src/index.js';

/** Below this size a full parse is cheap enough that splicing is not worth its bookkeeping. */
const minimumSize = 4096;

type TopLevel = { readonly span: Span };

export function reparse(oldText: string, old: ParseResult, text: string): ParseResult {
  return spliced(oldText, old, text) ?? parse(text);
}

/** The spliced parse, or undefined where splicing is not sound (see above) or would not pay. */
export function spliced(oldText: string, old: ParseResult, text: string): ParseResult | undefined {
  if (old.errors.length > 0 || text.length < minimumSize || oldText === text) return undefined;
  const { prefix, suffix } = commonEnds(oldText, text);

  const ast = old.ast;
  const items: TopLevel[] = [...(ast.header ? [ast.header] : []), ...ast.uses, ...ast.declarations, ...ast.gradings].sort((a, b) => a.span.start - b.span.start);
  const closes = (item: TopLevel): boolean => oldText.charCodeAt(item.span.end - 1) === 0x7d; // `}`
  // The middle's start: after the last closed declaration wholly before the edit.
  let from = 0;
  for (const item of items) if (item.span.end <= prefix && closes(item)) from = item.span.end;
  // Its end in the old text: after the first closed declaration ending inside the unchanged tail.
  const tail = oldText.length - suffix;
  let to = oldText.length;
  for (const item of items) {
    if (item.span.end >= tail && item.span.end > from && closes(item)) {
      to = item.span.end;
      break;
    }
  }
  const delta = text.length - oldText.length;
  // A copy of its own, not a slice: the names and texts the middle's parse keeps would
  // otherwise hold this version's whole text alive for as long as the declarations last.
  const middleText = flat(text.slice(from, to + delta));
  // Splicing pays only when most of the file is kept.
  if (middleText.length > text.length / 2) return undefined;
  const inMiddle = (s: Span): boolean => s.start >= from && s.end <= to;
  if ((ast.header && inMiddle(ast.header.span)) || ast.uses.some((u) => inMiddle(u.span))) return undefined;

  const middle = parse(middleText);
  if (middle.errors.length > 0 || middle.ast.header || middle.ast.uses.length > 0) return undefined;
  if (to < oldText.length) {
    // The middle must end with its own closing `}`: a `}` in a comment or string would run
    // on into the tail. Its last item ending there says so without lexing it again for tokens.
    const ends = [...middle.ast.declarations, ...middle.ast.gradings].reduce((end, d) => Math.max(end, d.span.end), -1);
    if (ends !== middleText.length || middleText.charCodeAt(middleText.length - 1) !== 0x7d) return undefined;
  }

  const before = (s: Span): boolean => s.end <= from;
  const after = (s: Span): boolean => s.start >= to;
  const keep = <T extends TopLevel>(list: readonly T[], fresh: readonly T[]): T[] => [
    ...list.filter((x) => before(x.span)),
    ...fresh.map((x) => moved(x, from)),
    ...list.filter((x) => after(x.span)).map((x) => moved(x, delta)),
  ];
  const file: A.GuidelineFile = {
    kind: 'File',
    span: { start: 0, end: text.length },
    header: ast.header && (before(ast.header.span) ? ast.header : moved(ast.header, delta)),
    uses: ast.uses.map((u) => (before(u.span) ? u : moved(u, delta))),
    declarations: keep(ast.declarations, middle.ast.declarations),
    gradings: keep(ast.gradings, middle.ast.gradings),
  };
  const spans = (list: readonly Span[], fresh: readonly Span[]): Span[] => [
    ...list.filter(before),
    ...fresh.map((s) => ({ start: s.start + from, end: s.end + from })),
    ...list.filter(after).map((s) => ({ start: s.start + delta, end: s.end + delta })),
  ];
  // The tokens are the whole text's (see above), lexed only when the formatter asks, as a
  // full parse does: splicing the old ones would lex the old text again on every edit.
  let tokens: Lexeme[] | undefined;
  return {
    ast: file,
    errors: [],
    comments: spans(old.comments, middle.comments),
    get tokens(): readonly Lexeme[] {
      return (tokens ??= lexemesIn(text, { start: 0, end: text.length }));
    },
  };
}

/** How many characters two texts share at their start, and then at their end. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const shorter = Math.min(a.length, b.length);
  // Whole blocks first: comparing two slices is a copy and a compare of memory, many times
  // faster than a loop over characters through the whole of a long file.
  const block = 512;
  let prefix = 0;
  while (prefix + block <= shorter && a.slice(prefix, prefix + block) === b.slice(prefix, prefix + block)) prefix += block;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = shorter - prefix;
  while (suffix + block <= room && a.slice(a.length - suffix - block, a.length - suffix) === b.slice(b.length - suffix - block, b.length - suffix)) suffix += block;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/**
 * The string in storage of its own. V8 keeps a long slice as a view into the string it was
 * cut from; joining it to another string and cutting that off again copies the characters
 * (all of them, lone surrogates too) into a string of the slice's own size.
 */
function flat(s: string): string {
  return ` ${s}`.slice(1);
}

/**
 * A copy of a syntax tree with every position moved by `delta`: the `start` and `end` of
 * every object that has them, spans and the nodes that are their own span alike
 * (grammar/src/ast.ts); everything else is copied as it is.
 */
export function moved<T>(node: T, delta: number): T {
  if (delta === 0) return node;
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    // A spread copy keeps the node's shape (and size): fields added one by one to `{}` make
    // a larger object of another shape. The tree's nodes are plain object literals, so
    // `for ... in` sees their own fields, without a list of keys made per node.
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const k in out) {
      const v = out[k];
      if (v !== null && typeof v === 'object') out[k] = copy(v);
    }
    if (typeof out.start === 'number') {
      out.start += delta;
      (out.end as number) += delta;
    }
    return out;
  };
  return copy(node) as T;
}
