import { assimilateScenario, DesignArgumentError, type Scenario } from '@immunotwin/engine';
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
  /** Assimilate only the data measured at or before this time (model time unit): "today". Default: all of it. */
  today?: number;
}

/** What `twin.assimilate` runs with: the model, the twin's scenario, the pool and the cell's interrupt. */
export type AssimilateContext = Omit<FitContext, 'apply'> & { readonly cellSignal?: () => AbortSignal | undefined };

/**
 * `twin.assimilate`: filters the twin's scenario through the data, observation by observation (the engine's
 * `assimilateScenario`: an ensemble Kalman filter for an ODE twin, a particle filter for a stochastic one), carrying
 * the `estimate` parameters as state. Errors name the option.
 */
export async function assimilateTwin(
  context: AssimilateContext,
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
  const observation = options.observation ?? defaultObservation(observed, manifest);
  const scenario: Scenario = { ...context.scenario, method };
  const members = wholeNumber('members', options.members, 2, 100000);
  const seed = wholeNumber('seed', options.seed, 0, 4294967295) ?? 1;
  const spec = { scenario, observation, estimate: options.estimate ?? {} };
  const progress = new ProgressOutput(context.output, 'assimilate');
  const interrupt = interruptController(context.signal, context.interrupted);
  try {
    const run = await assimilateScenario(plugin, spec, observed, {
      members,
      seed,
      inflation: options.inflation,
      until: options.today,
      signal: interrupt.signal,
      onProgress: (p) => {
        interrupt.poll();
        progress.update(p.assimilated, p.observations, 'observations');
      },
    });
    progress.end(`assimilated ${run.observations.length} observations in ${progress.seconds.toFixed(1)} s`);
    return new TwinAssimilation({
      plugin,
      run,
      data: observed,
      pool: context.pool,
      interrupt: () => interruptController(context.cellSignal?.(), context.interrupted),
      units: Object.fromEntries(observed.map((d) => [d.observable, d.unit])),
    });
  } catch (error) {
    if (error instanceof DesignArgumentError) throw new RangeError(`twin.assimilate: ${error.message}`);
    if (!interrupt.signal.aborted) throw error;
    progress.end(`assimilate stopped (${progress.seconds.toFixed(1)} s)`);
    throw new KeyboardInterrupt();
  } finally {
    interrupt.dispose();
  }
}
