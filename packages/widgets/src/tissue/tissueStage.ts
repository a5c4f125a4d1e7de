import type { Tissue, TissueFrame } from '@immunotwin/engine';
import { nextAnimationFrame } from '../animationFrame.js';
import { CanvasTissueRenderer } from './canvasRenderer.js';
import { GlTissueRenderer } from './glRenderer.js';
import {
  clampCamera,
  easeCamera,
  fitCamera,
  fitZoom,
  panBy,
  zoomAbout,
  type Camera,
  type Viewport,
} from './tissueCamera.js';
import type { TissueLayers, TissueRenderer } from './tissueRenderer.js';

/** Zoom factor of one press of +/− (buttons and keys). */
export const ZOOM_STEP = 1.5;

/**
 * A tissue view's canvas in motion: it picks the renderer (WebGL2, else canvas 2D), keeps the backing store at
 * the canvas's size × the device pixel ratio, and moves the camera — dragged with a pointer, zoomed with the
 * wheel about the pointer, or with +/−, the arrow keys and 0 (fit) on the focused canvas — easing towards where
 * it is sent, one draw per animation frame at most. The picture's data stays on the renderer: moving only draws.
 */
export class TissueStage {
  private renderer: TissueRenderer | undefined;
  private camera: Camera | undefined;
  private target: Camera | undefined;
  private lattice: [number, number] = [0, 0];
  private drawing = false;
  /** Whether the view shows the whole lattice (not zoomed or panned since): a resize then keeps it whole. */
  private fitted = true;
  private lastTick = 0;
  private drag: { id: number; x: number; y: number } | undefined;
  private readonly resizeObserver: ResizeObserver | undefined;
  private readonly abort = new AbortController();

  /** Draw times (ms) of the last draws, for benchmarks. */
  readonly drawTimes: number[] = [];

  /**
   * @param onCamera told of every camera the view settles on (e.g. to show the zoom), with the zoom that fits and
   *   whether the immune cells show at it
   * @param preferred 'canvas2d' to draw with canvas 2D even where WebGL2 is (comparisons, tests of the fallback)
   */
  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly onCamera: (camera: Camera, fit: number, agentsVisible: boolean) => void = () => undefined,
    private readonly preferred: 'auto' | 'canvas2d' = 'auto',
  ) {
    const signal = this.abort.signal;
    canvas.addEventListener('pointerdown', (e) => this.pointerDown(e), { signal });
    canvas.addEventListener('pointermove', (e) => this.pointerMove(e), { signal });
    canvas.addEventListener('pointerup', (e) => this.pointerUp(e), { signal });
    canvas.addEventListener('pointercancel', (e) => this.pointerUp(e), { signal });
    canvas.addEventListener('wheel', (e) => this.wheel(e), { signal, passive: false });
    canvas.addEventListener('keydown', (e) => this.key(e), { signal });
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(() => this.resize());
      this.resizeObserver.observe(canvas);
    }
  }

  /** The renderer in use ('webgl2' or 'canvas2d'; undefined before a picture, or where there is no canvas at all). */
  get kind(): TissueRenderer['kind'] | undefined {
    return this.renderer?.kind;
  }

  /** Where the view looks now. */
  get view(): Camera | undefined {
    return this.camera;
  }

  /** Shows a picture; the camera is kept while the lattice's size is the same (a run's next picture). */
  show(tissue: Tissue, frame: TissueFrame, layers: TissueLayers): void {
    const { width, height } = tissue.header;
    if (!this.renderer) {
      const gl = this.preferred === 'auto' ? GlTissueRenderer.create(this.canvas, width, height) : undefined;
      this.renderer = gl ?? CanvasTissueRenderer.create(this.canvas);
    }
    if (!this.renderer) return;
    this.renderer.show(tissue, frame, layers);
    if (this.lattice[0] !== width || this.lattice[1] !== height) {
      this.lattice = [width, height];
      this.camera = this.target = undefined;
      this.fitted = true;
    }
    this.resize();
  }

  /** Zooms by `factor` about the canvas centre, smoothly. */
  zoomBy(factor: number): void {
    const v = this.viewport();
    if (!v || !this.target) return;
    this.moveTo(zoomAbout(this.target, factor, v.width / 2, v.height / 2, v));
  }

  /** Shows the whole lattice, smoothly. */
  fit(): void {
    const v = this.viewport();
    if (v) this.moveTo(fitCamera(v), true);
  }

  /** Pans by (`dx`, `dy`) CSS px, smoothly. */
  panBy(dx: number, dy: number): void {
    const v = this.viewport();
    if (v && this.target) this.moveTo(panBy(this.target, dx, dy, v));
  }

  /** Looks at `camera` (kept within bounds) at once, drawing before it returns; the camera it settled on. */
  lookAt(camera: Camera): Camera | undefined {
    const v = this.viewport();
    if (!v) return undefined;
    this.camera = this.target = clampCamera(camera, v);
    this.fitted = false;
    this.draw();
    return this.camera;
  }

  /** Stops listening and releases the renderer. */
  dispose(): void {
    this.abort.abort();
    this.resizeObserver?.disconnect();
    this.renderer?.dispose();
    this.renderer = undefined;
  }

  private viewport(): Viewport | undefined {
    const { clientWidth: width, clientHeight: height } = this.canvas;
    if (!width || !height || !this.lattice[0]) return undefined;
    return { sitesX: this.lattice[0], sitesY: this.lattice[1], width, height };
  }

  /** Matches the backing store to the canvas's size and redraws (the camera kept within the new bounds). */
  private resize(): void {
    const v = this.viewport();
    if (!v || !this.renderer) return;
    const ratio = globalThis.devicePixelRatio || 1;
    const [w, h] = [Math.round(v.width * ratio), Math.round(v.height * ratio)];
    if (this.canvas.width !== w || this.canvas.height !== h) [this.canvas.width, this.canvas.height] = [w, h];
    if (this.fitted || !this.camera) this.camera = this.target = fitCamera(v);
    else {
      this.camera = clampCamera(this.camera, v);
      this.target = this.target ? clampCamera(this.target, v) : this.camera;
    }
    this.draw();
  }

  private moveTo(camera: Camera, fitted = false): void {
    this.target = camera;
    this.fitted = fitted;
    if (this.drawing) return;
    this.drawing = true;
    this.lastTick = performance.now();
    nextAnimationFrame(() => this.tick());
  }

  /** One animation frame of a move: ease towards the target and draw. */
  private tick(): void {
    const now = performance.now();
    if (!this.camera || !this.target) return void (this.drawing = false);
    this.camera = easeCamera(this.camera, this.target, now - this.lastTick);
    this.lastTick = now;
    this.draw();
    if (this.camera === this.target) this.drawing = false;
    else nextAnimationFrame(() => this.tick());
  }

  private draw(): void {
    const v = this.viewport();
    if (!this.renderer || !this.camera || !v) return;
    const begun = performance.now();
    this.renderer.draw(this.camera, this.canvas.width / v.width);
    this.drawTimes.push(performance.now() - begun);
    if (this.drawTimes.length > 600) this.drawTimes.shift();
    if (this.camera === this.target)
      this.onCamera(this.camera, fitZoom(v), this.renderer.agentsVisible(this.camera.zoom));
  }

  private pointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
    try {
      this.canvas.setPointerCapture(e.pointerId);
    } catch {
      // a pointer that is no longer active (or a synthetic event): the drag still follows moves over the canvas
    }
  }

  private pointerMove(e: PointerEvent): void {
    const v = this.viewport();
    if (!this.drag || e.pointerId !== this.drag.id || !v || !this.camera) return;
    // A drag follows the pointer at once (no easing): the tissue stays under it.
    this.camera = this.target = panBy(this.camera, e.clientX - this.drag.x, e.clientY - this.drag.y, v);
    this.drag = { ...this.drag, x: e.clientX, y: e.clientY };
    this.draw();
  }

  private pointerUp(e: PointerEvent): void {
    if (this.drag?.id !== e.pointerId) return;
    this.drag = undefined;
    if (this.canvas.hasPointerCapture?.(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
  }

  private wheel(e: WheelEvent): void {
    const v = this.viewport();
    if (!v || !this.target) return;
    e.preventDefault();
    const pixels = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? v.height : 1);
    const rect = this.canvas.getBoundingClientRect();
    this.moveTo(zoomAbout(this.target, Math.exp(-pixels * 0.002), e.clientX - rect.left, e.clientY - rect.top, v));
  }

  private key(e: KeyboardEvent): void {
    const v = this.viewport();
    if (!v) return;
    const step = Math.min(v.width, v.height) / 6;
    const moves: Record<string, () => void> = {
      '+': () => this.zoomBy(ZOOM_STEP),
      '=': () => this.zoomBy(ZOOM_STEP),
      '-': () => this.zoomBy(1 / ZOOM_STEP),
      '0': () => this.fit(),
      Home: () => this.fit(),
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  }
}
