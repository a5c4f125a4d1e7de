import {
  counterfactual,
  forecastEnsemble,
  networkStateSpace,
  PLOT_BUNDLE_VERSION,
  quantileOfSorted,
  scenarioWithIntervention,
  type CompiledObservation,
  type Ensemble,
  type MeasuredObservable,
  type EstimatedParameter,
  type EnsembleSummary,
  type Forecast,
  type ModelPlugin,
  type ObservedDataset,
  type PlotBundle,
  type ResolvedScenario,
  type StateSpaceModel,
} from '@immunotwin/engine';
import { escapeHtml, type MimeBundle } from '../mime.js';
import { KeyboardInterrupt } from '../errors.js';
import { interruptController } from './fitRun.js';
import { BundlePlot } from './twinFit.js';

/** The quantiles of a forecast's bands: the median with 50 % and 90 % credible bands. */
export const FORECAST_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
/** Sample times of a forecast. */
const FORECAST_POINTS = 101;

/** What a {@link TwinAssimilation} is made of. */
export interface TwinAssimilationParts {
  readonly plugin: ModelPlugin;
  readonly scenario: ResolvedScenario;
  readonly model: StateSpaceModel;
  readonly measured: readonly (CompiledObservation | MeasuredObservable)[];
  readonly ensemble: Ensemble;
  readonly logLikelihood: number;
  readonly data: readonly ObservedDataset[];
  readonly estimate: readonly EstimatedParameter[];
  readonly seed: number;
  readonly units: Readonly<Record<string, string>>;
  /** The running cell's interrupt, asked at each forecast (the cell that calls `forecast` may be a later one). */
  readonly interrupt: () => ReturnType<typeof interruptController>;
  /** The measured quantities' names in the data, in the model's `measured` order. */
  readonly names: readonly string[];
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
    return this.parts.ensemble.time;
  }

  /** The filter's log-likelihood of the data (the EnKF's Gaussian one, or the particle filter's estimate). */
  get logLikelihood(): number {
    return this.parts.logLikelihood;
  }

  /** The updated ensemble (states: species then ln θ of each estimated parameter). */
  get ensemble(): Ensemble {
    return this.parts.ensemble;
  }

  /** Each estimated parameter's posterior median and 90 % credible interval (weighted members resampled by rank). */
  get parameters(): Record<string, { median: number; lower: number; upper: number }> {
    const { ensemble, model, estimate } = this.parts;
    return Object.fromEntries(
      estimate.map(({ id }) => {
        const k = model.labels.indexOf(`ln ${id}`);
        const values = weightedSample(ensemble, k).map(Math.exp);
        return [
          id,
          {
            median: quantileOfSorted(values, 0.5),
            lower: quantileOfSorted(values, 0.05),
            upper: quantileOfSorted(values, 0.95),
          },
        ];
      }),
    );
  }

  /** The rest of the course from the updated ensemble, with credible bands. */
  async forecast(request: ForecastRequest = {}): Promise<TwinForecast> {
    const times = this.times(request.until);
    const forecast = await this.interruptible((signal) =>
      forecastEnsemble(this.parts.model, this.parts.ensemble, {
        seed: this.parts.seed,
        times,
        quantiles: FORECAST_QUANTILES,
        signal,
      }),
    );
    const named = this.named(forecast);
    return new TwinForecast(named, this.bundle(named, 'Forecast'));
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
    const { scenario, measured, estimate, model } = this.parts;
    const treatedScenario = scenarioWithIntervention(scenario, { start: this.time, ...fields, kind });
    const treated = networkStateSpace(treatedScenario, { measured, estimate });
    const result = await this.interruptible((signal) =>
      counterfactual(
        this.parts.ensemble,
        { baseline: model, treated },
        { seed: this.parts.seed, times: this.times(request.until), quantiles: FORECAST_QUANTILES, signal },
      ),
    );
    const [baseline, withTreatment] = [this.named(result.baseline), this.named(result.treated)];
    return {
      baseline: new TwinForecast(baseline, this.bundle(baseline, 'Without treatment')),
      treated: new TwinForecast(withTreatment, this.bundle(withTreatment, `${kind} from t = ${this.time}`)),
      effect: { quantiles: result.effect.quantiles, observables: this.rename(result.effect.observables) },
    };
  }

  /** A short description: what was assimilated and the parameters' posteriors. */
  toMimeBundle(): MimeBundle {
    const lines = Object.entries(this.parameters).map(
      ([id, p]) => `${id} = ${p.median.toPrecision(3)} [${p.lower.toPrecision(3)}, ${p.upper.toPrecision(3)}]`,
    );
    const text = [
      `assimilated up to t = ${this.time} ${this.parts.plugin.manifest.timeUnit}: log-likelihood ${this.logLikelihood.toFixed(2)}, ${this.parts.ensemble.weights.length} members`,
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

  /** The forecast with the measured quantities under the data's names (the model says `log10 V` for `log10V`). */
  private named(forecast: Forecast): Forecast {
    return {
      ...forecast,
      trajectories: forecast.trajectories.map((t) => ({ time: t.time, observables: this.rename(t.observables) })),
      summary: { quantiles: forecast.summary.quantiles, observables: this.rename(forecast.summary.observables) },
    };
  }

  private rename<T>(byModelName: Readonly<Record<string, T>>): Record<string, T> {
    const { model, names } = this.parts;
    return Object.fromEntries(model.measured.map((m, j) => [names[j]!, byModelName[m]!]));
  }

  private times(until: number | undefined): number[] {
    const end = until ?? this.parts.scenario.duration;
    if (!(typeof end === 'number' && end > this.time)) {
      throw new RangeError(`until is ${String(until)}; allowed: a time after the last observation (${this.time})`);
    }
    return Array.from(
      { length: FORECAST_POINTS },
      (_, i) => this.time + ((end - this.time) * i) / (FORECAST_POINTS - 1),
    );
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

/** Component `k` of the ensemble's members, sorted, each repeated in proportion to its weight (1000 draws by rank). */
function weightedSample(ensemble: Ensemble, k: number): number[] {
  const n = ensemble.weights.length;
  const d = ensemble.dimension;
  const members = Array.from({ length: n }, (_, i) => ({
    value: ensemble.states[i * d + k]!,
    weight: ensemble.weights[i]!,
  }));
  members.sort((a, b) => a.value - b.value);
  const total = members.reduce((s, m) => s + m.weight, 0);
  const out: number[] = [];
  let cumulative = 0;
  let j = 0;
  for (let q = 0; q < 1000; q++) {
    const target = ((q + 0.5) / 1000) * total;
    while (j < n - 1 && cumulative + members[j]!.weight < target) cumulative += members[j++]!.weight;
    out.push(members[j]!.value);
  }
  return out;
}
