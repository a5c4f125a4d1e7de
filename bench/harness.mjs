/**
 * Tiny timing helpers shared by the benchmarks: warm-up, repeated timed samples interleaved between the
 * candidate and its baseline (so drift in machine load hits both alike), medians.
 */
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Calls `fn` repeatedly for at least `ms` milliseconds (and at least once).
 * `fn` returns the amount of work it did (1 for "one run", or e.g. a number of events).
 * Returns { work, seconds }.
 */
export function timeFor(fn, ms) {
  let work = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    work += fn();
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { work, seconds: elapsed / 1000 };
}

/**
 * Measures several candidates side by side: warms each up, then takes `samples` rounds in which every
 * candidate runs for `sampleMs`; reports the median rate (work per second) of each.
 *
 * @param {Record<string, () => number>} candidates name → function returning the work it did
 * @param {{ warmupMs?: number, sampleMs?: number, samples?: number }} options
 * @returns {Record<string, { rate: number, rates: number[] }>}
 */
export function compare(candidates, { warmupMs = 300, sampleMs = 400, samples = 7 } = {}) {
  const names = Object.keys(candidates);
  for (const name of names) timeFor(candidates[name], warmupMs);
  const rates = Object.fromEntries(names.map((n) => [n, []]));
  for (let s = 0; s < samples; s++) {
    for (const name of s % 2 ? [...names].reverse() : names) {
      const { work, seconds } = timeFor(candidates[name], sampleMs);
      rates[name].push(work / seconds);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { rate: median(rates[n]), rates: rates[n] }]));
}

/** A rate with 3 significant digits and thousands separators, e.g. `1,234` or `5.67`. */
export function formatRate(x) {
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(3)).toString();
}

/** Prefix of the machine-readable line each benchmark prints last; bench/run.mjs reads it. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * Prints a benchmark's result: a human line, then the machine-readable line for bench/run.mjs.
 *
 * @param {{ name: string, unit: string, engine: number, baseline: number, baselineLabel: string, notes: string[] }} result
 */
export function report(result) {
  const ratio = result.engine / result.baseline;
  for (const note of result.notes) console.log(`  ${note}`);
  console.log(
    `${result.name}: ${formatRate(result.engine)} ${result.unit}; ${result.baselineLabel}: ${formatRate(result.baseline)} ${result.unit}; ratio ${ratio.toFixed(ratio < 10 ? 2 : 1)}×`,
  );
  console.log(RESULT_PREFIX + JSON.stringify({ ...result, ratio }));
}
