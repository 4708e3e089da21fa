// Places the tree's boxes with ELK's layered algorithm, top down, and returns a scene: every
// node and branch label with its size and position, every edge as a polyline. Pure: no DOM,
// no editor; the webview and the command line draw the same scene.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { TreeNode } from '../protocol.js';
import { edgeContent, nodeContent, type Content } from './content.js';
import { treeGraph } from './dag.js';
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
  points: Point[];
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
  // A tree needs no crossing minimisation, which is the slow part for large trees, and
  // skipping it keeps each split's branches in order (see edgesInModelOrder).
  'elk.layered.crossingMinimization.strategy': 'NONE',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '16',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeNode': '12',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': `[top=${margin},left=${margin},bottom=${margin},right=${margin}]`,
};

/**
 * Without crossing minimisation ELK orders each layer as its layering met the nodes, which
 * lists the edges last first; giving the edges in reverse puts branches left to right in
 * the tree's order. The layout tests check that order.
 */
function edgesInModelOrder<T>(edges: T[]): T[] {
  return [...edges].reverse();
}

let elk: InstanceType<typeof ELK> | undefined;

/** Lays out a decision tree. `measure` sizes text; the default estimate needs no DOM. */
export async function layoutTree(tree: TreeNode | undefined, measure: Measure = estimateWidth): Promise<Scene> {
  const graph = treeGraph(tree);
  if (graph.nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const contents = new Map(graph.nodes.map((n) => [n.id, nodeContent(n, measure)]));
  const labels = new Map(graph.edges.map((e) => [e.id, edgeContent(e.label, measure)]));
  const input: ElkNode = {
    id: 'root',
    layoutOptions,
    children: graph.nodes.map((n) => ({ id: n.id, width: contents.get(n.id)!.width, height: contents.get(n.id)!.height })),
    edges: edgesInModelOrder(graph.edges).map(
      (e): ElkExtendedEdge => ({
        id: e.id,
        sources: [e.source],
        targets: [e.target],
        labels: e.label ? [{ id: `${e.id}#label`, text: e.label, width: labels.get(e.id)!.width, height: labels.get(e.id)!.height }] : [],
      }),
    ),
  };
  elk ??= new ELK();
  const out = await elk.layout(input);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: SceneNode[] = (out.children ?? []).map((c) => ({
    x: c.x ?? 0,
    y: c.y ?? 0,
    width: c.width ?? 0,
    height: c.height ?? 0,
    node: byId.get(c.id)!,
    content: contents.get(c.id)!,
  }));
  const laidEdges = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const edges: SceneEdge[] = graph.edges.map((e) => {
    const laid = laidEdges.get(e.id);
    const section = laid?.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = laid?.labels?.[0];
    return {
      ...e,
      points: points.map((p) => ({ x: p.x, y: p.y })),
      labelBox: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0, content: labels.get(e.id)! } : undefined,
    };
  });
  return { width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0), nodes, edges };
}
