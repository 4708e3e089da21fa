// A drawing as plain data: SVG elements with attributes, and text as separate string
// children. The command line serialises it (svg.ts); the webview builds DOM from it with
// createElementNS and text nodes, so user text is never parsed as markup on either side.

export type SvgTag = 'svg' | 'g' | 'defs' | 'marker' | 'rect' | 'path' | 'line' | 'text' | 'tspan' | 'title';

export type SvgChild = SvgElement | string;

export interface SvgElement {
  tag: SvgTag;
  attrs: Record<string, string | number>;
  children: SvgChild[];
}

export function el(tag: SvgTag, attrs: Record<string, string | number | undefined> = {}, children: SvgChild[] = []): SvgElement {
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) kept[name] = value;
  return { tag, attrs: kept, children };
}

/** Every element in document order, for tests and lookups. */
export function* walk(root: SvgElement): Generator<SvgElement> {
  yield root;
  for (const child of root.children) if (typeof child !== 'string') yield* walk(child);
}

/** The text an element holds, its descendants' included. */
export function textOf(root: SvgElement): string {
  return root.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
