/**
 * Colours of the widgets' figures: the Okabe–Ito palette (colour-blind safe), with its black replaced by a mid
 * grey that shows on the light and the dark theme alike. Series of one figure take them in order; an
 * observable's replicates, pins and bands share its colour.
 */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#999999'];

/** The palette's colour for the `index`-th series (wrapping around). */
export function paletteColour(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** A palette colour (`#rrggbb`) with an opacity of `alpha` (0–1), as `#rrggbbaa`, for shaded bands. */
export function translucent(colour: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${colour}${byte.toString(16).padStart(2, '0')}`;
}
