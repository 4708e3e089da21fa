// The preview inside the webview: receives trees from the extension, lays them out and
// draws them with the shared renderer, and turns clicks, hovers and buttons into messages.
import type { DecisionTreeResult, LeafRecommendation, SourceRange, StatementDetails, TreeNode } from '../../../server/src/protocol.js';
import { layoutTree, type Scene } from '../../../server/src/render/layout.js';
import { defaultFontFamily, paintScene } from '../../../server/src/render/paint.js';
import { themePalette } from '../../../server/src/render/palette.js';
import type { Measure } from '../../../server/src/render/text.js';
import { layoutView, type Direction, type ViewScene } from '../../../server/src/render/view-layout.js';
import { paintView } from '../../../server/src/render/view-paint.js';
import { expandDetail } from '../../../server/src/render/view-build/build.js';
import { highlightedBoxes } from '../../../server/src/render/view-highlight.js';
import { isHostMessage, type HostMessage, type PreviewState } from '../preview/messages.js';
import { Chrome } from './chrome.js';
import { toDom } from './dom.js';
import { exportSvg, exportViewSvg, svgToPngBase64 } from './export.js';
import { emptyText } from '../../../server/src/render/view-text.js';
import { canvasMeasure } from './measure.js';
import { StatementTooltip } from './tooltip.js';
import { Viewport } from './viewport.js';
import type { VsCodeApi } from './vscode-api.js';

const svgNs = 'http://www.w3.org/2000/svg';
const detailsTimeout = 5000;

export class PreviewApp {
  private readonly chrome = new Chrome();
  private readonly camera: SVGGElement;
  private readonly viewport: Viewport;
  private readonly tooltip: StatementTooltip;
  private readonly fontFamily: string;
  private readonly measure: Measure;
  private state: PreviewState;
  private result: DecisionTreeResult | undefined;
  private scene: Scene | undefined;
  /** The reviewer's view as drawn, when the result carries one. */
  private viewScene: ViewScene | undefined;
  private unfolded = new Set<string>();
  private showOutside = false;
  private direction: Direction = 'right';
  private detail = false;
  private highlighted: string[] = [];
  private nodes = new Map<string, TreeNode>();
  /** Which tree the view shows (uri#decision), to keep zoom and scroll across edits. */
  private shown: string | undefined;
  private renderSeq = 0;
  private requestSeq = 0;
  private readonly pending = new Map<number, (d: StatementDetails | undefined) => void>();
  private details = new Map<string, Promise<StatementDetails | undefined>>();

  constructor(private readonly api: VsCodeApi) {
    this.state = api.getState() ?? {};
    this.fontFamily = getComputedStyle(document.body).fontFamily || defaultFontFamily;
    this.measure = canvasMeasure(this.fontFamily);
    const canvas = document.createElementNS(svgNs, 'svg');
    canvas.setAttribute('class', 'canvas');
    this.camera = document.createElementNS(svgNs, 'g');
    canvas.appendChild(this.camera);
    this.chrome.viewport.appendChild(canvas);
    this.viewport = new Viewport(this.chrome.viewport, this.camera, (view) => this.save({ view }));
    this.tooltip = new StatementTooltip(this.chrome.tooltip, (s) => this.statementDetails(s));
    this.wire();
  }

  start(): void {
    window.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isHostMessage(e.data)) void this.onMessage(e.data);
    });
    this.chrome.setState('loading');
    this.api.postMessage({ type: 'ready' });
  }

  private save(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    this.api.setState(this.state);
  }

  private async onMessage(message: HostMessage): Promise<void> {
    switch (message.type) {
      case 'tree':
        this.direction = message.direction ?? this.direction;
        this.detail = message.detail ?? this.detail;
        return this.showTree(message.result);
      case 'highlight':
        this.highlighted = message.rules;
        this.applyHighlight();
        return;
      case 'noDocument':
        this.clear('Open a .guideline file to see its decision tree.', 'empty');
        return;
      case 'loading':
        if (message.uri !== this.result?.uri) this.chrome.setState('loading');
        return;
      case 'failed':
        this.chrome.setBanner(`The decision tree could not be computed: ${message.message}`, 'error');
        this.chrome.setState('failed');
        return;
      case 'statementDetails':
        this.pending.get(message.requestId)?.(message.details);
        this.pending.delete(message.requestId);
        return;
      case 'exported':
        return;
    }
  }

  private clear(text: string, state: 'empty' | 'failed'): void {
    this.renderSeq++;
    this.scene = undefined;
    this.camera.replaceChildren();
    this.chrome.setEmpty(text);
    this.chrome.setState(state);
  }

  private async showTree(result: DecisionTreeResult): Promise<void> {
    this.details = new Map(); // an edit may have changed any statement
    this.result = result;
    this.chrome.showResult(result);
    this.save({ uri: result.uri, decision: result.decision?.name });
    const key = `${result.uri}#${result.decision?.name ?? ''}`;
    if (key !== this.shown) {
      this.unfolded = new Set();
      this.showOutside = false;
    }
    this.chrome.showPopulation(result.view?.population?.text, result.view?.population?.outside !== undefined, this.showOutside);
    if (result.view) return this.showView(result, key);
    if (!result.tree) {
      this.clear(
        result.hasErrors ? 'Nothing to draw yet: no rule parses. Fix the errors to see the tree.' : 'No rules yet: write a rule (when … then …) to see its decision tree.',
        'empty',
      );
      return;
    }
    const seq = ++this.renderSeq;
    const started = performance.now();
    let scene: Scene;
    try {
      scene = await layoutTree(result.tree, this.measure);
    } catch (err) {
      this.clear(`The tree could not be laid out: ${String(err)}`, 'failed');
      return;
    }
    if (seq !== this.renderSeq) return; // a newer tree arrived while this one was laid out
    const laidOut = performance.now();
    const root = paintScene(scene, { palette: themePalette, fontFamily: this.fontFamily, background: false, interactive: true, titles: false });
    this.scene = scene;
    this.viewScene = undefined;
    this.nodes = new Map(scene.nodes.map((n) => [n.node.id, n.node]));
    this.chrome.setEmpty(undefined);
    this.camera.replaceChildren(toDom(root));
    this.viewport.setContent(Number(root.attrs.width), Number(root.attrs.height));
    if (key !== this.shown) {
      const saved = this.state.view;
      if (this.shown === undefined && saved) this.viewport.restore(saved);
      else this.viewport.initial(scene.nodes.find((n) => n.node.id === result.tree?.id));
      this.shown = key;
    }
    // How long layout and drawing took, for the performance tests.
    document.body.dataset.layoutMs = String(Math.round(laidOut - started));
    document.body.dataset.drawMs = String(Math.round(performance.now() - laidOut));
    this.chrome.setState('ready');
  }

  /** Draws the reviewer's view; `anchor` is a box to keep where it is on screen (after unfolding). */
  private async showView(result: DecisionTreeResult, key: string, anchor?: { id: string; x: number; y: number }): Promise<void> {
    const view = result.view!;
    const root = this.showOutside ? view.population?.outside : view.root;
    if (!root) {
      this.clear(emptyText(result), 'empty');
      return;
    }
    const seq = ++this.renderSeq;
    const started = performance.now();
    let scene: ViewScene;
    try {
      // Unfolded boxes get their detail now, from the partition's tree the result carries.
      expandDetail(result.tree, result.outside, root, this.detail ? 'all' : this.unfolded);
      scene = await layoutView(root, { direction: this.direction, unfolded: this.unfolded, detail: this.detail, measure: this.measure });
    } catch (err) {
      this.clear(`The tree could not be laid out: ${String(err)}`, 'failed');
      return;
    }
    if (seq !== this.renderSeq) return;
    const laidOut = performance.now();
    const svg = paintView(scene, { palette: themePalette, fontFamily: this.fontFamily, background: false, interactive: true, titles: false });
    this.viewScene = scene;
    this.scene = undefined;
    this.chrome.setEmpty(undefined);
    this.camera.replaceChildren(toDom(svg));
    this.viewport.setContent(Number(svg.attrs.width), Number(svg.attrs.height));
    if (anchor) {
      const box = scene.nodes.find((n) => n.view.id === anchor.id);
      if (box) this.viewport.keep(box.x, box.y, anchor.x, anchor.y);
    } else if (key !== this.shown) {
      const saved = this.state.view;
      if (this.shown === undefined && saved) this.viewport.restore(saved);
      else this.viewport.fit();
      this.shown = key;
    }
    this.applyHighlight();
    document.body.dataset.layoutMs = String(Math.round(laidOut - started));
    document.body.dataset.drawMs = String(Math.round(performance.now() - laidOut));
    document.body.dataset.boxes = String(scene.nodes.length);
    this.chrome.setState('ready');
  }

  /** Unfolds or folds a box, keeping it where it is on screen. */
  private toggle(id: string): void {
    const result = this.result;
    const box = this.viewScene?.nodes.find((n) => n.view.id === id);
    if (!result || !box) return;
    if (this.unfolded.has(id)) this.unfolded.delete(id);
    else this.unfolded.add(id);
    const at = this.viewport.toScreen(box.x, box.y);
    void this.showView(result, this.shown ?? '', { id, ...at });
  }

  private applyHighlight(): void {
    const nodes = this.viewScene?.nodes ?? [];
    const on = new Set(highlightedBoxes(nodes, this.highlighted));
    for (const n of nodes) this.camera.querySelector(`[data-node="${CSS.escape(n.view.id)}"]`)?.classList.toggle('gt-highlight', on.has(n.view.id));
  }

  private wire(): void {
    this.chrome.outside.addEventListener('click', () => {
      this.showOutside = !this.showOutside;
      this.unfolded = new Set();
      const result = this.result;
      if (!result) return;
      this.chrome.showPopulation(result.view?.population?.text, result.view?.population?.outside !== undefined, this.showOutside);
      this.shown = '';
      void this.showView(result, `${result.uri}#${result.decision?.name ?? ''}#${this.showOutside ? 'outside' : ''}`);
    });
    const c = this.chrome;
    c.zoomIn.addEventListener('click', () => this.viewport.zoomBy(1.25));
    c.zoomOut.addEventListener('click', () => this.viewport.zoomBy(0.8));
    c.fit.addEventListener('click', () => this.viewport.fit());
    c.exportSvg.addEventListener('click', () => this.export('svg'));
    c.exportPng.addEventListener('click', () => this.export('png'));
    c.select.addEventListener('change', () => {
      this.save({ decision: c.select.value });
      this.api.postMessage({ type: 'selectDecision', decision: c.select.value });
    });
    c.viewport.addEventListener('click', (e) => {
      if (this.viewport.dragged) return;
      if (this.viewScene && e.target instanceof Element) {
        const box = e.target.closest('[data-node]');
        const refers = box?.getAttribute('data-refers');
        if (box && refers) {
          const target = this.viewScene.nodes.find((n) => n.view.id === refers);
          if (target) this.viewport.centerOn(target);
          return;
        }
        if (box?.hasAttribute('data-toggle') && !e.target.closest('[data-rec]')) {
          this.toggle(box.getAttribute('data-node') ?? '');
          return;
        }
      }
      const sources = this.sourcesAt(e.target);
      if (sources.length > 0) this.api.postMessage({ type: 'reveal', sources });
    });
    c.viewport.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const sources = this.sourcesAt(e.target);
      if (sources.length === 0) return;
      e.preventDefault();
      this.api.postMessage({ type: 'reveal', sources });
    });
    c.viewport.addEventListener('pointerover', (e) => {
      const rec = this.recommendationAt(e.target);
      const node = this.nodeAt(e.target)?.node;
      if (rec) this.tooltip.hoverStart(rec, e.clientX, e.clientY);
      else if (node?.kind === 'leaf') this.tooltip.hoverLeaf(node, e.clientX, e.clientY);
      else this.tooltip.hide();
    });
    c.viewport.addEventListener('pointerleave', () => this.tooltip.hide());
    c.viewport.addEventListener('pointerdown', () => this.tooltip.hide());
  }

  private nodeAt(target: EventTarget | null): { node: TreeNode; rec?: number } | undefined {
    if (!(target instanceof Element)) return undefined;
    const nodeElement = target.closest('[data-node]');
    const id = nodeElement?.getAttribute('data-node') ?? '';
    const drawn = this.viewScene?.nodes.find((n) => n.view.id === id);
    if (drawn) {
      const recElement = target.closest('[data-rec]');
      const rec = recElement ? Number(recElement.getAttribute('data-rec')) : undefined;
      // A view box stands in for a leaf: its rows are the recommendations and additions.
      const leaf: TreeNode = { kind: 'leaf', id, recommendations: drawn.content.recs, gap: drawn.view.gap, conflict: drawn.view.conflict, sources: drawn.view.sources, example: drawn.view.example };
      return { node: leaf, rec };
    }
    const node = nodeElement ? this.nodes.get(id) : undefined;
    if (!node) return undefined;
    const recElement = target.closest('[data-rec]');
    return { node, rec: recElement ? Number(recElement.getAttribute('data-rec')) : undefined };
  }

  private recommendationAt(target: EventTarget | null): LeafRecommendation | undefined {
    const hit = this.nodeAt(target);
    return hit?.node.kind === 'leaf' && hit.rec !== undefined ? hit.node.recommendations[hit.rec] : undefined;
  }

  /** A recommendation row reveals its rule; a box, every rule it stands for. */
  private sourcesAt(target: EventTarget | null): SourceRange[] {
    const hit = this.nodeAt(target);
    if (!hit) return [];
    const rec = this.recommendationAt(target);
    if (rec?.source) return [rec.source];
    if (hit.node.kind === 'leaf' && hit.node.sources.length === 0) {
      return hit.node.recommendations.flatMap((r) => (r.source ? [r.source] : []));
    }
    return hit.node.sources;
  }

  private statementDetails(statement: string): Promise<StatementDetails | undefined> {
    let promise = this.details.get(statement);
    if (!promise) {
      const requestId = ++this.requestSeq;
      promise = new Promise((resolve) => {
        this.pending.set(requestId, resolve);
        setTimeout(() => {
          if (this.pending.delete(requestId)) resolve(undefined);
        }, detailsTimeout);
      });
      this.details.set(statement, promise);
      this.api.postMessage({ type: 'statementDetails', requestId, statement });
    }
    return promise;
  }

  private export(format: 'svg' | 'png'): void {
    const { scene, result, viewScene } = this;
    if (!result || (!scene && !viewScene)) return;
    const svg = viewScene ? exportViewSvg(viewScene, result, this.fontFamily, this.measure) : exportSvg(scene!, result, this.fontFamily, this.measure);
    const file = result.uri.slice(result.uri.lastIndexOf('/') + 1).replace(/\.guideline$/, '');
    const name = `${decodeURIComponent(file)}-${result.decision?.name ?? 'tree'}`;
    if (format === 'svg') {
      this.api.postMessage({ type: 'export', format, data: svg, name });
      return;
    }
    svgToPngBase64(svg).then(
      (data) => this.api.postMessage({ type: 'export', format, data, name }),
      (err: unknown) => this.chrome.setBanner(`The PNG export failed: ${String(err)}`, 'error'),
    );
  }
}
