import type { PlotlyObject } from './plotlyLoader.js';

/**
 * Decades a log-scaled y axis shows below the largest value plotted. A variable that dies out (a virus cleared, a
 * depleted cell type) falls towards 0 through values such as 10⁻³⁶, and plotly's autorange would follow it down,
 * squeezing the biology into the top of the plot: the axis stops 12 decades below the maximum instead.
 */
export const LOG_AXIS_DECADES = 12;

/** The largest finite value among `values` (0 when none is above 0). */
export function largestValue(values: ArrayLike<unknown>, above = 0): number {
  let largest = above;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number' && Number.isFinite(value) && value > largest) largest = value;
  }
  return largest;
}

/** The largest finite `y` of the traces (0 when none is above 0). */
export function largestY(traces: readonly PlotlyObject[]): number {
  let largest = 0;
  for (const trace of traces) {
    const y = trace.y;
    if (Array.isArray(y) || ArrayBuffer.isView(y)) largest = largestValue(y as ArrayLike<unknown>, largest);
  }
  return largest;
}

/**
 * The lowest value a log y axis reaches when its largest value is `largest`: `largest / 10^LOG_AXIS_DECADES`
 * (plotly's `autorangeoptions.clipmin`, in data units); undefined when nothing above 0 is plotted.
 */
export function logAxisFloor(largest: number): number | undefined {
  return largest > 0 ? largest / 10 ** LOG_AXIS_DECADES : undefined;
}
