import {
  fitCurve,
  PLOT_BUNDLE_VERSION,
  PLOT_MIME_TYPE,
  type FitResult,
  type ModelPlugin,
  type PlotBundle,
  type Scenario,
  type ScenarioFitProblem,
} from '@immunotwin/engine';
import { escapeHtml, type MimeBundle } from '../mime.js';

/** A number as a fit's table shows it: 4 significant digits. */
const short = (value: number): string => String(Number(value.toPrecision(4)));

/** A plot bundle as a cell output (the fit's data and fitted curve, a forecast's bands). */
export class BundlePlot {
  constructor(
    /** The plot bundle. */
    readonly bundle: PlotBundle,
    private readonly text: string,
  ) {}

  /** The bundle under the plot MIME type, with a text/plain summary. */
  toMimeBundle(): MimeBundle {
    return { data: { [PLOT_MIME_TYPE]: this.bundle, 'text/plain': this.text }, metadata: {} };
  }
}

/** What a {@link TwinFit} is made of. */
export interface TwinFitParts {
  /** The engine's fit result. */
  readonly fit: FitResult;
  /** The fitted problem (data, predictions). */
  readonly problem: ScenarioFitProblem;
  /** The scenario fitted (the twin's, with a duration covering the data). */
  readonly scenario: Scenario;
  /** The model. */
  readonly plugin: ModelPlugin;
  /** Puts estimates into the twin. */
  readonly apply: (values: Record<string, number>) => void;
  /** The observation model document the fit used. */
  readonly observation: unknown;
}

/**
 * The result of `twin.fit`: the estimates with their intervals, −log L and AICc, `apply()` to put the estimates into
 * the twin, and `plot()` of the data with the fitted curve. Shown in a cell as a compact table.
 */
export class TwinFit {
  /** The engine's fit result (schema/fit-result.schema.json without the model and data). */
  readonly result: FitResult;
  private readonly parts: TwinFitParts;

  constructor(parts: TwinFitParts) {
    this.parts = parts;
    this.result = parts.fit;
  }

  /** The estimates by parameter id. */
  get estimates(): Record<string, number> {
    return Object.fromEntries(this.result.parameters.map((p) => [p.id, p.estimate]));
  }

  /** Each parameter's interval at `level`: the profile likelihood's, else the bootstrap's. */
  get intervals(): Record<string, [number, number] | undefined> {
    return Object.fromEntries(
      this.result.parameters.map((p) => {
        const interval = p.profile ?? p.bootstrap;
        return [p.id, interval ? [interval.lower, interval.upper] : undefined];
      }),
    );
  }

  /** −log L at the estimates (every constant included). */
  get negLogLikelihood(): number {
    return this.result.negLogLikelihood;
  }

  /** AICc (null when there are too few data points). */
  get aicc(): number | null {
    return this.result.aicc;
  }

  /** Puts the model parameters' estimates into the twin (noise parameters stay with the fit); returns them. */
  apply(): Record<string, number> {
    const ids = new Set(this.parts.plugin.manifest.parameters.map((p) => p.id));
    const values = Object.fromEntries(Object.entries(this.estimates).filter(([id]) => ids.has(id)));
    this.parts.apply(values);
    return values;
  }

  /** The data and the fitted curve of the measured quantity over the run (censored points drawn apart). */
  plot(options: { title?: string } = {}): BundlePlot {
    const { problem, plugin, scenario, observation } = this.parts;
    const data = problem.data[0]!;
    const { manifest } = plugin;
    const curve = fitCurve({
      plugin,
      scenario,
      observation,
      parameters: this.result.parameters,
      estimates: this.result.parameters.map((p) => p.estimate),
      data,
    });
    const bundle: PlotBundle = {
      version: PLOT_BUNDLE_VERSION,
      model: {
        id: manifest.id,
        title: manifest.title,
        timeUnit: manifest.timeUnit,
        observables: curve.measured.map((id) => ({ id, label: id, unit: curve.units[id]! })),
      },
      title: options.title ?? `${manifest.title}: fit to ${data[0]!.group ?? data[0]!.name}`,
      observables: curve.measured,
      logY: false,
      runs: [{ time: curve.time, observables: curve.values }],
      observed: structuredClone([...data]),
    };
    return new BundlePlot(bundle, `${bundle.title}\n${this.text()}`);
  }

  /** The estimates, intervals, −log L and AICc as lines of text. */
  text(): string {
    const { result } = this;
    const lines = result.parameters.map((p) => {
      const interval = this.intervals[p.id];
      const range = interval ? ` [${short(interval[0])}, ${short(interval[1])}]` : '';
      return `  ${p.id} = ${short(p.estimate)}${range}`;
    });
    return [
      `fit (${result.method}, ${result.starts.results.length} start${result.starts.results.length === 1 ? '' : 's'}, ${Math.round(result.level * 100)} % intervals): −log L = ${short(result.negLogLikelihood)}, AICc = ${result.aicc === null ? 'n/a' : short(result.aicc)}`,
      ...lines,
      ...result.warnings.map((w) => `  warning: ${w}`),
    ].join('\n');
  }

  /** A compact table: parameter, estimate, interval, unit; then −log L, AICc and the warnings. */
  toMimeBundle(): MimeBundle {
    const { result } = this;
    const units = new Map(this.parts.plugin.manifest.parameters.map((p) => [p.id, p.unit]));
    const rows = result.parameters
      .map((p) => {
        const interval = this.intervals[p.id];
        const range = interval ? `${short(interval[0])} – ${short(interval[1])}` : '';
        const unit = units.get(p.id) ?? '';
        return `<tr><td>${escapeHtml(p.id)}</td><td>${short(p.estimate)}</td><td>${range}</td><td>${escapeHtml(unit === '1' ? '' : unit)}</td></tr>`;
      })
      .join('');
    const footer = `−log L = ${short(result.negLogLikelihood)} · AICc = ${result.aicc === null ? 'n/a' : short(result.aicc)} · ${result.observationCount} observations · ${result.method}`;
    const warnings = result.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('');
    const html =
      `<table class="immunotwin-fit"><thead><tr><th>parameter</th><th>estimate</th><th>${Math.round(result.level * 100)} % interval</th><th>unit</th></tr></thead><tbody>${rows}</tbody></table>` +
      `<p>${footer}</p>${warnings ? `<ul>${warnings}</ul>` : ''}`;
    return { data: { 'text/html': html, 'text/plain': this.text() }, metadata: {} };
  }
}
