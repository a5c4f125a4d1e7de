import { DEFAULT_COHORT_SPREAD, type BandSpec } from '@immunotwin/engine';

/** A fraction as a percentage number, to a tenth ("30", "2.5"). */
export function percentOf(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

/**
 * The ranges the plot shades for these quantile levels, innermost first ("25–75 % and 5–95 %"): the outer pairs
 * (q_i, q_{n−1−i}), as `buildFigure` draws them.
 */
export function bandRanges(quantiles: readonly number[]): string {
  const sorted = [...quantiles].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < Math.floor(sorted.length / 2); i++) {
    ranges.unshift(`${percentOf(sorted[i])}–${percentOf(sorted[sorted.length - 1 - i])} %`);
  }
  return ranges.join(' and ');
}

/**
 * One line saying what a band shows, e.g. "Cohort of 20 virtual patients, 7 parameters varied by a log-normal
 * spread of 30 %: median with 25–75 % and 5–95 % bands" or "20 replicates: median with …".
 */
export function bandCaption(band: BandSpec, quantiles: readonly number[]): string {
  const ranges = bandRanges(quantiles);
  const stats = ranges ? `median with ${ranges} bands` : 'median';
  if (band.kind === 'replicates') return `${band.size} replicates: ${stats}`;
  const varied = band.parameters;
  const which = !varied
    ? 'every parameter it can vary'
    : varied.length <= 3
      ? varied.join(', ')
      : `${varied.length} parameters`;
  const spread = percentOf(band.spread ?? DEFAULT_COHORT_SPREAD);
  return `Cohort of ${band.size} virtual patients, ${which} varied by a log-normal spread of ${spread} %: ${stats}`;
}
