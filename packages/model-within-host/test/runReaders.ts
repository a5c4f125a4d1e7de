import type { RunResult } from '@immunotwin/engine';

/** The values of observable `id` over a run. */
export function series(run: RunResult, id: string): Float64Array {
  const values = run.observables[id];
  if (!values) throw new Error(`no observable "${id}"; have ${Object.keys(run.observables).join(', ')}`);
  return values;
}

/** The last value of observable `id`. */
export function last(run: RunResult, id: string): number {
  const x = series(run, id);
  return x[x.length - 1];
}

/** The value of observable `id` at sample time `time` (which must be a sample time). */
export function at(run: RunResult, id: string, time: number): number {
  const i = run.time.findIndex((t) => Math.abs(t - time) < 1e-9);
  if (i < 0) throw new Error(`no sample at t = ${time}`);
  return series(run, id)[i];
}

/** The largest value of observable `id`, when it occurs and at which sample. */
export function peak(run: RunResult, id = 'V'): { time: number; value: number; index: number } {
  const x = series(run, id);
  let index = 0;
  for (let i = 1; i < x.length; i++) if (x[i] > x[index]) index = i;
  return { time: run.time[index], value: x[index], index };
}
