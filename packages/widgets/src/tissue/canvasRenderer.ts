import type { Tissue, TissueFrame } from '@immunotwin/engine';
import type { Camera } from './tissueCamera.js';
import { paintTissue } from './tissueImage.js';
import type { TissueLayers, TissueRenderer } from './tissueRenderer.js';

/**
 * The canvas 2D tissue renderer, for pages without WebGL2: the picture painted once, one pixel per site
 * (`paintTissue`), into an image the size of the lattice, then drawn through the camera — pixelated when zoomed
 * in, smoothed when a pixel spans several sites.
 */
export class CanvasTissueRenderer implements TissueRenderer {
  readonly kind = 'canvas2d';
  private readonly image = document.createElement('canvas');

  /** @returns undefined where the canvas has no 2D context (e.g. a DOM without graphics) */
  static create(canvas: HTMLCanvasElement): CanvasTissueRenderer | undefined {
    const context = canvas.getContext('2d');
    return context ? new CanvasTissueRenderer(canvas, context) : undefined;
  }

  private constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly context: CanvasRenderingContext2D,
  ) {}

  show(tissue: Tissue, frame: TissueFrame, layers: TissueLayers): void {
    const { width, height } = tissue.header;
    this.image.width = width;
    this.image.height = height;
    const pixels = paintTissue(tissue, frame, layers);
    this.image.getContext('2d')?.putImageData(new ImageData(pixels, width, height), 0, 0);
  }

  draw(camera: Camera, pixelRatio: number): void {
    const { context, canvas } = this;
    const scale = camera.zoom * pixelRatio;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = scale < 1;
    context.setTransform(scale, 0, 0, scale, canvas.width / 2 - camera.x * scale, canvas.height / 2 - camera.y * scale);
    context.drawImage(this.image, 0, 0);
  }

  /** Always: they are painted into the picture (and smoothed away with it when zoomed far out). */
  agentsVisible(): boolean {
    return true;
  }

  dispose(): void {
    this.image.width = this.image.height = 0;
  }
}
