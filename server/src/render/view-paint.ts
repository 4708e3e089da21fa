// Turns a laid-out view into SVG elements: question boxes, outcome boxes with one clickable
// row per recommendation or addition, markers, edges. For print (files that leave the
// editor) it adds the title, the population and a legend of the GRADE symbols, in a light
// palette whose text and edges reach 4.5:1 on white.
import type { Span } from './content.js';
import { el, type SvgChild, type SvgElement } from './element.js';
import { gradeLegend } from './labels.js';
import { drawingFrame, sectionsOf, type PaintOptions } from './paint.js';
import { lightPalette, type Palette } from './palette.js';
import { boxPadding } from './view-content.js';
import type { ViewScene, ViewSceneNode } from './view-layout.js';

/** The view is painted with the same options as the raw tree. */
export type ViewPaintOptions = PaintOptions;

/** Light colours for paper: the theme's light values with edges and amber text darkened to 4.5:1 or more. */
export const printPalette: Palette = { ...lightPalette, edge: '#5f5f5f', gapStroke: '#8a5a00', leafStroke: '#767676', splitStroke: '#005fb8' };

const r1 = (n: number): number => Math.round(n * 10) / 10;

function box(item: ViewSceneNode, o: ViewPaintOptions): SvgElement {
  const v = item.view;
  const p = o.palette;
  const [fill, stroke] = v.conflict ? [p.conflictFill, p.conflictStroke] : v.gap ? [p.gapFill, p.gapStroke] : v.kind === 'outcome' ? [p.leafFill, p.leafStroke] : [p.splitFill, p.splitStroke];
  const classes = ['gt-node', v.kind === 'outcome' ? 'gt-leaf' : v.kind === 'marker' ? 'gt-marker' : 'gt-split', v.gap ? 'gt-gap' : '', v.conflict ? 'gt-conflict' : '', item.toggle ? `gt-${item.toggle}` : '']
    .filter(Boolean)
    .join(' ');
  const children: SvgChild[] = [];
  if (o.titles) children.push(el('title', {}, [item.content.label]));
  children.push(
    el('rect', {
      class: 'gt-box',
      width: item.width,
      height: item.height,
      rx: v.kind === 'outcome' ? 4 : 8,
      fill,
      stroke,
      'stroke-width': v.gap || v.conflict ? 2 : 1.25,
      'stroke-dasharray': v.kind === 'marker' || (v.gap && !v.conflict) ? '5 3' : undefined,
    }),
  );
  children.push(...sectionsOf(item.content, item.width, p, boxPadding));
  return el(
    'g',
    {
      class: classes,
      'data-node': v.id,
      'data-toggle': item.toggle,
      'data-refers': v.refersTo,
      transform: `translate(${r1(item.x)},${r1(item.y)})`,
      tabindex: o.interactive ? 0 : undefined,
      role: o.interactive ? 'button' : undefined,
      'aria-label': o.interactive ? item.content.label : undefined,
    },
    children,
  );
}

/** The view as one SVG element tree. */
export function paintView(scene: ViewScene, o: ViewPaintOptions): SvgElement {
  const p = o.palette;
  const { head, width, height, children } = drawingFrame(scene, o);
  const edges = scene.edges
    .filter((e) => e.path.length >= 2)
    .map((e) =>
      el('path', {
        class: 'gt-edge',
        'data-edge': e.id,
        d: e.path.map((pt, j) => `${j === 0 ? 'M' : 'L'}${r1(pt.x)} ${r1(pt.y)}`).join(' '),
        fill: 'none',
        stroke: p.edge,
        'stroke-width': 1.25,
        'marker-end': 'url(#gt-arrow)',
      }),
    );
  children.push(
    el('g', { class: 'gt-tree', transform: head.height ? `translate(0,${r1(head.height)})` : undefined }, [
      el('g', { class: 'gt-edges' }, edges),
      el('g', { class: 'gt-nodes' }, scene.nodes.map((n) => box(n, o))),
    ]),
  );
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': o.fontFamily, fill: p.text }, children);
}

/** A printed view's heading: title, population, notes, and the GRADE legend. */
export function printHeading(title: string, population: string | undefined, notes: readonly string[]): Span[] {
  const spans: Span[] = [{ text: title, style: 'attribute', tone: 'text' }];
  if (population) spans.push({ text: `Population: ${population}`, style: 'description', tone: 'text' });
  for (const n of notes) spans.push({ text: n, style: 'description', tone: 'muted' });
  for (const l of gradeLegend) spans.push({ text: l, style: 'description', tone: 'muted' });
  return spans;
}
