/**
 * How a tissue bundle (version 2) stores a field compactly: averaged over square blocks of `stride × stride`
 * sites when the lattice is large (a field is smooth on the scale of a few sites: it diffuses), and quantized to
 * 16 bits with a stated offset and scale, `value ≈ offset + code · scale`. A 3000² section's field takes
 * 1000² × 2 bytes = 2 MB instead of 36 MB of float32.
 */
import { blockGrid, type FieldGrid } from './blockGrid.js';

/** The longest side, in values, of a field in a bundle: larger lattices are averaged over blocks. */
export const FIELD_MAX_SIDE = 1024;

/** The largest 16-bit code. */
const CODE_MAX = 65535;

/** The grid for a `width × height` lattice: the smallest stride that keeps both sides ≤ `maxSide`. */
export function fieldGrid(width: number, height: number, maxSide = FIELD_MAX_SIDE): FieldGrid {
  return blockGrid(width, height, Math.max(1, Math.ceil(Math.max(width, height) / maxSide)));
}

/** A field quantized on its grid: `value ≈ offset + codes[i] · scale`. */
export interface QuantizedField {
  /** One 16-bit code per block, row-major. */
  readonly codes: Uint16Array;
  /** The value of code 0 (the field's smallest block mean). */
  readonly offset: number;
  /** The value of one code step (`(max − min) / 65535`; 0 when the field is uniform). */
  readonly scale: number;
}

/**
 * The mean of each block of a row-major `width × height` field (blocks at the right and bottom edges may hold
 * fewer sites; their mean is over the sites they hold). With stride 1 the values themselves, as float64.
 */
export function blockMeans(values: ArrayLike<number>, width: number, height: number, grid: FieldGrid): Float64Array {
  const { stride } = grid;
  const sums = new Float64Array(grid.width * grid.height);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / stride) * grid.width;
    for (let x = 0; x < width; x++) sums[row + Math.floor(x / stride)] += values[y * width + x];
  }
  if (stride === 1) return sums;
  for (let by = 0; by < grid.height; by++) {
    const rows = Math.min(stride, height - by * stride);
    for (let bx = 0; bx < grid.width; bx++) sums[by * grid.width + bx] /= rows * Math.min(stride, width - bx * stride);
  }
  return sums;
}

/** Quantizes values to 16-bit codes over their own range (the error of each is at most `scale / 2`). */
export function quantizeField(values: ArrayLike<number>): QuantizedField {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  const codes = new Uint16Array(values.length);
  if (!(max > min)) return { codes, offset: Number.isFinite(min) ? min : 0, scale: 0 };
  const scale = (max - min) / CODE_MAX;
  for (let i = 0; i < values.length; i++) codes[i] = Math.round((values[i] - min) / scale);
  return { codes, offset: min, scale };
}

/** The values a quantized field stands for, as float32 (what a view draws). */
export function dequantizeField(field: QuantizedField): Float32Array {
  const values = new Float32Array(field.codes.length);
  for (let i = 0; i < values.length; i++) values[i] = field.offset + field.codes[i] * field.scale;
  return values;
}
