import { FLOAT32_MIN_NORMAL, xFloorOf, type Float32Factors } from './diffusionFloat32.js';

const fround = Math.fround;

/**
 * A rectangle of lattice sites, `[x0, y0, x1, y1]` with inclusive bounds; empty when x0 > x1 or y0 > y1. As the
 * active region of a field it holds every site whose value is not exactly 0 (it may hold more).
 */
export type SiteBox = Int32Array;

/** A new box: the whole `width × height` lattice. */
export function fullBox(width: number, height: number): SiteBox {
  return Int32Array.of(0, 0, width - 1, height - 1);
}

/** Empties `box`. */
export function clearBox(box: SiteBox): void {
  box[0] = 1;
  box[1] = 1;
  box[2] = 0;
  box[3] = 0;
}

/** Whether `box` holds no site. */
export function boxIsEmpty(box: SiteBox): boolean {
  return box[0] > box[2] || box[1] > box[3];
}

/** Grows `box` to hold the rectangle x0…x1 × y0…y1 (inclusive; nothing if it is empty). */
export function includeInBox(box: SiteBox, x0: number, y0: number, x1: number, y1: number): void {
  if (x0 > x1 || y0 > y1) return;
  if (boxIsEmpty(box)) {
    box[0] = x0;
    box[1] = y0;
    box[2] = x1;
    box[3] = y1;
    return;
  }
  if (x0 < box[0]) box[0] = x0;
  if (y0 < box[1]) box[1] = y0;
  if (x1 > box[2]) box[2] = x1;
  if (y1 > box[3]) box[3] = y1;
}

/** Grows `box` to hold site `site` of a lattice `width` sites wide. */
export function includeSite(box: SiteBox, site: number, width: number): void {
  const y = (site / width) | 0;
  const x = site - y * width;
  includeInBox(box, x, y, x, y);
}

/**
 * Grows `box` to hold every site whose value in `values` (a row-major lattice `width` sites wide) is not 0: the
 * exact box of a state read from elsewhere (e.g. a restored snapshot), where nothing tracked what was written.
 */
export function includeNonZero(box: SiteBox, values: ArrayLike<number>, width: number): void {
  const height = values.length / width;
  for (let y = 0; y < height; y++) {
    const start = y * width;
    let x0 = 0;
    while (x0 < width && values[start + x0] === 0) x0++;
    if (x0 === width) continue;
    let x1 = width - 1;
    while (values[start + x1] === 0) x1--;
    includeInBox(box, x0, y, x1, y);
  }
}

/**
 * The implicit float32 step of {@link implicitStepFloat32} (same operations, same order, same flushes, hence
 * the same bits) restricted to the field's active region: `box` must hold every site whose value is not 0
 * (any larger box gives the same result), and on return holds the region of the result. A row or column that is
 * all 0 stays all 0 in a Thomas solve, so only the box's rows are swept in x, each from the box's first column
 * until the forward elimination has passed the box and become exactly 0, and back until the back substitution
 * has passed the box's first column and become exactly 0; the y sweep runs likewise over the columns the x sweep
 * left values in. Without a floor the tails run until they underflow (far: ~1300 sites for D·dt ≈ 200 site²),
 * so the region soon covers the lattice; with one the x tails stop where the forward recurrence falls below the x
 * floor and the y tails where the values fall below the floor, as in the dense step. Needs w, h > 1. Used where
 * the WebAssembly kernel is not.
 */
export function implicitStepFloat32Active(
  u: Float32Array,
  w: number,
  h: number,
  factors: Float32Factors,
  f: number | null,
  floor: number | null,
  box: SiteBox,
): void {
  if (boxIsEmpty(box)) return;
  const { r, mx, gx, my, gy } = factors;
  const fy = floor ?? FLOAT32_MIN_NORMAL;
  const xf = xFloorOf(factors, f, floor);
  const x0 = box[0];
  const y0 = box[1];
  const x1 = box[2];
  const y1 = box[3];
  let cx0 = w;
  let cx1 = -1;
  for (let row = y0; row <= y1; row++) {
    const o = row * w;
    let p = 0;
    let last = -1;
    for (let i = x0; i < w; i++) {
      p = fround(fround(u[o + i] + fround(r * p)) * mx[i]);
      if (Math.abs(p) < xf) p = 0;
      u[o + i] = p;
      if (p !== 0) last = i;
      else if (i >= x1) break; // past the box the values are 0, and p is 0: the rest stays 0
    }
    if (last < 0) continue;
    let n = 0;
    let first = last;
    for (let i = last; i >= 0; i--) {
      n = fround(u[o + i] + fround(gx[i] * n));
      u[o + i] = n;
      if (n !== 0) first = i;
      else if (i <= x0) break; // before the box the values are 0, and n is 0: the rest stays 0
    }
    if (first < cx0) cx0 = first;
    if (last > cx1) cx1 = last;
  }
  if (cx1 < 0) {
    clearBox(box);
    return;
  }
  const d = f ?? 1;
  let lastRow = -1;
  let row = y0;
  if (row === 0) {
    const m0 = my[0];
    let any = false;
    for (let i = cx0; i <= cx1; i++) {
      let v = fround(fround(u[i] * d) * m0);
      if (Math.abs(v) < fy) v = 0;
      u[i] = v;
      if (v !== 0) any = true;
    }
    if (any) lastRow = 0;
    row = 1;
  }
  for (; row < h; row++) {
    const o = row * w;
    const a = o - w;
    const m = my[row];
    let any = false;
    for (let i = cx0; i <= cx1; i++) {
      let v = fround(fround(fround(u[o + i] * d) + fround(r * u[a + i])) * m);
      if (Math.abs(v) < fy) v = 0;
      u[o + i] = v;
      if (v !== 0) any = true;
    }
    if (any) lastRow = row;
    else if (row >= y1) break;
  }
  if (lastRow < 0) {
    clearBox(box);
    return;
  }
  let firstRow = lastRow;
  for (row = lastRow - 1; row >= 0; row--) {
    const o = row * w;
    const b = o + w;
    const g = gy[row];
    let any = false;
    for (let i = cx0; i <= cx1; i++) {
      let v = fround(u[o + i] + fround(g * u[b + i]));
      if (Math.abs(v) < fy) v = 0;
      u[o + i] = v;
      if (v !== 0) any = true;
    }
    if (any) firstRow = row;
    else if (row <= y0) break;
  }
  box[0] = cx0;
  box[1] = firstRow;
  box[2] = cx1;
  box[3] = lastRow;
}
