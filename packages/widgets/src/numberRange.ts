/** What a numeric control needs to know about its value: the bounds, the unit, whole numbers only. */
export interface INumberRange {
  /** Smallest allowed value. */
  min: number;
  /** Largest allowed value. */
  max: number;
  /** Unit; "1" means dimensionless and is not shown. */
  unit: string;
  /** Only whole numbers are allowed. */
  integer?: boolean;
  /** The schema's declared slider scale, if it declares one. */
  scale?: 'linear' | 'log';
}

/** The outcome of reading a typed number: the value, or why it is not allowed. */
export type NumberCheck = { ok: true; value: number } | { ok: false; message: string };

/** Formats a number for a field or a label: plain for ordinary magnitudes, exponent form otherwise. */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(6)));
  return value
    .toExponential(3)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}

/** The allowed range as shown next to a rejected field, e.g. "allowed: 0.001–1000 mg" (whole numbers noted). */
export function describeRange(range: INumberRange): string {
  const unit = range.unit && range.unit !== '1' ? ` ${range.unit}` : '';
  const whole = range.integer ? ', whole numbers' : '';
  return `allowed: ${formatNumber(range.min)}–${formatNumber(range.max)}${unit}${whole}`;
}

/**
 * Reads what was typed into a number field. Empty text, text that is not a number (NaN), an infinite
 * value, a value outside [min, max] or a fraction where whole numbers are required is rejected with the
 * allowed range; nothing is clamped.
 */
export function checkNumber(text: string, range: INumberRange): NumberCheck {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  const allowed = describeRange(range);
  if (trimmed === '') return { ok: false, message: `a number is required; ${allowed}` };
  if (!Number.isFinite(value)) return { ok: false, message: `${JSON.stringify(trimmed)} is not a number; ${allowed}` };
  if (value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
    return { ok: false, message: `${formatNumber(value)} is not allowed; ${allowed}` };
  }
  return { ok: true, value };
}

/** Decades a range must span for a slider to be logarithmic when the schema declares no scale. */
export const LOG_DECADES = 3;

/**
 * Whether a slider over this range moves logarithmically: as the schema declares (`scale`), and where it
 * declares nothing (intervention fields) when the range is positive and spans at least {@link LOG_DECADES}
 * decades. A declared log scale over a range that reaches 0 cannot be logarithmic and falls back to linear.
 */
export function isLogScale(range: INumberRange): boolean {
  if (range.min <= 0) return false;
  if (range.scale !== undefined) return range.scale === 'log';
  return Math.log10(range.max / range.min) >= LOG_DECADES;
}

/** Number of slider positions (the slider works in positions 0…SLIDER_STEPS; the field holds the exact value). */
export const SLIDER_STEPS = 1000;

/** The slider position (0…SLIDER_STEPS) of a value. */
export function valueToPosition(value: number, range: INumberRange): number {
  if (range.max === range.min) return 0;
  const clamped = Math.min(range.max, Math.max(range.min, value));
  const fraction = isLogScale(range)
    ? Math.log(clamped / range.min) / Math.log(range.max / range.min)
    : (clamped - range.min) / (range.max - range.min);
  return Math.round(fraction * SLIDER_STEPS);
}

/**
 * The value at a slider position, rounded to 3 significant digits on a log scale (so values read well),
 * to whole numbers when required, and always inside [min, max].
 */
export function positionToValue(position: number, range: INumberRange): number {
  const fraction = Math.min(1, Math.max(0, position / SLIDER_STEPS));
  let value = isLogScale(range)
    ? Number((range.min * Math.pow(range.max / range.min, fraction)).toPrecision(3))
    : range.min + fraction * (range.max - range.min);
  if (!isLogScale(range)) value = Number(value.toPrecision(6));
  if (range.integer) value = Math.round(value);
  return Math.min(range.max, Math.max(range.min, value));
}
