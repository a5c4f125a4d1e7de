import { createRng, type RunResult } from '../../src/index.js';

/** Sample times 0, 1, …, samples − 1. */
export function sampleTimesOf(samples: number): Float64Array {
  return Float64Array.from({ length: samples }, (_, i) => i);
}

/**
 * A synthetic replicate: observable `uniform` ~ U(0, 1 + t), `normal` ~ N(1e6 + t, 3) (a large offset, to
 * test the stability of the variance), `lognormal` ~ exp(N(t/10, 2)) (heavy-tailed); drawn from the engine's
 * stream (seed, replicate).
 */
export function syntheticRun(time: Float64Array, replicate: number, seed = 7): RunResult {
  const rng = createRng(seed, replicate);
  const n = time.length;
  const uniform = new Float64Array(n);
  const normal = new Float64Array(n);
  const lognormal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    uniform[i] = (1 + time[i]) * rng.uniform();
    normal[i] = rng.normal(1e6 + time[i], 3);
    lognormal[i] = Math.exp(rng.normal(time[i] / 10, 2));
  }
  return {
    time,
    observables: { uniform, normal, lognormal },
    metadata: {
      model: { id: 'synthetic', version: '0' },
      engineVersion: '0',
      method: 'ssa',
      seed,
      replicate,
      parameters: {},
      initial: {},
      units: {},
      timeUnit: 'd',
    },
    work: 0,
  };
}

/** `count` synthetic runs from replicate `first` on. */
export function syntheticRuns(time: Float64Array, count: number, first = 0): RunResult[] {
  return Array.from({ length: count }, (_, r) => syntheticRun(time, first + r));
}

/**
 * How far q·n lies outside the rank interval [#{v < x}, #{v ≤ x}] of x among the sorted values: the rank
 * error of x as a q-quantile (0 when some position of x is exactly q·n).
 */
export function rankError(sorted: Float64Array, x: number, q: number): number {
  let below = 0;
  let atOrBelow = 0;
  for (const v of sorted) {
    if (v < x) below++;
    if (v <= x) atOrBelow++;
  }
  const target = q * sorted.length;
  return target < below ? below - target : target > atOrBelow ? target - atOrBelow : 0;
}

/** Values of one observable at sample i across runs, sorted ascending. */
export function sortedColumn(runs: readonly RunResult[], id: string, i: number): Float64Array {
  return Float64Array.from(runs, (r) => r.observables[id][i]).sort();
}

/** The largest rank error of the aggregate's bands against the exact values of `runs`, over every cell. */
export function worstRankError(
  runs: readonly RunResult[],
  summary: { quantiles: readonly number[]; observables: Record<string, { bands: readonly Float64Array[] }> },
  ids: readonly string[],
): number {
  let worst = 0;
  const samples = runs[0].time.length;
  for (const id of ids) {
    for (let i = 0; i < samples; i++) {
      const sorted = sortedColumn(runs, id, i);
      summary.quantiles.forEach((q, b) => {
        worst = Math.max(worst, rankError(sorted, summary.observables[id].bands[b][i], q));
      });
    }
  }
  return worst;
}
