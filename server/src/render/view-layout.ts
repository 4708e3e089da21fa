// Places the reviewer's view with ELK's tree algorithm (mrtree): a tree (never a DAG), left to
// right or top down, children in the order the rules list them (model order), so no two
// edges cross. Which boxes are unfolded is an input: the same view re-lays out when the
// reader unfolds one, and box ids stay put so the reader's place can be kept.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { ViewNode } from '../protocol.js';
import type { Box, Point } from './layout.js';
import { estimateWidth, type Measure } from './text.js';
import { viewContent, type ViewContent } from './view-content.js';

export type Direction = 'right' | 'down';

export interface ViewLayoutOptions {
  direction?: Direction;
  /** Ids of folded boxes to draw unfolded. */
  unfolded?: ReadonlySet<string>;
  /** Unfold every box (`--detail`). */
  detail?: boolean;
  measure?: Measure;
}

export interface ViewSceneNode extends Box {
  view: ViewNode;
  content: ViewContent;
  /** 'unfold': folded, with detail to show; 'fold': shown unfolded, can fold back. */
  toggle?: 'unfold' | 'fold';
}

export interface ViewSceneEdge {
  id: string;
  source: string;
  target: string;
  path: Point[];
}

export interface ViewScene {
  width: number;
  height: number;
  direction: Direction;
  nodes: ViewSceneNode[];
  edges: ViewSceneEdge[];
}

export const viewMargin = 12;

function options(direction: Direction): Record<string, string> {
  return {
    // ELK's tree algorithm: the view is a tree (never a DAG), so the layered algorithm's
    // machinery (layering, crossing minimisation, orthogonal routing) bought nothing but
    // time, about two thirds of the view's first layout in a process. A tidy tree with the
    // children in model order (the rules' order) has no crossings and keeps its order when
    // one box unfolds.
    'elk.algorithm': 'mrtree',
    'elk.direction': direction === 'down' ? 'DOWN' : 'RIGHT',
    'elk.mrtree.weighting': 'MODEL_ORDER',
    'elk.spacing.nodeNode': direction === 'down' ? '14' : '6',
    'elk.omitNodeMicroLayout': 'true',
    'elk.separateConnectedComponents': 'false',
    'elk.padding': `[top=${viewMargin},left=${viewMargin},bottom=${viewMargin},right=${viewMargin}]`,
  };
}

/** The boxes the view draws with `unfolded` applied, parents before children. */
export interface DrawnBox {
  view: ViewNode;
  parent?: string;
  toggle?: 'unfold' | 'fold';
  depth: number;
  /** Reading order across the tree: leaves numbered in turn, a parent amid its children. */
  order: number;
}

export function drawnBoxes(root: ViewNode | undefined, unfolded: ReadonlySet<string>, detail: boolean): DrawnBox[] {
  const out: DrawnBox[] = [];
  if (!root) return out;
  let leaves = 0;
  // Recursion depth is the tree's depth, which a path bounds by the attributes it tests.
  const visit = (v0: ViewNode, parent: string | undefined, depth: number): number => {
    // Detail built on demand may not be here yet (`expandDetail` first): the box stays folded.
    const foldable = v0.detail !== undefined || v0.unfolds === true;
    const open = v0.detail !== undefined && (detail || unfolded.has(v0.id));
    const v = open ? v0.detail! : v0;
    const toggle = !foldable || detail ? undefined : open ? 'fold' : 'unfold';
    const box: DrawnBox = { view: v, parent, toggle, depth, order: 0 };
    out.push(box);
    if (v.children.length === 0) box.order = leaves++;
    else {
      const orders = v.children.map((c) => visit(c, v.id, depth + 1));
      box.order = (orders[0] + orders[orders.length - 1]) / 2;
    }
    return box.order;
  };
  visit(root, undefined, 0);
  return out;
}

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutView(root: ViewNode | undefined, o: ViewLayoutOptions = {}): Promise<ViewScene> {
  const direction = o.direction ?? 'right';
  const measure = o.measure ?? estimateWidth;
  const boxes = drawnBoxes(root, o.unfolded ?? new Set(), o.detail ?? false);
  if (boxes.length === 0) return { width: 0, height: 0, direction, nodes: [], edges: [] };
  const contents = new Map(boxes.map((b) => [b.view.id, viewContent(b.view, measure, b.toggle)]));
  // Boxes parents first, children in reading order: the model order the tree algorithm keeps.
  const children: ElkNode[] = boxes.map((b) => {
    const c = contents.get(b.view.id)!;
    return { id: b.view.id, width: c.width, height: c.height };
  });
  const edges: ElkExtendedEdge[] = boxes.filter((b) => b.parent !== undefined).map((b) => ({ id: `${b.parent}>${b.view.id}`, sources: [b.parent!], targets: [b.view.id] }));
  elk ??= new ELK();
  const input: ElkNode = { id: 'root', layoutOptions: options(direction), children, edges };
  const out = await elk.layout(input);
  const placed = new Map((out.children ?? []).map((c) => [c.id, c]));
  const nodes: ViewSceneNode[] = boxes.map((b) => {
    const p = placed.get(b.view.id);
    const content = contents.get(b.view.id)!;
    return { view: b.view, content, toggle: b.toggle, x: p?.x ?? 0, y: p?.y ?? 0, width: content.width, height: content.height };
  });
  const sceneEdges: ViewSceneEdge[] = (out.edges ?? []).map((e) => {
    const edge = e as ElkExtendedEdge;
    const s = edge.sections?.[0];
    const path = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((pt) => ({ x: pt.x, y: pt.y })) : [];
    return { id: edge.id, source: edge.sources[0], target: edge.targets[0], path };
  });
  // The drawing's extent from what is drawn: the tree algorithm's own graph size can fall
  // short of its widest boxes.
  const right = Math.max(out.width ?? 0, ...nodes.map((n) => n.x + n.width + viewMargin));
  const bottom = Math.max(out.height ?? 0, ...nodes.map((n) => n.y + n.height + viewMargin));
  return { width: Math.ceil(right), height: Math.ceil(bottom), direction, nodes, edges: sceneEdges };
}

/** Pairs of edges that cross (touching at a shared parent does not count): zero for a drawn tree. */
export function edgeCrossings(scene: ViewScene): number {
  const segments = scene.edges.map((e) => ({ e, segs: e.path.slice(1).map((p, i) => [e.path[i], p] as const) }));
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i];
      const b = segments[j];
      if (a.e.source === b.e.source) continue; // siblings share their trunk
      if (a.segs.some(([p, q]) => b.segs.some(([r, s]) => properlyCross(p, q, r, s)))) crossings++;
    }
  }
  return crossings;
}

function properlyCross(p: Point, q: Point, r: Point, s: Point): boolean {
  const d = (a: Point, b: Point, c: Point): number => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const d1 = d(r, s, p);
  const d2 = d(r, s, q);
  const d3 = d(p, q, r);
  const d4 = d(p, q, s);
  return ((d1 > 1e-6 && d2 < -1e-6) || (d1 < -1e-6 && d2 > 1e-6)) && ((d3 > 1e-6 && d4 < -1e-6) || (d3 < -1e-6 && d4 > 1e-6));
}
