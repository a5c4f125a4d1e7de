import {
  outcomeLabel,
  prcc,
  quantileOfSorted,
  saltelliLayout,
  sobolIndices,
  splitSaltelliRows,
  STUDY_BUNDLE_VERSION,
  STUDY_MIME_TYPE,
  type Design,
  type DesignRun,
  type ModelManifest,
  type PrccEntry,
  type Scenario,
  type SobolIndices,
  type StudyBundle,
  type StudyFigure,
} from '@immunotwin/engine';
import type { MimeBundle } from '../mime.js';
import { plotModel } from './plot.js';
import { TwinTable } from './result.js';
import { bandFigure, gridFigures, histogramFigures, pValueNote, prccFigure, sobolFigure } from './studyFigures.js';
import {
  outcomeRequests,
  studyDesign,
  type SensitivityOptions,
  type StudyParameter,
  type SweepOptions,
} from './studyOptions.js';
import { outcomeMeans, runStudy, type StudyContext, type StudyRuns } from './studyRun.js';

/** Sensitivity indices of one outcome: Sobol' or PRCC, per parameter in the order of the study's parameters. */
export type OutcomeSensitivity =
  | { readonly method: 'sobol'; readonly outcome: string; readonly indices: SobolIndices }
  | { readonly method: 'prcc'; readonly outcome: string; readonly indices: readonly PrccEntry[] };

/**
 * What `twin.sweep()` and `twin.sensitivity()` give: the design, each run's parameters and outcomes, the
 * indices of a sensitivity analysis, and figures that draw themselves in a cell (the study bundle).
 */
export class TwinStudy {
  constructor(
    /** The design the runs came from (the format `immunotwin sweep` reads: save it to run it on a cluster). */
    readonly design: Design,
    /** The study's runs. */
    readonly runs: StudyRuns,
    /** The figures of the study bundle. */
    readonly figures: readonly StudyFigure[],
    /** Indices per outcome (sensitivity analyses only). */
    readonly sensitivity: readonly OutcomeSensitivity[],
    private readonly manifest: ModelManifest,
    private readonly title: string,
  ) {}

  /** The varied parameters, in design order. */
  get parameters(): string[] {
    return this.design.parameters.map((p) => p.id);
  }

  /** The outcomes, by label (`V.peak`). */
  get outcomes(): string[] {
    return this.runs.requests.map(outcomeLabel);
  }

  /** One row per run: its parameter values and the mean of each outcome over its replicates. */
  rows(): Record<string, number>[] {
    const means = this.runs.requests.map((_, k) => outcomeMeans(this.runs, k));
    return this.runs.points.map((point: DesignRun, i) => ({
      run: i,
      ...point,
      ...Object.fromEntries(this.outcomes.map((label, k) => [label, means[k]![i]!])),
    }));
  }

  /**
   * The `q`-quantile (0.5: the median) of an outcome, by label (default the first), over the runs, each run's value
   * the mean of its replicates; runs without a value (NaN, e.g. never cleared) are left out. Linear between order
   * statistics (Hyndman & Fan type 7, R's default).
   */
  quantile(q: number, outcome: string = this.outcomes[0]!): number {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
      throw new RangeError(`study.quantile: q is ${String(q)}; allowed: a number from 0 to 1 (0.5: the median)`);
    }
    const values = outcomeMeans(this.runs, this.outcomeIndex(outcome, 'study.quantile'));
    return quantileOfSorted(values.filter(Number.isFinite).sort(), q);
  }

  /**
   * One index of a sensitivity analysis: the Sobol' `firstOrder` or `total` index, or the `prcc` coefficient, of a
   * parameter for an outcome (by label; default the first).
   */
  sensitivityIndex(
    parameter: string,
    index: 'firstOrder' | 'total' | 'prcc',
    outcome: string = this.outcomes[0]!,
  ): number {
    const where = 'study.sensitivityIndex';
    const i = this.parameters.indexOf(parameter);
    if (i < 0) {
      throw new RangeError(
        `${where}: no parameter "${parameter}" in the study; allowed: ${this.parameters.join(', ')}`,
      );
    }
    const found = this.sensitivity[this.outcomeIndex(outcome, where)];
    if (!found) throw new RangeError(`${where}: the study has no indices (run it with twin.sensitivity)`);
    if (found.method === 'prcc') {
      if (index !== 'prcc') throw new RangeError(`${where}: a PRCC study has index "prcc" only; got "${index}"`);
      return found.indices[i]!.coefficient;
    }
    if (index === 'prcc') {
      throw new RangeError(`${where}: a Sobol' study has the indices "firstOrder" and "total"; got "prcc"`);
    }
    return found.indices[index][i]!;
  }

  /** The position of an outcome label among the study's outcomes; throws listing them when it is not one. */
  private outcomeIndex(outcome: string, where: string): number {
    const k = this.outcomes.indexOf(outcome);
    if (k < 0) throw new RangeError(`${where}: no outcome "${outcome}"; allowed: ${this.outcomes.join(', ')}`);
    return k;
  }

  /** The runs as a table (the first `rows`, default 25). */
  table(options: { rows?: number } = {}): TwinTable {
    return new TwinTable(this.rows().slice(0, Math.max(1, Math.floor(options.rows ?? 25))));
  }

  /** The study bundle (schema/study.schema.json). */
  bundle(): StudyBundle {
    return {
      version: STUDY_BUNDLE_VERSION,
      model: plotModel(this.manifest),
      title: this.title,
      runs: this.runs.points.length * this.runs.replicates.length,
      figures: [...this.figures],
    };
  }

  /** A text summary: how many runs, and the indices of a sensitivity analysis. */
  toString(): string {
    const lines = [
      `${this.title}: ${this.runs.points.length} parameter sets × ${this.runs.replicates.length} replicate(s) of ${this.manifest.id}`,
    ];
    for (const s of this.sensitivity) {
      lines.push(`  ${s.method === 'sobol' ? "Sobol' indices" : 'PRCC'} of ${s.outcome}:`);
      this.parameters.forEach((id, i) => {
        if (s.method === 'sobol') {
          const { firstOrder, total, firstOrderConfidence, totalConfidence } = s.indices;
          lines.push(
            `    ${id}: first order ${firstOrder[i]!.toFixed(3)} ± ${firstOrderConfidence[i]!.toFixed(3)}, total ${total[i]!.toFixed(3)} ± ${totalConfidence[i]!.toFixed(3)}`,
          );
        } else {
          const entry = s.indices[i]!;
          lines.push(`    ${id}: ${entry.coefficient.toFixed(3)} (${pValueNote(entry.pValue)})`);
        }
      });
    }
    return lines.join('\n');
  }

  /**
   * The figures under the study MIME type, with the text summary (no HTML: a front end would pick it over the
   * figures).
   */
  toMimeBundle(): MimeBundle {
    return { data: { [STUDY_MIME_TYPE]: this.bundle(), 'text/plain': this.toString() }, metadata: {} };
  }
}

/** Checks that an option bag is an object, naming the function and an example. */
function requireOptions<T>(options: T, what: string, example: string): T {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${what}: expects options such as ${example}`);
  }
  return options;
}

/** The default design of a sweep: a 7-level grid, or a 200-run hypercube when a parameter has a distribution. */
function defaultSweepDesign(parameters: Record<string, StudyParameter>, seed: number | undefined) {
  const cohort = Object.values(parameters).some((p) => typeof p === 'object' && p !== null && 'distribution' in p);
  return cohort ? { kind: 'lhs' as const, n: 200, seed: seed ?? 1 } : { kind: 'grid' as const, levels: 7 };
}

/**
 * `twin.sweep()`: runs the twin over a design of its parameters on the worker pool and draws a heatmap (two
 * parameters on a grid), a line (one), or, for other designs (a virtual cohort), histograms of the outcomes and
 * the median and 5–95 % band of an observable over time.
 */
export async function sweepStudy(
  context: StudyContext,
  manifest: ModelManifest,
  scenario: Scenario,
  options: SweepOptions,
): Promise<TwinStudy> {
  const what = 'twin.sweep';
  const {
    parameters,
    design: spec,
    outcomes,
    band,
    ...settings
  } = requireOptions(
    options,
    what,
    "{ parameters: { beta: { range: [1e-5, 1e-4], scale: 'log' }, c: { range: [2, 10] } }, outcomes: ['V.peak'] }",
  );
  const requests = outcomeRequests(manifest, outcomes, what);
  const design = studyDesign(
    scenario,
    parameters,
    spec ?? defaultSweepDesign(parameters, settings.seed),
    requests,
    settings,
    what,
  );
  const isGrid = design.design.kind === 'grid';
  if (band !== undefined && band !== false && !manifest.observables.some((o) => o.id === band)) {
    throw new RangeError(
      `${what}: band: unknown observable ${JSON.stringify(band)}; allowed: ${manifest.observables.map((o) => o.id).join(', ')}`,
    );
  }
  const bandObservable = band === false ? undefined : (band ?? (isGrid ? undefined : requests[0]!.observable));
  const runs = await runStudy(context, design, manifest, bandObservable);
  const ids = design.parameters.map((p) => p.id);
  const figures: StudyFigure[] = isGrid ? gridFigures(manifest, runs, ids) : histogramFigures(manifest, runs);
  if (runs.band) figures.push(bandFigure(manifest, runs.band.observable, runs.band.summary));
  const title = isGrid ? `Sweep of ${ids.join(', ')}` : `Cohort of ${runs.points.length} over ${ids.join(', ')}`;
  return new TwinStudy(design, runs, figures, [], manifest, title);
}

/**
 * `twin.sensitivity()`: which parameters decide an outcome. Sobol' (a Saltelli design of n base rows;
 * first-order and total indices with 95 % bootstrap intervals) or PRCC (a Latin hypercube of n runs; p-values),
 * on the worker pool, drawn as bars with intervals or a tornado.
 */
export async function sensitivityStudy(
  context: StudyContext,
  manifest: ModelManifest,
  scenario: Scenario,
  options: SensitivityOptions,
): Promise<TwinStudy> {
  const what = 'twin.sensitivity';
  const {
    parameters,
    analysis = 'sobol',
    n,
    outcomes,
    ...settings
  } = requireOptions(
    options,
    what,
    "{ parameters: { beta: { range: [1e-5, 1e-4], scale: 'log' }, c: { range: [2, 10] } }, analysis: 'sobol', n: 256 }",
  );
  if (analysis !== 'sobol' && analysis !== 'prcc') {
    throw new RangeError(`${what}: analysis: ${JSON.stringify(analysis)} is not an analysis; allowed: sobol, prcc`);
  }
  const requests = outcomeRequests(manifest, outcomes, what);
  const spec =
    analysis === 'sobol'
      ? { kind: 'saltelli' as const, n: n ?? 256 }
      : { kind: 'lhs' as const, n: n ?? 200, seed: settings.seed ?? 1 };
  const design = studyDesign(scenario, parameters, spec, requests, settings, what);
  const runs = await runStudy(context, design, manifest);
  const ids = design.parameters.map((p) => p.id);
  const sensitivity: OutcomeSensitivity[] = requests.map((request, k) => {
    const y = outcomeMeans(runs, k);
    const outcome = outcomeLabel(request);
    if (analysis === 'sobol') {
      const indices = sobolIndices(splitSaltelliRows(y, saltelliLayout(spec.n, ids.length)));
      return { method: analysis, outcome, indices };
    }
    const kept = runs.points.map((_, i) => i).filter((i) => Number.isFinite(y[i]));
    const inputs = ids.map((id) => kept.map((i) => runs.points[i]![id]!));
    return {
      method: analysis,
      outcome,
      indices: prcc(
        inputs,
        kept.map((i) => y[i]!),
      ),
    };
  });
  const figures = sensitivity.map((s, k) =>
    s.method === 'sobol' ? sobolFigure(requests[k]!, ids, s.indices) : prccFigure(requests[k]!, ids, s.indices),
  );
  const title = `${analysis === 'sobol' ? "Sobol' sensitivity" : 'PRCC'} of ${requests.map(outcomeLabel).join(', ')}`;
  return new TwinStudy(design, runs, figures, sensitivity, manifest, title);
}
