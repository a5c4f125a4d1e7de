import { simulateSync, type RunResult } from '@immunotwin/engine';
import { lungManifest, lungModel } from '../src/index.js';

/** Seeds of the behavioural checks (the issue asks for ≥ 10). */
export const SEEDS: readonly number[] = Array.from({ length: 10 }, (_, k) => k + 1);

/** A small section and a short run, so that the suite stays quick; parameters override these. */
export const SMALL = { latticeSize: 60 } as const;

/** One run of the Lung Twin. */
export function run(parameters: Record<string, number>, seed: number, duration = 10, outputInterval = 0.25): RunResult {
  return simulateSync(lungModel, { model: 'lung', duration, outputInterval, seed, parameters }).runs[0];
}

/** The values of observable `id`. */
export function series(r: RunResult, id: string): Float64Array {
  const x = r.observables[id];
  if (!x) throw new Error(`no observable ${id}`);
  return x;
}

/** Largest value of observable `id`. */
export function peak(r: RunResult, id: string): number {
  return Math.max(...series(r, id));
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Every parameter at its default, with overrides. */
export function defaults(overrides: Record<string, number> = {}): Record<string, number> {
  return { ...Object.fromEntries(lungManifest.parameters.map((p) => [p.id, p.default])), ...overrides };
}
