import type { RunResult } from '../run/replicateRun.js';
import { rejectArgument } from '../rng/argumentChecks.js';
import { areaUnderCurve } from './areaUnderCurve.js';
import { clearanceTime } from './clearanceTime.js';
import { finalValue } from './finalValue.js';
import { peakValue, timeToPeak } from './peak.js';

/** Options shared by the per-run outcomes; each outcome reads only the ones it needs. */
export interface OutcomeOptions {
  /** Clearance threshold, in the observable's unit (required by `clearanceTime`). */
  readonly threshold?: number;
  /** AUC of log10(max(value, floor)) instead of the value (`auc` only). */
  readonly log10?: boolean;
  /** Floor before log10, > 0 (default 1; `auc` only). */
  readonly floor?: number;
}

/** One per-run outcome: how it is computed from a series and what unit it has. */
export interface OutcomeDefinition {
  /** Its name in `OUTCOMES`. */
  readonly name: OutcomeName;
  /** What it measures, for people. */
  readonly description: string;
  /** Its unit given the observable's unit and the time unit. */
  unit(observableUnit: string, timeUnit: string, options?: OutcomeOptions): string;
  /** Computes it from sample times and values. */
  compute(time: ArrayLike<number>, values: ArrayLike<number>, options?: OutcomeOptions): number;
}

/** Names of the per-run outcomes. */
export type OutcomeName = 'peak' | 'timeToPeak' | 'clearanceTime' | 'auc' | 'final';

function requireThreshold(options: OutcomeOptions | undefined): number {
  const threshold = options?.threshold;
  if (threshold === undefined)
    rejectArgument('options.threshold', threshold, 'a finite number (clearanceTime needs one)');
  return threshold;
}

/** The per-run outcomes by name: the one definition of each, used by analyses, exports and views. */
export const OUTCOMES: Readonly<Record<OutcomeName, OutcomeDefinition>> = {
  peak: {
    name: 'peak',
    description: 'largest sampled value',
    unit: (u) => u,
    compute: (t, v) => peakValue(t, v),
  },
  timeToPeak: {
    name: 'timeToPeak',
    description: 'sample time of the largest value (the first on ties)',
    unit: (_u, tu) => tu,
    compute: (t, v) => timeToPeak(t, v),
  },
  clearanceTime: {
    name: 'clearanceTime',
    description: 'first sample time at or after the peak from which the value stays below the threshold; NaN if never',
    unit: (_u, tu) => tu,
    compute: (t, v, o) => clearanceTime(t, v, requireThreshold(o)),
  },
  auc: {
    name: 'auc',
    description: 'area under the curve by the trapezoidal rule over the samples (optionally of log10 with a floor)',
    unit: (u, tu, o) => (o?.log10 ? `log10(${u})·${tu}` : `${u}·${tu}`),
    compute: (t, v, o) => areaUnderCurve(t, v, o),
  },
  final: {
    name: 'final',
    description: 'value at the last sample',
    unit: (u) => u,
    compute: (t, v) => finalValue(t, v),
  },
};

/** Looks up an outcome by name; throws a RangeError listing the names when it is unknown. */
export function outcomeDefinition(name: string): OutcomeDefinition {
  if (!Object.hasOwn(OUTCOMES, name)) rejectArgument('name', name, `one of ${Object.keys(OUTCOMES).join(', ')}`);
  return OUTCOMES[name as OutcomeName];
}

/** Computes the outcome `name` of one observable of a run. */
export function outcome(name: OutcomeName, run: RunResult, observableId: string, options?: OutcomeOptions): number {
  const definition = outcomeDefinition(name);
  if (!Object.hasOwn(run.observables, observableId)) {
    rejectArgument('observableId', observableId, `one of ${Object.keys(run.observables).join(', ')}`);
  }
  return definition.compute(run.time, run.observables[observableId], options);
}

/** The unit of the outcome `name` of one observable of a run, from the run's metadata. */
export function outcomeUnit(name: OutcomeName, run: RunResult, observableId: string, options?: OutcomeOptions): string {
  const definition = outcomeDefinition(name);
  return definition.unit(run.metadata.units[observableId] ?? '1', run.metadata.timeUnit, options);
}
