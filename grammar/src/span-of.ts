// Where a node of the tree is: its `span` field, or the node itself for the words, numbers,
// strings and values that are their own span (grammar/src/ast.ts).
import type { Span } from './ast.js';

export type Spanned = Span | { readonly span: Span };

export function spanOf(node: Spanned): Span {
  return 'span' in node ? node.span : node;
}

/** A span and nothing else: not a node that is its own span. */
export function isBareSpan(v: unknown): v is Span {
  return typeof v === 'object' && v !== null && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number' && Object.keys(v).length === 2;
}

/** The position alone, for what keeps a location (a finding) rather than a node. */
export function bareSpan(span: Span): Span {
  return Object.keys(span).length === 2 ? span : { start: span.start, end: span.end };
}
