// Places the tree's boxes with ELK's layered algorithm, top down, and returns a scene: every
// node and branch label with its size and position, every edge as polylines. Pure: no DOM,
// no editor; the webview and the command line draw the same scene.
//
// A branch's label sits on top of the box it leads into, and each edge ends in a port at
// its label, so a shared subtree (several branches into one box) shows one label per
// branch side by side. Labels need no nodes or layers of their own, which keeps large
// trees fast.
//
// Every editor path now draws the reviewer's view (view-layout.ts, view-paint.ts): the
// preview, `guideline tree --format svg` (with or without `--detail`) and the summary
// exports. This raw drawing of the partition stays for a result that carries no view: a
// tree from `decisionTree` alone (the fuzz oracle draws each one) or sent by an older
// server, and the recorded trees in test/fixtures/trees that the preview's theme,
// hostile-text, reveal and export tests draw.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { TreeNode } from '../protocol.js';
import { edgeContent, nodeContent, type Content } from './content.js';
import { treeGraph, type TreeEdge } from './dag.js';
import { depths, readingOrder } from './reading-order.js';
import { estimateWidth, type Measure } from './text.js';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneNode extends Box {
  node: TreeNode;
  content: Content;
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** Polylines: parent to branch label, then label to child (one polyline when unlabelled). */
  paths: Point[][];
  labelBox?: Box & { content: Content };
}

export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

export const margin = 16;

const layoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  // Layers and the order within them come from the hints given as positions: a tree needs
  // no search for fewer crossings, which is the slow part on large trees, and the
  // branches stay in the order the rules list them.
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.edgeNode': '12',
  'elk.omitNodeMicroLayout': 'true',
  'elk.separateConnectedComponents': 'false',
  'elk.padding': `[top=${margin},left=${margin},bottom=${margin},right=${margin}]`,
};

// Ids inside the ELK graph, prefixed so a tree node's id can never meet a port's.
const nodeKey = (id: string): string => `n:${id}`;
const portKey = (edge: string): string => `p:${edge}`;
const hintSpacing = 1000;
/** Space between the labels of one box, and between the labels and the box. */
const labelSpacing = 6;
const labelGap = 12;

interface LabelRow {
  /** Labelled branches into the box, left to right, with each label's offset in the row. */
  labels: { edge: TreeEdge; content: Content; x: number }[];
  height: number;
  width: number;
}

let elk: InstanceType<typeof ELK> | undefined;

/** Lays out a decision tree. `measure` sizes text; the default estimate needs no DOM. */
export async function layoutTree(tree: TreeNode | undefined, measure: Measure = estimateWidth): Promise<Scene> {
  const graph = treeGraph(tree);
  if (graph.nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const hints = readingOrder(graph);
  const layers = depths(graph.nodes);
  const contents = new Map(graph.nodes.map((n) => [n.id, nodeContent(n, measure)]));
  const rows = labelRows(graph.edges, hints, measure);

  const children: ElkNode[] = graph.nodes.map((n) => {
    const content = contents.get(n.id)!;
    const row = rows.get(n.id);
    const width = Math.max(content.width, row?.width ?? 0);
    const node: ElkNode = {
      id: nodeKey(n.id),
      width,
      height: content.height + (row ? row.height + labelGap : 0),
      x: (hints.get(n.id) ?? 0) * hintSpacing,
      y: (layers.get(n.id) ?? 0) * hintSpacing,
    };
    if (row) {
      const left = (width - row.width) / 2;
      node.ports = row.labels.map((l): ElkPort => ({ id: portKey(l.edge.id), x: left + l.x + l.content.width / 2, y: 0, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'NORTH' } }));
      node.layoutOptions = { 'elk.portConstraints': 'FIXED_POS' };
    }
    return node;
  });
  const labelled = new Set([...rows.values()].flatMap((r) => r.labels.map((l) => l.edge.id)));
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => ({
    id: e.id,
    sources: [nodeKey(e.source)],
    targets: [labelled.has(e.id) ? portKey(e.id) : nodeKey(e.target)],
  }));

  elk ??= new ELK();
  const input: ElkNode = { id: 'root', layoutOptions, children, edges };
  const out = await elk.layout(input);
  const placed = new Map((out.children ?? []).map((c) => [c.id, c]));
  const routes = new Map((out.edges ?? []).map((e) => [e.id, polyline(e as ElkExtendedEdge)]));

  const nodes: SceneNode[] = [];
  const labelBoxes = new Map<string, { box: Box & { content: Content }; link: Point[] }>();
  for (const n of graph.nodes) {
    const outer = placed.get(nodeKey(n.id));
    const content = contents.get(n.id)!;
    const row = rows.get(n.id);
    const x = outer?.x ?? 0;
    const y = outer?.y ?? 0;
    const width = outer?.width ?? content.width;
    const box = { x: x + (width - content.width) / 2, y: y + (row ? row.height + labelGap : 0), width: content.width, height: content.height };
    nodes.push({ ...box, node: n, content });
    if (!row) continue;
    const left = x + (width - row.width) / 2;
    for (const l of row.labels) {
      const labelBox = { x: left + l.x, y: y + row.height - l.content.height, width: l.content.width, height: l.content.height, content: l.content };
      labelBoxes.set(l.edge.id, { box: labelBox, link: link(labelBox, box) });
    }
  }
  const sceneEdges: SceneEdge[] = graph.edges.map((e) => {
    const route = routes.get(e.id) ?? [];
    const label = labelBoxes.get(e.id);
    return label ? { ...e, paths: [route, label.link], labelBox: label.box } : { ...e, paths: [route] };
  });
  return { width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0), nodes, edges: sceneEdges };
}

/** The labels over each box, ordered by where their branches come from. */
function labelRows(edges: TreeEdge[], hints: Map<string, number>, measure: Measure): Map<string, LabelRow> {
  const byTarget = new Map<string, TreeEdge[]>();
  for (const e of edges) if (e.label) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e]);
  const rows = new Map<string, LabelRow>();
  for (const [target, into] of byTarget) {
    into.sort((a, b) => (hints.get(a.source) ?? 0) - (hints.get(b.source) ?? 0));
    let x = 0;
    const labels = into.map((edge) => {
      const content = edgeContent(edge.label, measure);
      const label = { edge, content, x };
      x += content.width + labelSpacing;
      return label;
    });
    rows.set(target, { labels, width: x - labelSpacing, height: Math.max(...labels.map((l) => l.content.height)) });
  }
  return rows;
}

/** From under a label down into its box; with a jog when the label sits beside the box. */
function link(label: Box, box: Box): Point[] {
  const from = { x: label.x + label.width / 2, y: label.y + label.height };
  const x = Math.min(Math.max(from.x, box.x + 8), box.x + box.width - 8);
  if (Math.abs(x - from.x) < 0.5) return [from, { x, y: box.y }];
  const mid = (from.y + box.y) / 2;
  return [from, { x: from.x, y: mid }, { x, y: mid }, { x, y: box.y }];
}

function polyline(edge: ElkExtendedEdge): Point[] {
  const section = edge.sections?.[0];
  if (!section) return [];
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y }));
}
