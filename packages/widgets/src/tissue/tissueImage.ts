import type { Tissue, TissueFrame } from '@immunotwin/engine';

/** An RGB colour, 0–255 each. */
export type Rgb = readonly [number, number, number];

/**
 * Colours of well-known cell states (epithelium) and immune cell types; others get a colour from a fixed list.
 * Models name the same stage differently (the immune twin's eclipse and productive cells are SIMCoV's
 * incubating and expressing ones, as the Lung Twin says; its CD8 effectors are `ctl` or `cd8`): one stage,
 * one colour, whichever model is shown.
 */
const NAMED: Record<string, Rgb> = {
  healthy: [245, 222, 214],
  uninfected: [245, 222, 214],
  eclipse: [255, 183, 77],
  incubating: [255, 183, 77],
  productive: [211, 47, 47],
  expressing: [211, 47, 47],
  infected: [211, 47, 47],
  apoptotic: [136, 14, 79],
  dead: [66, 66, 66],
  antiviral: [144, 202, 249],
  macrophage: [46, 125, 50],
  neutrophil: [255, 235, 59],
  nk: [171, 71, 188],
  dc: [0, 172, 193],
  ctl: [13, 71, 161],
  cd8: [13, 71, 161],
};

const OTHERS: Rgb[] = [
  [121, 85, 72],
  [96, 125, 139],
  [233, 30, 99],
  [139, 195, 74],
  [255, 112, 67],
];

/** The colour a cell state or immune cell type is drawn in (the same name always gets the same colour). */
export function colourOf(name: string, index: number): Rgb {
  return NAMED[name.toLowerCase()] ?? OTHERS[index % OTHERS.length];
}

/** What `paintTissue` draws. */
export interface PaintOptions {
  /** Draw the field over the cells (default true when the picture has one). */
  field?: boolean;
  /** The field value drawn at full strength (default: the picture's maximum). */
  fieldMax?: number;
  /** Draw the immune cells (default true). */
  agents?: boolean;
}

/** The field's colour (a green-yellow glow), blended over the cells by {@link fieldStrength}. */
export const FIELD_RGB: Rgb = [118, 255, 3];

/** The most a field is blended over a cell (at its maximum). */
export const FIELD_OPACITY = 0.75;

/** The largest value of a field (0 for none): what is drawn at full strength. */
export function fieldMax(field: Float32Array | undefined): number {
  let max = 0;
  if (field) for (let i = 0; i < field.length; i++) if (field[i] > max) max = field[i];
  return max;
}

/** How strongly a field value glows, 0–1: on a square-root scale of its share of `max`, so small amounts show. */
export function fieldStrength(value: number, max: number): number {
  return max > 0 ? Math.sqrt(Math.min(1, Math.max(0, value / max))) : 0;
}

/**
 * One RGBA pixel per site, row-major (ready for `ImageData`): the cell state's colour, the field blended
 * over it (the field of the site's block, when the bundle stores it on a coarser grid), and each immune cell's
 * colour on its site.
 */
export function paintTissue(
  tissue: Tissue,
  frame: TissueFrame,
  options: PaintOptions = {},
): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, cellStates, agentTypes } = tissue.header;
  const { stride, width: gridWidth } = tissue.fieldGrid;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const stateColours = cellStates.map(colourOf);
  const field = options.field === false ? undefined : frame.field;
  const max = options.fieldMax ?? fieldMax(field);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / stride) * gridWidth;
    for (let x = 0; x < width; x++) {
      const site = y * width + x;
      const [r, g, b] = stateColours[frame.cells[site]] ?? [255, 255, 255];
      const alpha = field ? FIELD_OPACITY * fieldStrength(field[row + Math.floor(x / stride)], max) : 0;
      const o = site * 4;
      pixels[o] = r + (FIELD_RGB[0] - r) * alpha;
      pixels[o + 1] = g + (FIELD_RGB[1] - g) * alpha;
      pixels[o + 2] = b + (FIELD_RGB[2] - b) * alpha;
      pixels[o + 3] = 255;
    }
  }
  if (options.agents !== false) {
    const agentColours = agentTypes.map(colourOf);
    for (let a = 0; a < frame.agentSites.length; a++) {
      const site = frame.agentSites[a];
      if (site < 0 || site >= width * height) continue;
      const [r, g, b] = agentColours[frame.agentTypes[a]] ?? [0, 0, 0];
      const o = site * 4;
      pixels[o] = r;
      pixels[o + 1] = g;
      pixels[o + 2] = b;
    }
  }
  return pixels;
}
