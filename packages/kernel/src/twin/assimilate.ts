import {
  compileNetworkObservations,
  ensembleKalmanFilter,
  logNormalDistribution,
  networkStateSpace,
  particleFilter,
  resolveScenario,
  timeConversionFactor,
  type CompiledObservation,
  type Ensemble,
  type MeasuredObservable,
  type ModelPlugin,
  type Observation,
  type ObservedDataset,
  type Scenario,
} from '@immunotwin/engine';
import { KeyboardInterrupt } from '../errors.js';
import { readObservedData } from './fitData.js';
import { defaultObservation, wholeNumber } from './fitOptions.js';
import { interruptController, type FitContext } from './fitRun.js';
import { ProgressOutput } from './progressOutput.js';
import { TwinAssimilation } from './twinAssimilation.js';

/** Options of `twin.assimilate()`. */
export interface AssimilateOptions {
  /**
   * Parameters estimated with the state, each with the sd of its prior on ln θ around the twin's current value, e.g.
   * `{ beta: 1, c: 0.5 }` (log-normal priors). An ODE twin needs at least one: its only uncertainty.
   */
  estimate?: Record<string, number>;
  /** 'ode' (default): ensemble Kalman filter; 'ssa' or 'tau-leaping': particle filter in whole counts. */
  method?: 'ode' | 'ssa' | 'tau-leaping';
  /** Members of the ensemble (default 200 for the EnKF, 1000 particles). */
  members?: number;
  /** Seed of the filter, forecasts and counterfactuals (default 1). */
  seed?: number;
  /** The observation model (fixed noise); default as `twin.fit`'s. The EnKF uses its Gaussian σ as observation sd. */
  observation?: unknown;
  /** Which group of the data, when it holds several. */
  group?: string;
  /** The EnKF's inflation: members' deviations from their mean multiplied by it before each update (default 1). */
  inflation?: number;
}

/** The data as the filters' observations: one per distinct time (model unit), NaN where a quantity is not measured. */
export function filterObservations(
  data: readonly ObservedDataset[],
  measured: readonly string[],
  timeUnit: string,
): { observations: Observation[]; detectionLimits: Record<string, number> } {
  const byTime = new Map<number, Float64Array>();
  const detectionLimits: Record<string, number> = {};
  for (const dataset of data) {
    const k = measured.indexOf(dataset.observable);
    const factor = dataset.timeUnit ? (timeConversionFactor(dataset.timeUnit, timeUnit) ?? 1) : 1;
    if (dataset.detectionLimit !== undefined) detectionLimits[dataset.observable] = dataset.detectionLimit;
    dataset.time.forEach((t, i) => {
      const time = t * factor;
      const values = byTime.get(time) ?? new Float64Array(measured.length).fill(NaN);
      values[k] = dataset.values[i]!;
      byTime.set(time, values);
    });
  }
  const observations = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([time, values]) => ({ time, values }));
  return { observations, detectionLimits };
}

/** A floor for log10 of a measured amount (its unit): below any titre measured, and keeps an emptied member finite. */
export const LOG10_FLOOR = 1e-3;

/**
 * `log10(X)` entries as the observable X on log10 scale with a floor ({@link LOG10_FLOOR}): an ensemble Kalman
 * update can move a member's X to zero, where log10 has no value and the update fails.
 */
function floored(measured: readonly CompiledObservation[]): (CompiledObservation | MeasuredObservable)[] {
  return measured.map((m) => {
    const inner = /^\s*log10\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*$/.exec(m.spec.expression ?? '')?.[1];
    return inner === undefined ? m : { observable: inner, log10Floor: LOG10_FLOOR };
  });
}

/** The Gaussian σ of each compiled entry (the EnKF's observation sd); other noise is refused by name. */
function gaussianSd(observation: unknown): number[] {
  const entries = (observation as { observations: { observable: string; noise: { kind: string; sigma?: unknown } }[] })
    .observations;
  return entries.map((entry, i) => {
    if (entry.noise.kind !== 'gaussian' || typeof entry.noise.sigma !== 'number') {
      throw new RangeError(
        `twin.assimilate: observation.observations[${i}].noise: the ensemble Kalman filter needs Gaussian noise with a fixed sigma; got ${JSON.stringify(entry.noise)}`,
      );
    }
    return entry.noise.sigma;
  });
}

/**
 * `twin.assimilate`: filters the twin's scenario through the data, observation by observation (an ensemble Kalman
 * filter for an ODE twin, a particle filter for a stochastic one), carrying the `estimate` parameters as state.
 */
export async function assimilateTwin(
  context: Omit<FitContext, 'apply' | 'pool'> & { readonly cellSignal?: () => AbortSignal | undefined },
  data: unknown,
  options: AssimilateOptions = {},
): Promise<TwinAssimilation> {
  const { plugin } = context;
  const { manifest } = plugin;
  const observed = readObservedData('assimilate', data, options.group);
  const method = options.method ?? 'ode';
  if (!['ode', 'ssa', 'tau-leaping'].includes(method)) {
    throw new RangeError(`twin.assimilate: method is "${String(method)}"; allowed: 'ode', 'ssa' or 'tau-leaping'`);
  }
  const estimate = Object.entries(options.estimate ?? {});
  if (method === 'ode' && estimate.length === 0) {
    throw new RangeError(
      `twin.assimilate: estimate: an ODE twin needs at least one parameter to estimate, e.g. { estimate: { ${manifest.parameters[0]?.id ?? 'beta'}: 1 } } (the prior sd of its ln)`,
    );
  }
  const current = context.scenario.parameters ?? {};
  const priors = estimate.map(([id, sd]) => {
    const value = current[id];
    if (value === undefined || !(value > 0)) {
      throw new RangeError(
        `twin.assimilate: estimate.${id}: not a positive parameter of "${manifest.id}"; parameters: ${manifest.parameters.map((p) => p.id).join(', ')}`,
      );
    }
    if (!(typeof sd === 'number' && sd > 0 && Number.isFinite(sd))) {
      throw new RangeError(`twin.assimilate: estimate.${id} is ${String(sd)}; allowed: the prior sd of ln ${id}, > 0`);
    }
    return { id, prior: logNormalDistribution(Math.log(value), sd) };
  });
  const observation = options.observation ?? defaultObservation(observed, manifest);
  const scenario: Scenario = { ...context.scenario, method };
  const resolved = resolveScenario(plugin, scenario);
  const members = wholeNumber('members', options.members, 2, 100000) ?? (method === 'ode' ? 200 : 1000);
  const seed = wholeNumber('seed', options.seed, 0, 4294967295) ?? 1;
  const progress = new ProgressOutput(context.output, 'assimilate');
  const interrupt = interruptController(context.signal, context.interrupted);
  try {
    const compiled = compileNetworkObservations(resolved, observation);
    const measuredIds = compiled.measured.map((m) => m.observable);
    const { observations, detectionLimits } = filterObservations(observed, measuredIds, manifest.timeUnit);
    const { measured, logLikelihood } = compileNetworkObservations(resolved, observation, detectionLimits);
    const model = networkStateSpace(resolved, { measured: floored(measured), estimate: priors });
    const run = {
      seed,
      signal: interrupt.signal,
      onProgress: (p: { assimilated: number; observations: number }) => {
        interrupt.poll();
        progress.update(p.assimilated, p.observations, 'observations');
      },
    };
    let ensemble: Ensemble;
    let totalLogLikelihood: number;
    if (method === 'ode') {
      const sd = gaussianSd(observation);
      const result = await ensembleKalmanFilter(model, observations, {
        ...run,
        members,
        observationSd: sd,
        inflation: options.inflation,
      });
      ensemble = result.ensemble;
      totalLogLikelihood = result.logLikelihood;
    } else {
      const result = await particleFilter(model, observations, { ...run, particles: members, logLikelihood });
      ensemble = result.ensemble;
      totalLogLikelihood = result.logLikelihood;
    }
    progress.end(`assimilated ${observations.length} observations in ${progress.seconds.toFixed(1)} s`);
    return new TwinAssimilation({
      plugin,
      scenario: resolved,
      model,
      measured: floored(measured),
      ensemble,
      logLikelihood: totalLogLikelihood,
      data: observed,
      estimate: priors,
      seed,
      names: measuredIds,
      interrupt: () => interruptController(context.cellSignal?.(), context.interrupted),
      units: Object.fromEntries(observed.map((d) => [d.observable, d.unit])),
    });
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    progress.end(`assimilate stopped (${progress.seconds.toFixed(1)} s)`);
    throw new KeyboardInterrupt();
  } finally {
    interrupt.dispose();
  }
}

export type { ModelPlugin };
