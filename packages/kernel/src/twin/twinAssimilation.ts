import {
  type AssimilationStepSummary,
  counterfactual,
  type CredibleInterval,
  type Ensemble,
  ensembleInterval,
  type EnsembleSummary,
  type Forecast,
  FORECAST_QUANTILES,
  forecastEnsemble,
  forecastTimes,
  type ModelPlugin,
  type ObservedDataset,
  PLOT_BUNDLE_VERSION,
  type PlotBundle,
  portableMath,
  type ScenarioAssimilation,
  scenarioTwin,
} from '@immunotwin/engine';
import { poolForecastRunner } from '@immunotwin/worker';
import { escapeHtml, type MimeBundle } from '../mime.js';
import { KeyboardInterrupt } from '../errors.js';
import { interruptController } from './fitRun.js';
import type { StudyPool } from './studyRun.js';
import { BundlePlot } from './twinFit.js';

/** What a {@link TwinAssimilation} is made of. */
export interface TwinAssimilationParts {
  readonly plugin: ModelPlugin;
  /** The engine's assimilation: the twin's spec and model, the updated ensemble, the per-step summaries. */
  readonly run: ScenarioAssimilation;
  /** The data (all of it, also what lies after `today`): shown on the plots. */
  readonly data: readonly ObservedDataset[];
  /** Measured quantity → its unit. */
  readonly units: Readonly<Record<string, string>>;
  /** The kernel's worker pool: forecasts' members run there (the same bits as in this thread). */
  readonly pool?: StudyPool;
  /** The running cell's interrupt, asked at each forecast (the cell that calls `forecast` may be a later one). */
  readonly interrupt: () => ReturnType<typeof interruptController>;
}

/** Options of a forecast: until when (model time unit; default the scenario's duration). */
export interface ForecastRequest {
  /** The last time forecast (default the run's duration). */
  until?: number;
}

/** A forecast from the updated ensemble: the measured quantities' median and 50/90 % credible bands over time. */
export class TwinForecast {
  constructor(
    /** The engine's forecast (every member's trajectory and the summary). */
    readonly forecast: Forecast,
    private readonly plotBundle: PlotBundle,
  ) {}

  /** The summary: per measured quantity the mean, median and bands (quantiles 0.05, 0.25, 0.5, 0.75, 0.95). */
  get summary(): EnsembleSummary {
    return this.forecast.summary;
  }

  /** The plot: data, the median and the credible bands. */
  plot(): BundlePlot {
    return new BundlePlot(this.plotBundle, `${this.plotBundle.title ?? 'forecast'} (median, 50 % and 90 % bands)`);
  }

  /** Shown as its plot. */
  toMimeBundle(): MimeBundle {
    return this.plot().toMimeBundle();
  }
}

/**
 * The twin updated by data (`twin.assimilate`): the filtered ensemble of states and parameters at the last
 * observation, its log-likelihood, the posterior of the estimated parameters, a `forecast()` of the rest of the
 * course with credible bands and `treat(kind, fields)`, the counterfactual "start this treatment now".
 */
export class TwinAssimilation {
  constructor(private readonly parts: TwinAssimilationParts) {}

  /** The time of the last observation assimilated (model time unit). */
  get time(): number {
    return this.parts.run.ensemble.time;
  }

  /** The filter's log-likelihood of the data (the EnKF's Gaussian one, or the particle filter's estimate). */
  get logLikelihood(): number {
    return this.parts.run.logLikelihood;
  }

  /** The updated ensemble (states: species then ln θ of each estimated parameter). */
  get ensemble(): Ensemble {
    return this.parts.run.ensemble;
  }

  /**
   * The filter after each observation: its time, what was measured, the twin's prediction then and each estimated
   * parameter's posterior (medians and 90 % intervals) given the data so far.
   */
  get steps(): readonly AssimilationStepSummary[] {
    return this.parts.run.steps;
  }

  /** Each estimated parameter's posterior median and 90 % credible interval (weighted quantiles of the members). */
  get parameters(): Record<string, CredibleInterval> {
    const { ensemble, twin } = this.parts.run;
    const species = ensemble.dimension - twin.estimate.length;
    return Object.fromEntries(
      twin.estimate.map(({ id }, k) => [id, ensembleInterval(ensemble, species + k, portableMath.exp)]),
    );
  }

  /** The rest of the course from the updated ensemble, with credible bands. */
  async forecast(request: ForecastRequest = {}): Promise<TwinForecast> {
    const { run, pool } = this.parts;
    const times = this.times(request.until);
    const forecast = await this.interruptible((signal) =>
      forecastEnsemble(run.twin.model, run.ensemble, {
        seed: run.seed,
        times,
        quantiles: FORECAST_QUANTILES,
        signal,
        runMembers: pool && poolForecastRunner(pool, run.spec),
      }),
    );
    return new TwinForecast(forecast, this.bundle(forecast, 'Forecast'));
  }

  /**
   * "Start this treatment now": every member continued with and without `kind` from the last observation (common
   * random numbers), e.g. `treat('oseltamivir', { stop: 6, dose: 75 })`. `effect` is treated − baseline per member.
   */
  async treat(
    kind: string,
    fields: Record<string, number | string> = {},
    request: ForecastRequest = {},
  ): Promise<{ baseline: TwinForecast; treated: TwinForecast; effect: EnsembleSummary }> {
    const { plugin, run, pool } = this.parts;
    const treatedSpec = { ...run.spec, treatment: { start: this.time, ...fields, kind } };
    const treated = scenarioTwin(plugin, treatedSpec).model;
    const result = await this.interruptible((signal) =>
      counterfactual(
        run.ensemble,
        { baseline: run.twin.model, treated },
        {
          seed: run.seed,
          times: this.times(request.until),
          quantiles: FORECAST_QUANTILES,
          signal,
          runMembers: pool && {
            baseline: poolForecastRunner(pool, run.spec),
            treated: poolForecastRunner(pool, treatedSpec),
          },
        },
      ),
    );
    return {
      baseline: new TwinForecast(result.baseline, this.bundle(result.baseline, 'Without treatment')),
      treated: new TwinForecast(result.treated, this.bundle(result.treated, `${kind} from t = ${this.time}`)),
      effect: result.effect,
    };
  }

  /** A short description: what was assimilated and the parameters' posteriors. */
  toMimeBundle(): MimeBundle {
    const lines = Object.entries(this.parameters).map(
      ([id, p]) => `${id} = ${p.median.toPrecision(3)} [${p.lower.toPrecision(3)}, ${p.upper.toPrecision(3)}]`,
    );
    const text = [
      `assimilated up to t = ${this.time} ${this.parts.plugin.manifest.timeUnit}: log-likelihood ${this.logLikelihood.toFixed(2)}, ${this.ensemble.weights.length} members`,
      ...lines.map((l) => `  ${l} (median, 90 % interval)`),
    ].join('\n');
    return { data: { 'text/plain': text, 'text/html': `<pre>${escapeHtml(text)}</pre>` }, metadata: {} };
  }

  /** Runs `work` with the running cell's interrupt; an interrupt rejects with a `KeyboardInterrupt`. */
  private async interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const interrupt = this.parts.interrupt();
    interrupt.poll();
    const poll = setInterval(interrupt.poll, 50);
    try {
      return await work(interrupt.signal);
    } catch (error) {
      throw interrupt.signal.aborted ? new KeyboardInterrupt() : error;
    } finally {
      clearInterval(poll);
      interrupt.dispose();
    }
  }

  private times(until: number | undefined): number[] {
    const end = until ?? this.parts.run.twin.scenario.duration;
    if (!(typeof end === 'number' && end > this.time)) {
      throw new RangeError(`until is ${String(until)}; allowed: a time after the last observation (${this.time})`);
    }
    return forecastTimes(this.time, end);
  }

  private bundle(forecast: Forecast, title: string): PlotBundle {
    const { plugin, units, data } = this.parts;
    const { manifest } = plugin;
    const ids = Object.keys(forecast.summary.observables);
    const first = forecast.trajectories[0]!;
    return {
      version: PLOT_BUNDLE_VERSION,
      model: {
        id: manifest.id,
        title: manifest.title,
        timeUnit: manifest.timeUnit,
        observables: ids.map((id) => ({ id, label: id, unit: units[id] ?? '' })),
      },
      title,
      observables: ids,
      logY: false,
      runs: [
        {
          time: Array.from(forecast.time),
          observables: Object.fromEntries(ids.map((id) => [id, Array.from(first.observables[id]!)])),
        },
      ],
      summary: {
        quantiles: [...forecast.summary.quantiles],
        observables: Object.fromEntries(
          ids.map((id) => {
            const s = forecast.summary.observables[id]!;
            return [
              id,
              { mean: Array.from(s.mean), median: Array.from(s.median), bands: s.bands.map((b) => Array.from(b)) },
            ];
          }),
        ),
      },
      observed: structuredClone([...data]),
    };
  }
}
