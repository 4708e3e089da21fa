// Turns a laid-out scene into SVG elements: split boxes, leaf cards with one clickable row
// per recommendation, gap and conflict leaves marked, edges with their branch labels.
import type { LeafNode } from '../protocol.js';
import { padding, type Content, type Line, type Span, type Tone } from './content.js';
import { el, type SvgChild, type SvgElement } from './element.js';
import { recommendationSummary } from './labels.js';
import type { Scene, SceneEdge, SceneNode } from './layout.js';
import type { ColourRole, Palette } from './palette.js';
import { estimateWidth, fonts, lineHeight, type Measure } from './text.js';

export interface PaintOptions {
  palette: Palette;
  fontFamily: string;
  /** Paint the background (files); the webview leaves it to the panel. */
  background: boolean;
  /** Focusable nodes with ARIA roles and labels (the webview). */
  interactive: boolean;
  /** `<title>` tooltips, for viewers without the webview's own. */
  titles: boolean;
  /** Lines above the tree: the decision's title, a note that the file has errors. */
  heading?: Span[];
  /** Sizes the heading; the scene's own text was measured when it was laid out. */
  measure?: Measure;
}

export const defaultFontFamily = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif";

export const toneRole: Record<Tone, ColourRole> = {
  text: 'text',
  muted: 'muted',
  accent: 'accent',
  for: 'for',
  against: 'against',
  gap: 'gapStroke',
  conflict: 'conflictStroke',
};

const r1 = (n: number): number => Math.round(n * 10) / 10;

export function textLine(line: Line, x: number, top: number, palette: Palette, anchor?: 'middle'): SvgElement {
  const size = Math.max(...line.spans.map((s) => fonts[s.style].size));
  const baseline = top + line.height / 2 + size * 0.35;
  const spans = line.spans
    .filter((s) => s.text.length > 0)
    .map((s) =>
      el('tspan', { 'font-size': fonts[s.style].size, 'font-weight': fonts[s.style].bold ? 600 : undefined, fill: palette[toneRole[s.tone]] }, [s.text]),
    );
  return el('text', { x: r1(x), y: r1(baseline), 'text-anchor': anchor }, spans);
}

export function sectionsOf(content: Content, width: number, palette: Palette, pad: { x: number; y: number; section: number } = padding): SvgElement[] {
  const out: SvgElement[] = [];
  const padding = pad;
  // The same arithmetic as nodeContent's height: padding, lines, a gap between sections.
  let top = padding.y;
  content.sections.forEach((section, i) => {
    if (i > 0) top += 2 * padding.section;
    const height = section.lines.reduce((h, l) => h + l.height, 0);
    const children: SvgChild[] = [];
    const rec = section.recommendation;
    if (rec !== undefined) {
      // A transparent hit area so the whole row, not just its glyphs, takes the click.
      const hitTop = Math.max(1, top - padding.section);
      children.push(el('rect', { class: 'gt-hit', x: 1, y: r1(hitTop), width: width - 2, height: r1(top + height + padding.section - hitTop), fill: 'transparent' }));
    }
    if (section.separator) {
      const y = r1(top - padding.section);
      children.push(el('line', { x1: padding.x, x2: width - padding.x, y1: y, y2: y, stroke: palette.separator, 'stroke-width': 1 }));
    }
    let lineTop = top;
    for (const line of section.lines) {
      children.push(textLine(line, padding.x, lineTop, palette));
      lineTop += line.height;
    }
    out.push(rec === undefined ? el('g', {}, children) : el('g', { class: 'gt-rec', 'data-rec': rec }, children));
    top += height;
  });
  return out;
}

function nodeBox(item: SceneNode, options: PaintOptions): SvgElement {
  const { node, content } = item;
  const p = options.palette;
  const leaf = node.kind === 'leaf' ? node : undefined;
  const [fill, stroke] = leaf?.conflict
    ? [p.conflictFill, p.conflictStroke]
    : leaf?.gap
      ? [p.gapFill, p.gapStroke]
      : leaf
        ? [p.leafFill, p.leafStroke]
        : [p.splitFill, p.splitStroke];
  const flagged = leaf !== undefined && (leaf.gap || leaf.conflict);
  const classes = ['gt-node', leaf ? 'gt-leaf' : 'gt-split', leaf?.gap ? 'gt-gap' : '', leaf?.conflict ? 'gt-conflict' : ''].filter(Boolean).join(' ');
  const label = node.kind === 'leaf' ? leafLabel(node) : `Split on ${node.attribute}${node.attributeLabel ? `: ${node.attributeLabel}` : ''}`;
  const children: SvgChild[] = [];
  if (options.titles) children.push(el('title', {}, [label]));
  children.push(
    el('rect', {
      class: 'gt-box',
      width: item.width,
      height: item.height,
      rx: leaf ? 4 : 8,
      fill,
      stroke,
      'stroke-width': flagged ? 2 : 1.25,
      'stroke-dasharray': leaf?.gap && !leaf.conflict ? '5 3' : undefined,
    }),
  );
  children.push(...sectionsOf(content, item.width, p));
  return el(
    'g',
    {
      class: classes,
      'data-node': node.id,
      transform: `translate(${r1(item.x)},${r1(item.y)})`,
      tabindex: options.interactive ? 0 : undefined,
      role: options.interactive ? 'button' : undefined,
      'aria-label': options.interactive ? label : undefined,
    },
    children,
  );
}

function leafLabel(leaf: LeafNode): string {
  const parts = leaf.recommendations.map(recommendationSummary);
  if (leaf.conflict) parts.unshift('Conflict');
  if (leaf.gap) parts.unshift('Gap: no recommendation');
  if (leaf.example) parts.push(`for example ${leaf.example}`);
  return parts.join('; ') || 'No recommendation';
}

function edgePath(edge: SceneEdge, p: Palette): SvgElement[] {
  const drawn = edge.paths.filter((path) => path.length >= 2);
  const out = drawn.map((path, i) =>
    el('path', {
      class: 'gt-edge',
      d: path.map((pt, j) => `${j === 0 ? 'M' : 'L'}${r1(pt.x)} ${r1(pt.y)}`).join(' '),
      fill: 'none',
      stroke: p.edge,
      'stroke-width': 1.25,
      'marker-end': i === drawn.length - 1 ? 'url(#gt-arrow)' : undefined,
    }),
  );
  const box = edge.labelBox;
  if (box) {
    const lines: SvgElement[] = [];
    let top = box.y + 2;
    for (const line of box.content.sections[0]?.lines ?? []) {
      lines.push(textLine(line, box.x + box.width / 2, top, p, 'middle'));
      top += line.height;
    }
    out.push(
      el('g', { class: 'gt-branch', 'data-edge': edge.id }, [
        el('rect', { x: r1(box.x), y: r1(box.y), width: r1(box.width), height: r1(box.height), rx: 3, fill: p.edgeLabelFill, stroke: p.edge, 'stroke-width': 0.75 }),
        ...lines,
      ]),
    );
  }
  return out;
}

const headingX = 16;

export function headingLines(heading: Span[], palette: Palette, measure: Measure): { elements: SvgElement[]; width: number; height: number } {
  const elements: SvgElement[] = [];
  let top = padding.y;
  let width = 0;
  for (const span of heading) {
    const line: Line = { spans: [span], height: fonts[span.style].size * lineHeight };
    elements.push(textLine(line, headingX, top, palette));
    width = Math.max(width, measure(span.text, span.style) + 2 * headingX);
    top += line.height;
  }
  return { elements, width: Math.ceil(width), height: heading.length > 0 ? Math.ceil(top) : 0 };
}

/**
 * What every drawing starts with, whichever tree it draws: its size with the heading, the
 * arrowhead marker, the background where asked, and the heading's lines.
 */
export function drawingFrame(scene: { width: number; height: number }, options: PaintOptions): { head: { height: number }; width: number; height: number; children: SvgChild[] } {
  const p = options.palette;
  const head = headingLines(options.heading ?? [], p, options.measure ?? estimateWidth);
  const width = Math.max(scene.width, head.width, 320);
  const height = scene.height + head.height;
  const arrow = el('marker', { id: 'gt-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
    el('path', { d: 'M0 0 L10 5 L0 10 z', fill: p.edge }),
  ]);
  const children: SvgChild[] = [el('defs', {}, [arrow])];
  if (options.background) children.push(el('rect', { class: 'gt-background', width, height, fill: p.background }));
  children.push(...head.elements);
  return { head, width, height, children };
}

/** The scene as one SVG element tree. */
export function paintScene(scene: Scene, options: PaintOptions): SvgElement {
  const p = options.palette;
  const { head, width, height, children } = drawingFrame(scene, options);
  children.push(
    el('g', { class: 'gt-tree', transform: head.height ? `translate(0,${r1(head.height)})` : undefined }, [
      el('g', { class: 'gt-edges' }, scene.edges.flatMap((e) => edgePath(e, p))),
      el('g', { class: 'gt-nodes' }, scene.nodes.map((n) => nodeBox(n, options))),
    ]),
  );
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': options.fontFamily, fill: p.text },
    children,
  );
}
