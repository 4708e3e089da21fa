// Where a node of the tree is: its `span` field, or the node itself for the words, numbers,
// strings and values that are their own span (grammar/src/ast.ts).
import type { Span } from './ast.js';

export type Spanned = Span | { readonly span: Span };

export function spanOf(node: Spanned): Span {
  return 'span' in node ? node.span : node;
}
