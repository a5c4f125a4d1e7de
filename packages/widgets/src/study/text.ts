/**
 * Text from a study bundle as plotly shows it literally. plotly reads `<b>`, `<br>`, `<a href>` and other tags in
 * titles, tick labels and hover text as markup; escaped here, a name shows as written and can carry no link. plotly
 * turns the entities back into the characters when it draws.
 */
export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A number as a figure's text alternative says it: three significant digits, "2.5 × 10^6" when far from 1. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no value';
  const size = Math.abs(value);
  if (size === 0 || (size < 1e5 && size >= 1e-3)) return String(Number(value.toPrecision(3)));
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${Number(mantissa)} × 10^${Number(exponent)}`;
}

/** "5–95 %": a pair of quantiles as percentages. */
export function quantileRange([low, high]: readonly [number, number]): string {
  const percent = (q: number): string => String(Number((q * 100).toPrecision(3)));
  return `${percent(low)}–${percent(high)} %`;
}
