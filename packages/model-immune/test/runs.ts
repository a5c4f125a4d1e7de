import { simulateSync, type RunResult } from '@immunotwin/engine';
import { immuneModel } from '../src/index.js';

/**
 * Seeds of the behavioural suite (the issue asks for ≥ 10): 1–10, or another set of ten from the environment
 * variable IMMUNE_VALIDATION_SEEDS (a first seed, e.g. `11` for 11–20), to check the thresholds out of sample.
 */
export const SEEDS = validationSeeds(process.env.IMMUNE_VALIDATION_SEEDS);

function validationSeeds(first: string | undefined): number[] {
  const start = first === undefined || first === '' ? 1 : Number(first);
  if (!Number.isInteger(start) || start < 0) {
    throw new Error(`IMMUNE_VALIDATION_SEEDS must be a whole number (the first of ten seeds); got "${first}"`);
  }
  return Array.from({ length: 10 }, (_, k) => start + k);
}

const done = new Map<string, RunResult[]>();

/**
 * One run of the immune twin per seed. A test file that asks twice for the same scenario and seeds (a control that
 * several tests compare with) gets the first call's runs: they are deterministic, so running them again would only
 * repeat the same bits. The runs are shared: read them, do not change them.
 */
export function runSeeds(scenario: Record<string, unknown>, seeds: readonly number[] = SEEDS): RunResult[] {
  const key = JSON.stringify([scenario, seeds]);
  let runs = done.get(key);
  if (!runs) {
    runs = seeds.map(
      (seed) => simulateSync(immuneModel, { model: 'immune-system', outputInterval: 0.25, ...scenario, seed }).runs[0],
    );
    done.set(key, runs);
  }
  return runs;
}

/** The values of observable `id`. */
export function series(run: RunResult, id: string): Float64Array {
  const x = run.observables[id];
  if (!x) throw new Error(`no observable ${id}`);
  return x;
}

/** Largest value of `id` at sample times in [from, to], and when. */
export function peak(run: RunResult, id: string, from = 0, to = Infinity): { time: number; value: number } {
  const x = series(run, id);
  let best = { time: NaN, value: -Infinity };
  run.time.forEach((t, i) => {
    if (t >= from - 1e-9 && t <= to + 1e-9 && x[i] > best.value) best = { time: t, value: x[i] };
  });
  return best;
}

/** Value of `id` at sample time `t`. */
export function at(run: RunResult, id: string, t: number): number {
  const i = run.time.findIndex((s) => Math.abs(s - t) < 1e-9);
  if (i < 0) throw new Error(`no sample at ${t}`);
  return series(run, id)[i];
}

/**
 * Clearance time: the first sample after `from` when free virus is below 1 IU and no cell is infected, and
 * stays so until `to`; Infinity when the infection is not cleared by then.
 */
export function clearance(run: RunResult, from = 0, to = Infinity): number {
  const v = series(run, 'virus');
  const inf = series(run, 'infected');
  let cleared = Infinity;
  run.time.forEach((t, i) => {
    if (t < from - 1e-9 || t > to + 1e-9) return;
    const clear = v[i] < 1 && inf[i] === 0;
    if (clear && cleared === Infinity) cleared = t;
    else if (!clear) cleared = Infinity;
  });
  return cleared;
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Count of values satisfying a predicate (given each value and its index). */
export function count<T>(values: readonly T[], ok: (v: T, index: number) => boolean): number {
  return values.filter(ok).length;
}
