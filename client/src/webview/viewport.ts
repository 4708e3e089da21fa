// Zoom and pan of the drawn tree: the wheel with Ctrl (or a pinch) zooms at the pointer,
// the wheel alone and dragging pan, and the keyboard does both (+ - 0 and the arrows).
import type { ViewState } from '../preview/messages.js';

const minScale = 0.02;
const maxScale = 4;
const keyStep = 48;
/** Below this scale text is too small to read: the first view zooms in instead. */
const readableScale = 0.55;
const readingScale = 0.85;
/** A pointer that moves less than this between down and up is a click, not a drag. */
export const dragThreshold = 4;

export class Viewport {
  private view: ViewState = { scale: 1, x: 0, y: 0 };
  private size = { width: 0, height: 0 };
  private drag: { id: number; startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
  /** True right after a drag, so the click that ends it does not reveal a rule. */
  dragged = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly camera: SVGGElement,
    private readonly onChange: (view: ViewState) => void,
  ) {
    host.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    host.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    host.addEventListener('pointermove', (e) => this.onPointerMove(e));
    host.addEventListener('pointerup', (e) => this.onPointerUp(e));
    host.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    host.addEventListener('keydown', (e) => this.onKey(e));
  }

  get state(): ViewState {
    return { ...this.view };
  }

  /** The drawing's size in its own units. */
  setContent(width: number, height: number): void {
    this.size = { width, height };
  }

  restore(view: ViewState): void {
    if ([view.scale, view.x, view.y].every(Number.isFinite) && view.scale > 0) this.set({ ...view, scale: clamp(view.scale) });
    else this.fit();
  }

  /** Shows the whole drawing, never enlarged beyond its natural size. */
  fit(): void {
    const { width, height } = this.host.getBoundingClientRect();
    if (this.size.width === 0 || this.size.height === 0 || width === 0 || height === 0) {
      this.set({ scale: 1, x: 0, y: 0 });
      return;
    }
    const scale = clamp(Math.min(1, (width - 16) / this.size.width, (height - 16) / this.size.height));
    this.set({ scale, x: (width - this.size.width * scale) / 2, y: Math.max(8, (height - this.size.height * scale) / 2) });
  }

  /**
   * The first view of a tree: all of it when it can be read that way, else the top of the
   * tree at a reading size, centred on `root` (a box in drawing units).
   */
  initial(root: { x: number; y: number; width: number } | undefined): void {
    const { width, height } = this.host.getBoundingClientRect();
    const fitScale = Math.min(1, (width - 16) / this.size.width, (height - 16) / this.size.height);
    if (!root || !(fitScale < readableScale)) {
      this.fit();
      return;
    }
    const scale = clamp(readingScale);
    const x = Math.min(8, Math.max(width - 8 - this.size.width * scale, width / 2 - (root.x + root.width / 2) * scale));
    this.set({ scale, x, y: 16 - root.y * scale });
  }

  /** Where a drawing point is on screen, in viewport pixels. */
  toScreen(x: number, y: number): { x: number; y: number } {
    return { x: this.view.x + x * this.view.scale, y: this.view.y + y * this.view.scale };
  }

  /** Pans so the drawing point (x, y) sits at the screen point (sx, sy): the reader's place survives a re-layout. */
  keep(x: number, y: number, sx: number, sy: number): void {
    this.set({ ...this.view, x: sx - x * this.view.scale, y: sy - y * this.view.scale });
  }

  /** Pans to put a box in the middle of the viewport. */
  centerOn(box: { x: number; y: number; width: number; height: number }): void {
    const { width, height } = this.host.getBoundingClientRect();
    this.set({ ...this.view, x: width / 2 - (box.x + box.width / 2) * this.view.scale, y: height / 2 - (box.y + box.height / 2) * this.view.scale });
  }

  /** Zooms by `factor` keeping the point (cx, cy) of the viewport where it is. */
  zoomBy(factor: number, cx?: number, cy?: number): void {
    const rect = this.host.getBoundingClientRect();
    const px = cx ?? rect.width / 2;
    const py = cy ?? rect.height / 2;
    const scale = clamp(this.view.scale * factor);
    const k = scale / this.view.scale;
    this.set({ scale, x: px - (px - this.view.x) * k, y: py - (py - this.view.y) * k });
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  private set(view: ViewState): void {
    this.view = view;
    this.camera.setAttribute('transform', `translate(${round(view.x)} ${round(view.y)}) scale(${round(view.scale, 10000)})`);
    this.onChange(this.state);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.host.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) this.zoomBy(Math.exp(-e.deltaY * 0.002), e.clientX - rect.left, e.clientY - rect.top);
    else this.panBy(-e.deltaX, -e.deltaY);
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.dragged = false;
    this.drag = { id: e.pointerId, startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < dragThreshold) return;
    if (!d.moved) {
      d.moved = true;
      this.host.setPointerCapture(e.pointerId);
      this.host.classList.add('dragging');
    }
    this.panBy(e.clientX - d.x, e.clientY - d.y);
    d.x = e.clientX;
    d.y = e.clientY;
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    this.dragged = d.moved;
    this.drag = undefined;
    this.host.classList.remove('dragging');
    if (this.host.hasPointerCapture(e.pointerId)) this.host.releasePointerCapture(e.pointerId);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.shiftKey ? keyStep * 4 : keyStep;
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(1.25),
      '=': () => this.zoomBy(1.25),
      '-': () => this.zoomBy(0.8),
      _: () => this.zoomBy(0.8),
      '0': () => this.fit(),
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }
}

function clamp(scale: number): number {
  return Math.min(maxScale, Math.max(minScale, scale));
}

function round(n: number, by = 100): number {
  return Math.round(n * by) / by;
}
