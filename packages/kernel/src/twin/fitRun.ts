import {
  estimateParameters,
  scenarioFitProblem,
  timeConversionFactor,
  type ModelPlugin,
  type ObservedDataset,
  type Scenario,
} from '@immunotwin/engine';
import { poolTaskRunner, type IFitProblemSpec } from '@immunotwin/worker';
import { KeyboardInterrupt } from '../errors.js';
import { defaultObservation, fitParameters, wholeNumber, type FitOptions } from './fitOptions.js';
import { readObservedData } from './fitData.js';
import { ProgressOutput, type UpdatableOutput } from './progressOutput.js';
import type { StudyPool } from './studyRun.js';
import { TwinFit } from './twinFit.js';

/** What `twin.fit` runs with: the model, the twin's scenario and where the work goes. */
export interface FitContext {
  /** The model. */
  readonly plugin: ModelPlugin;
  /** The twin's current scenario (parameters and interventions). */
  readonly scenario: Scenario;
  /** The kernel's worker pool (the fit's tasks run there), or none (in this thread, the same results). */
  readonly pool?: StudyPool;
  /** The running cell's interrupt signal. */
  readonly signal?: AbortSignal;
  /** The kernel's shared interrupt flag, read between evaluations. */
  readonly interrupted?: () => boolean;
  /** Where the progress line goes. */
  readonly output?: UpdatableOutput;
  /** Puts estimates into the twin (`twin.set`). */
  readonly apply: (values: Record<string, number>) => void;
}

/** The longest time of the data in the model's time unit. */
export function lastDataTime(data: readonly ObservedDataset[], timeUnit: string): number {
  return Math.max(
    ...data.map((d) => Math.max(...d.time) * (d.timeUnit ? (timeConversionFactor(d.timeUnit, timeUnit) ?? 1) : 1)),
  );
}

/** The running cell's interrupt as one AbortSignal: the cell's signal, or the shared flag seen at a progress report. */
export function interruptController(signal: AbortSignal | undefined, interrupted?: () => boolean) {
  const controller = new AbortController();
  const abort = (): void => controller.abort(new KeyboardInterrupt());
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    /** Aborts when the shared flag is up. */
    poll: (): void => {
      if (!controller.signal.aborted && interrupted?.()) abort();
    },
    dispose: (): void => signal?.removeEventListener('abort', abort),
  };
}

/**
 * `twin.fit`: fits the `estimate` parameters of the twin's scenario to `data` (the engine's `estimateParameters`:
 * multi-start, profile-likelihood and optionally bootstrap intervals, AICc), on the pool when there is one.
 */
export async function fitTwin(context: FitContext, data: unknown, options: FitOptions): Promise<TwinFit> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError("twin.fit: expects options, e.g. twin.fit(data, { estimate: ['beta', 'p', 'c'] })");
  }
  const { manifest } = context.plugin;
  const observed = readObservedData('fit', data, options.group);
  const parameters = fitParameters(manifest, options.estimate, context.scenario.parameters ?? {});
  const observation = options.observation ?? defaultObservation(observed, manifest);
  const duration = Math.max(
    context.scenario.duration ?? manifest.defaults.duration,
    lastDataTime(observed, manifest.timeUnit),
  );
  const scenario = { ...context.scenario, duration };
  const spec: IFitProblemSpec = { experiments: [{ scenario, data: observed }], observation, parameters };
  const problem = scenarioFitProblem({ plugin: context.plugin, ...spec });
  const bootstrap = wholeNumber('bootstrap', options.bootstrap, 0, 100000) ?? 0;
  if (bootstrap > 0 && !problem.resample) throw new RangeError('twin.fit: bootstrap: these data cannot be resampled');

  const progress = new ProgressOutput(context.output, 'fit');
  const interrupt = interruptController(context.signal, context.interrupted);
  let last = { stage: 'starts', done: 0 };
  try {
    const fit = await estimateParameters(problem, {
      starts: wholeNumber('starts', options.starts, 1, 10000),
      seed: wholeNumber('seed', options.seed, 0, 4294967295),
      bootstrap,
      level: options.level,
      profiles: options.profiles,
      signal: interrupt.signal,
      onProgress: (p) => {
        interrupt.poll();
        last = p;
        progress.update(p.done, p.total, p.stage);
      },
      runTasks: context.pool && poolTaskRunner(context.pool, spec),
    });
    const starts = fit.starts.results.length;
    progress.end(`fit: ${starts} start${starts === 1 ? '' : 's'} in ${progress.seconds.toFixed(1)} s`);
    return new TwinFit({ fit, problem, scenario, plugin: context.plugin, apply: context.apply, observation });
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    progress.end(`fit stopped in its ${last.stage} after ${last.done} (${progress.seconds.toFixed(1)} s)`);
    throw new KeyboardInterrupt();
  } finally {
    interrupt.dispose();
  }
}
