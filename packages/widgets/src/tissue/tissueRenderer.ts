import type { Tissue, TissueFrame } from '@immunotwin/engine';
import type { Camera } from './tissueCamera.js';

/** What a tissue view draws over the cell states. */
export interface TissueLayers {
  /** The field glowing over the cells. */
  readonly field: boolean;
  /** The immune cells. */
  readonly agents: boolean;
}

/**
 * Draws pictures of a tissue on a canvas through a camera: WebGL2 (`glRenderer.ts`) or, where a page has no
 * WebGL2, canvas 2D (`canvasRenderer.ts`).
 */
export interface TissueRenderer {
  /** Which drawing API it uses. */
  readonly kind: 'webgl2' | 'canvas2d';
  /** Takes a picture to draw (its textures or image are made here, once per picture). */
  show(tissue: Tissue, frame: TissueFrame, layers: TissueLayers): void;
  /** Draws the picture through `camera` on the canvas, whose backing store is `pixelRatio` pixels per CSS pixel. */
  draw(camera: Camera, pixelRatio: number): void;
  /** Whether the immune cells show at `zoom` (CSS px per site) when they are switched on. */
  agentsVisible(zoom: number): boolean;
  /** Releases what it holds on the canvas. */
  dispose(): void;
}
