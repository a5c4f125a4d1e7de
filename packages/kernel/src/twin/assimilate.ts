import {
  ensembleKalmanFilter,
  gaussianObservationSd,
  logNormalDistribution,
  observedStateSpace,
  particleFilter,
  resolveScenario,
  type Ensemble,
  type ModelPlugin,
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
    const { model, observations, measured, names, logLikelihood } = observedStateSpace(
      resolved,
      observation,
      observed,
      priors,
    );
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
      const sd = gaussianObservationSd(observation, 'twin.assimilate');
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
      measured,
      ensemble,
      logLikelihood: totalLogLikelihood,
      data: observed,
      estimate: priors,
      seed,
      names,
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
