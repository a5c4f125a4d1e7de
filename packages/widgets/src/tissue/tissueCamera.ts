/**
 * Where a tissue view looks: the site at the centre of the canvas and the zoom (CSS pixels per site), with the
 * moves a view makes — fit, zoom about a point, pan — kept within the lattice. Plain numbers, no DOM.
 */

/** A view of the lattice. */
export interface Camera {
  /** Site coordinate (x, from the left) at the canvas centre. */
  readonly x: number;
  /** Site coordinate (y, from the top) at the canvas centre. */
  readonly y: number;
  /** CSS pixels per site. */
  readonly zoom: number;
}

/** The lattice and the canvas a camera is for (both in their own units: sites, CSS pixels). */
export interface Viewport {
  /** Sites per row. */
  readonly sitesX: number;
  /** Rows of sites. */
  readonly sitesY: number;
  /** Canvas width (CSS px). */
  readonly width: number;
  /** Canvas height (CSS px). */
  readonly height: number;
}

/** The largest zoom: this many CSS pixels per site. */
export const MAX_ZOOM = 48;

/** The zoom at which the whole lattice fits the canvas (the smallest zoom allowed). */
export function fitZoom(v: Viewport): number {
  return Math.min(v.width / v.sitesX, v.height / v.sitesY);
}

/** The whole lattice, centred. */
export function fitCamera(v: Viewport): Camera {
  return { x: v.sitesX / 2, y: v.sitesY / 2, zoom: fitZoom(v) };
}

/** The camera kept within bounds: zoom from fit to {@link MAX_ZOOM}, the lattice never panned out of view. */
export function clampCamera(camera: Camera, v: Viewport): Camera {
  const fit = fitZoom(v);
  const zoom = Math.min(Math.max(camera.zoom, fit), Math.max(fit, MAX_ZOOM));
  // Half the canvas in sites: where the lattice is smaller than the canvas it stays centred.
  const halfX = v.width / 2 / zoom;
  const halfY = v.height / 2 / zoom;
  const x = halfX >= v.sitesX / 2 ? v.sitesX / 2 : Math.min(Math.max(camera.x, halfX), v.sitesX - halfX);
  const y = halfY >= v.sitesY / 2 ? v.sitesY / 2 : Math.min(Math.max(camera.y, halfY), v.sitesY - halfY);
  return { x, y, zoom };
}

/** Zooms by `factor` keeping the site under canvas point (`px`, `py`) (CSS px from the top left) where it is. */
export function zoomAbout(camera: Camera, factor: number, px: number, py: number, v: Viewport): Camera {
  const zoom = clampCamera({ ...camera, zoom: camera.zoom * factor }, v).zoom;
  const siteX = camera.x + (px - v.width / 2) / camera.zoom;
  const siteY = camera.y + (py - v.height / 2) / camera.zoom;
  return clampCamera({ x: siteX - (px - v.width / 2) / zoom, y: siteY - (py - v.height / 2) / zoom, zoom }, v);
}

/** Moves the view by (`dx`, `dy`) CSS pixels (dragging the tissue right shows what is to its left). */
export function panBy(camera: Camera, dx: number, dy: number, v: Viewport): Camera {
  return clampCamera({ ...camera, x: camera.x - dx / camera.zoom, y: camera.y - dy / camera.zoom }, v);
}

/**
 * A step of a smooth move from `from` towards `to` after `ms` milliseconds: exponential easing with a time
 * constant of `tau` ms, the zoom eased in its logarithm (so zooming in and out feel alike); `to` once close.
 */
export function easeCamera(from: Camera, to: Camera, ms: number, tau = 60): Camera {
  const k = 1 - Math.exp(-ms / tau);
  const zoom = Math.exp(Math.log(from.zoom) + (Math.log(to.zoom) - Math.log(from.zoom)) * k);
  const next = { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k, zoom };
  const close =
    Math.abs(next.zoom / to.zoom - 1) < 1e-3 &&
    Math.abs(next.x - to.x) * to.zoom < 0.25 &&
    Math.abs(next.y - to.y) * to.zoom < 0.25;
  return close ? to : next;
}
