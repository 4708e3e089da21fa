// Document and range formatting. The output is the input's tokens and comments, in order
// and byte for byte, with only the whitespace between them rewritten, so formatting can
// never lose or reorder text. The layout comes from the parse's syntax tree:
//   - each declaration, field, rule, `when` and `then`, `given` and `expect` starts a line,
//     indented two spaces per block (`when`/`then` one step under their rule);
//   - one space between tokens, none before `,` `:` `%` `)`, after `(`, in `72-76` and `-5`;
//   - a line break the author put inside a condition or a list is kept, and the continued
//     line is indented one step deeper than its clause (plus one per open parenthesis);
//   - an enum stays on one line unless it holds a comment or breaks after its `{`, and then
//     lists one member per line;
//   - at most one blank line where the author left one, none just inside a block's braces;
//   - comments stay where they are: after code on its line, or on a line of their own at
//     the indentation of what follows.
// A declaration with a syntax error (or an unbalanced brace) is left exactly as written.
import type * as A from '../../../grammar/src/index.js';
import { spanOf } from '../../../grammar/src/index.js';
import { forEachExpr } from '../checks/walk.js';

export interface TextEdit {
  readonly span: A.Span;
  readonly newText: string;
}

export interface FormatOptions {
  /** Spaces per indentation level. */
  readonly indent: number;
}

const defaults: FormatOptions = { indent: 2 };

interface Item {
  readonly start: number;
  readonly end: number;
  /** A token type's name, or LineComment / BlockComment. */
  readonly type: string;
}

/** What the syntax tree says about the layout, keyed by item start offsets. */
interface Layout {
  /** Items that start a line, with their indentation level. */
  readonly lineStarts: Map<number, number>;
  /** `{` that open, and `}` that close, a block laid out over several lines. */
  readonly openers: Set<number>;
  readonly closers: Set<number>;
  /** `{` and `}` of a one-line set or enum: no line break just inside them. */
  readonly inlineBraces: Set<number>;
  /** Minus signs with no space after them (`-5`, `72-76`), and those with none before (`72-76`). */
  readonly tightAfter: Set<number>;
  readonly tightBefore: Set<number>;
}

/** The formatted text, for tests and the command line. */
export function formatText(text: string, parse: A.ParseResult, options: FormatOptions = defaults): string {
  return applyEdits(text, formatEdits(text, parse, undefined, options));
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/**
 * The whitespace edits that give the canonical layout; with `range`, only those that lay
 * out tokens that start inside it (so the lines around a selection stay as they are).
 */
export function formatEdits(text: string, parse: A.ParseResult, range?: A.Span, options: FormatOptions = defaults): TextEdit[] {
  const items = itemsOf(text, parse);
  if (items.length === 0) return [];
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const layout = layoutOf(parse, text);
  const verbatim = verbatimGaps(parse, items);
  const edits: TextEdit[] = [];
  // A file the parser stopped reading has no tree past that point: it is left as written.
  const unread = parse.unreadFrom ?? Infinity;
  const emit = (start: number, end: number, newText: string): void => {
    if (end >= unread) return;
    if (text.slice(start, end) === newText) return;
    if (range && !(range.start <= end && end < range.end)) return;
    edits.push({ span: { start, end }, newText });
  };

  const lead = text.slice(0, items[0].start);
  emit(0, items[0].start, /^\s*$/.test(lead) && !lead.includes('\ufeff') ? '' : lead);

  let clause = 0;
  let parens = 0;
  const pad = (level: number): string => ' '.repeat(Math.max(0, level) * options.indent);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const structural = layout.lineStarts.get(item.start);
    if (i > 0) {
      const prev = items[i - 1];
      const gap = text.slice(prev.end, item.start);
      if (verbatim[i] || !/^\s*$/.test(gap)) {
        // Left as written.
      } else {
        const breaks = lineBreaks(gap);
        const comment = item.type === 'LineComment' || item.type === 'BlockComment';
        const blank = breaks >= 2 && (structural !== undefined || comment) && !layout.openers.has(prev.start) && !layout.closers.has(item.start);
        const newline = (level: number): string => (blank ? eol : '') + eol + pad(level);
        if (structural !== undefined) emit(prev.end, item.start, newline(structural));
        else if (comment && (breaks > 0 || prev.type === 'LineComment')) emit(prev.end, item.start, newline(commentLevel(items, i, layout, clause + 1 + parens)));
        else if (prev.type === 'LineComment' || (breaks > 0 && breakAllowed(prev, item, layout))) emit(prev.end, item.start, newline(clause + 1 + Math.max(0, parens)));
        else emit(prev.end, item.start, spacing(prev, item, layout));
      }
    }
    if (structural !== undefined) {
      clause = structural;
      parens = 0;
    }
    if (item.type === 'LParen') parens++;
    else if (item.type === 'RParen') parens--;
  }
  const last = items[items.length - 1];
  const tail = text.slice(last.end);
  emit(last.end, text.length, /^\s*$/.test(tail) && !verbatim[items.length] ? eol : tail);
  return edits;
}

function lineBreaks(gap: string): number {
  return gap.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/** A comment on its own line is indented as the code after it, or inside a closing block. */
function commentLevel(items: readonly Item[], i: number, layout: Layout, continued: number): number {
  let j = i + 1;
  while (j < items.length && (items[j].type === 'LineComment' || items[j].type === 'BlockComment')) j++;
  if (j >= items.length) return 0;
  const next = items[j];
  const level = layout.lineStarts.get(next.start);
  if (level === undefined) return continued;
  return layout.closers.has(next.start) ? level + 1 : level;
}

const noSpaceBefore = new Set(['Comma', 'Colon', 'PercentSign', 'RParen']);

function spacing(prev: Item, item: Item, layout: Layout): string {
  if (item.type === 'LineComment' || item.type === 'BlockComment' || prev.type === 'BlockComment') return ' ';
  if (noSpaceBefore.has(item.type) || prev.type === 'LParen') return '';
  if (layout.tightAfter.has(prev.start) || layout.tightBefore.has(item.start)) return '';
  return ' ';
}

/** Where an author's line break is kept: not where the canonical form has no space. */
function breakAllowed(prev: Item, item: Item, layout: Layout): boolean {
  if (prev.type === 'BlockComment') return true;
  if (spacing(prev, item, layout) === '') return false;
  if (prev.type === 'LBrace' && layout.inlineBraces.has(prev.start)) return false;
  return !(item.type === 'RBrace' && layout.inlineBraces.has(item.start));
}

function itemsOf(text: string, parse: A.ParseResult): Item[] {
  const comments: Item[] = parse.comments.map((c) => ({ start: c.start, end: c.end, type: text.startsWith('//', c.start) ? 'LineComment' : 'BlockComment' }));
  const tokens: Item[] = parse.tokens.map((t) => ({ start: t.span.start, end: t.span.end, type: t.type }));
  const items: Item[] = [];
  let a = 0;
  let b = 0;
  while (a < tokens.length || b < comments.length) {
    if (b >= comments.length || (a < tokens.length && tokens[a].start < comments[b].start)) items.push(tokens[a++]);
    else items.push(comments[b++]);
  }
  return items;
}

/** The top-level declarations, each from its first token to the next one's. */
function chunkStarts(ast: A.GuidelineFile): number[] {
  const starts = [
    ...(ast.header ? [ast.header.span.start] : []),
    ...ast.uses.map((u) => u.span.start),
    ...ast.declarations.map((d) => d.span.start),
    ...ast.gradings.map((g) => g.span.start),
  ];
  return [...new Set(starts)].sort((a, b) => a - b);
}

/**
 * verbatim[i]: the gap before item i lies inside a declaration with a syntax error or an
 * unbalanced brace, which is kept exactly as written (verbatim[items.length]: the end).
 */
function verbatimGaps(parse: A.ParseResult, items: readonly Item[]): boolean[] {
  const verbatim = new Array<boolean>(items.length + 1).fill(false);
  const starts = chunkStarts(parse.ast);
  const chunkOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const dirty = new Set<number>();
  for (const e of parse.errors) {
    const first = chunkOf(e.span.start);
    const last = chunkOf(Math.max(e.span.start, e.span.end - 1));
    for (let c = first; c <= last; c++) dirty.add(c);
    // An error at a declaration's first token is often the previous one's missing end.
    if (first >= 0 && e.span.start <= starts[first]) dirty.add(first - 1);
  }
  const depth = new Map<number, number>();
  for (const item of items) {
    const c = chunkOf(item.start);
    const d = (depth.get(c) ?? 0) + (item.type === 'LBrace' ? 1 : item.type === 'RBrace' ? -1 : 0);
    depth.set(c, d);
    if (d < 0) dirty.add(c);
  }
  for (const [c, d] of depth) if (d !== 0) dirty.add(c);
  // After a `{` that is never closed, what follows may be meant inside it: keep it all as written.
  const unclosed = [...depth].filter(([, d]) => d > 0).map(([c]) => c);
  if (unclosed.length > 0) for (let c = unclosed.reduce((a, b) => Math.min(a, b)); c < starts.length; c++) dirty.add(c);
  for (let i = 1; i < items.length; i++) {
    const c = chunkOf(items[i].start);
    verbatim[i] = dirty.has(c) && chunkOf(items[i - 1].start) === c;
  }
  verbatim[items.length] = dirty.has(chunkOf(items[items.length - 1].start));
  return verbatim;
}

function layoutOf(parse: A.ParseResult, text: string): Layout {
  const layout: Layout = { lineStarts: new Map(), openers: new Set(), closers: new Set(), inlineBraces: new Set(), tightAfter: new Set(), tightBefore: new Set() };
  const tokens = parse.tokens;
  const line = (offset: number | undefined, level: number): void => {
    if (offset !== undefined && !layout.lineStarts.has(offset)) layout.lineStarts.set(offset, level);
  };
  /** Index of the first token starting at or after `offset`. */
  const tokenIndex = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].span.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tokensIn = (span: A.Span): A.Lexeme[] => tokens.slice(tokenIndex(span.start), tokenIndex(span.end));
  const before = (offset: number): A.Lexeme | undefined => tokens[tokenIndex(offset) - 1];
  /** The block's braces: the first `{` in the span and a `}` that ends it. */
  const block = (span: A.Span, level: number, multiline: boolean): void => {
    const inside = tokensIn(span);
    const open = inside.find((t) => t.type === 'LBrace');
    const close = inside[inside.length - 1];
    if (!open || close?.type !== 'RBrace' || close === open) return;
    if (multiline) {
      layout.openers.add(open.span.start);
      layout.closers.add(close.span.start);
      line(close.span.start, level);
    } else {
      layout.inlineBraces.add(open.span.start);
      layout.inlineBraces.add(close.span.start);
    }
  };
  const field = (f: { span: A.Span } | undefined, level: number): void => line(f?.span.start, level);

  const value = (v: A.Value): void => {
    if (v.kind === 'Quantity' && v.negative) layout.tightAfter.add(v.start);
  };
  const expr = (e: A.Expr | undefined): void => forEachExpr(e, (x) => {
    if (x.kind === 'Compare') value(x.value);
    else if (x.kind === 'Between') [x.low, x.high].forEach(value);
    else if (x.kind === 'In') {
      x.values.forEach(value);
      const inside = tokensIn(x.setSpan);
      if (inside[0]?.type === 'LBrace') layout.inlineBraces.add(inside[0].span.start);
      const close = inside[inside.length - 1];
      if (inside.length > 1 && close.type === 'RBrace') layout.inlineBraces.add(close.span.start);
    }
  });
  /** `voters -3`: the sign stays against its number, as a negative quantity's does. */
  const signed = (f: A.Field<A.NumberLit> | undefined): void => {
    if (f && f.value.text.startsWith('-')) layout.tightAfter.add(f.value.start);
  };
  /** The keyword of a list field (`given`, `ask`): the token before each item that is no comma. */
  const listKeywords = (names: readonly A.Spanned[], level: number): void => {
    for (const n of names) {
      const kw = before(spanOf(n).start);
      if (kw && kw.type !== 'Comma') line(kw.span.start, level);
    }
  };

  const ast = parse.ast;
  if (ast.header) {
    const h = ast.header;
    line(h.span.start, 0);
    block(h.span, 0, true);
    field(h.title, 1);
    field(h.doi, 1);
    field(h.grading, 1);
    if (h.panel) {
      const p = h.panel;
      line(p.span.start, 1);
      block(p.span, 1, true);
      [p.voters, p.agree, p.consensus, p.strong].forEach((f) => field(f, 2));
      signed(p.voters);
    }
  }
  for (const u of ast.uses) line(u.span.start, 0);
  // A grading scheme: one line per level list.
  for (const g of ast.gradings) {
    line(g.span.start, 0);
    block(g.span, 0, true);
    [...g.strength, ...g.certainty].forEach((f) => field(f, 1));
  }
  for (const d of ast.declarations) {
    line(d.span.start, 0);
    switch (d.kind) {
      case 'Enum': {
        const inside = tokensIn(d.span);
        const open = inside.find((t) => t.type === 'LBrace');
        const hasComment = parse.comments.some((c) => c.start >= d.span.start && c.end <= d.span.end);
        const next = open && tokens[tokenIndex(open.span.end)];
        const brokenAfterOpen = !!open && !!next && /[\r\n]/.test(text.slice(open.span.end, next.span.start));
        const multiline = hasComment || brokenAfterOpen;
        block(d.span, 0, multiline);
        if (multiline) d.members.forEach((m) => line(m.start, 1));
        break;
      }
      case 'Statement':
        block(d.span, 0, true);
        [d.text, d.basis, d.strength, d.certainty, d.agreement, d.votes, d.endorsedStrong, d.cites, d.section, d.rationale, d.status,
          d.statementKind, d.voters, d.history, ...d.remarks].forEach((f) => field(f, 1));
        signed(d.voters);
        for (const item of d.cites?.value ?? []) {
          if (!item.to) continue;
          const minus = before(item.to.start);
          if (minus?.type === 'Minus') {
            layout.tightBefore.add(minus.span.start);
            layout.tightAfter.add(minus.span.start);
          }
        }
        for (const rule of d.rules) {
          line(rule.span.start, 1);
          for (const t of tokensIn(rule.span)) if (t.type === 'Kw_when' || t.type === 'Kw_then') line(t.span.start, 2);
          expr(rule.when);
        }
        break;
      case 'Case':
        block(d.span, 0, true);
        listKeywords(d.given, 1);
        for (const g of d.given) value(g.value);
        d.expects.forEach((x) => field(x, 1));
        break;
      case 'Decision': {
        block(d.span, 0, true);
        listKeywords(d.ask, 1);
        const where = d.where;
        if (where) {
          const kw = tokensIn({ start: d.span.start, end: where.span.start }).filter((t) => t.type === 'Kw_where').pop();
          if (kw) line(kw.span.start, 1);
        }
        expr(where);
        break;
      }
      case 'Attribute':
      case 'Intervention':
      case 'Reference':
        break;
    }
  }
  return layout;
}
