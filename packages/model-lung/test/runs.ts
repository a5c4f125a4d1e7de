import { simulateSync, type RunResult } from '@immunotwin/engine';
import { lungManifest, lungModel } from '../src/index.js';

/** Seeds of the behavioural checks (the issue asks for ≥ 10). */
export const SEEDS: readonly number[] = Array.from({ length: 10 }, (_, k) => k + 1);

/** A small section and a short run, so that the suite stays quick; parameters override these. */
export const SMALL = { latticeSize: 60 } as const;

/**
 * A contained infection (Sego et al. 2020's regime where treatment timing matters): SIMCoV's infectivity ÷ 10 and
 * four foci on a grid of a 60² section. With SIMCoV's own infectivity one expressing cell infects ~200 others
 * (990 virions, each infecting with probability ~0.2 in its 250-min life), so halving production barely slows the
 * spread; here a cell infects ~20, and the innate cells, treatments and T cells decide how far the damage goes.
 */
export const CONTAINED = { latticeSize: 60, infectivity: 1e-4, foci: 4, fociPlacement: 2 } as const;

/** One scheduled intervention as a scenario writes it. */
export type Dose = { kind: string; start: number; stop?: number } & Record<string, number | string | undefined>;

/** One run of the Lung Twin, with a preset and interventions if given. */
export function run(
  parameters: Record<string, number>,
  seed: number,
  duration = 10,
  outputInterval = 0.25,
  options: { preset?: string; interventions?: Dose[] } = {},
): RunResult {
  return simulateSync(lungModel, {
    model: 'lung',
    duration,
    outputInterval,
    seed,
    parameters,
    preset: options.preset,
    interventions: options.interventions as never,
  }).runs[0];
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
