import {
  designPoints,
  designReplicates,
  designScenario,
  EnsembleAggregate,
  outcomeValues,
  type AggregateSummary,
  type Design,
  type DesignRun,
  type ModelManifest,
  type OutcomeRequest,
} from '@immunotwin/engine';
import type { IPoolProgress, WorkerPool } from '@immunotwin/worker';

/** What studies and fits need of a pool: runs with their samples, only their outcomes, or fit tasks. */
export type StudyPool = Pick<WorkerPool, 'run' | 'outcomes' | 'fitTasks' | 'forecastMembers' | 'size'>;

/** Where a study runs and how it reports: the pool, the cell's interrupt and a progress callback. */
export interface StudyContext {
  /** The pool of workers (started on first use). */
  pool: StudyPool;
  /** The running cell's interrupt: aborting it stops every worker's task. */
  signal: AbortSignal;
  /** Called when the runs start (0 done) and after every finished run (or batch of runs). */
  onProgress?: (progress: IPoolProgress) => void;
}

/** The quantiles of a study's band: the median and a 5–95 % band. */
export const BAND_QUANTILES = [0.05, 0.5, 0.95] as const;

/** What a study's runs gave: each run's parameter values and outcomes, and the band when one was asked. */
export interface StudyRuns {
  /** The design's parameter sets, one per run. */
  readonly points: readonly DesignRun[];
  /** The replicates of each run. */
  readonly replicates: readonly number[];
  /** The outcomes asked. */
  readonly requests: readonly OutcomeRequest[];
  /** Per run: a row per replicate, a column per request. */
  readonly values: readonly Float64Array[];
  /** The band's observable summarised over every run and replicate (streamed, no run kept), if asked. */
  readonly band?: { readonly observable: string; readonly summary: AggregateSummary };
}

/**
 * Runs every parameter set of a design on the pool. Without a band only the outcomes come back from the
 * workers; with one, the runs come back in task order and are folded into a streaming `EnsembleAggregate` (flat
 * memory, the same bits whatever the number of workers) and dropped.
 */
export async function runStudy(
  context: StudyContext,
  design: Design,
  manifest: ModelManifest,
  band?: string,
): Promise<StudyRuns> {
  const points = designPoints(design, manifest);
  const replicates = designReplicates(design);
  const requests = design.outcomes ?? [];
  const tasks = points.map((run) => ({ scenario: designScenario(design, run), replicates }));
  const { pool, signal, onProgress } = context;
  onProgress?.({ done: 0, total: tasks.length, fraction: 0 });
  if (band === undefined) {
    const values = await pool.outcomes(tasks, requests, { signal, onProgress });
    return { points, replicates, requests, values };
  }
  const values: Float64Array[] = new Array<Float64Array>(tasks.length);
  const aggregate = new EnsembleAggregate({ quantiles: BAND_QUANTILES });
  await pool.run(tasks, {
    signal,
    onProgress,
    ordered: true,
    discard: true,
    onResult: (index, runs) => {
      values[index] = outcomeValues(runs, requests);
      for (const run of runs) aggregate.add({ ...run, observables: { [band]: run.observables[band]! } });
    },
  });
  return { points, replicates, requests, values, band: { observable: band, summary: aggregate.summary() } };
}

/** The mean over replicates of outcome `k` of every run (NaN where a replicate has none, e.g. never cleared). */
export function outcomeMeans(runs: StudyRuns, k: number): Float64Array {
  const width = runs.requests.length;
  return Float64Array.from(runs.values, (rows) => {
    let sum = 0;
    for (let r = 0; r < runs.replicates.length; r++) sum += rows[r * width + k]!;
    return sum / runs.replicates.length;
  });
}

/** Every replicate's value of outcome `k`, run after run. */
export function outcomeSamples(runs: StudyRuns, k: number): Float64Array {
  const width = runs.requests.length;
  const out = new Float64Array(runs.values.length * runs.replicates.length);
  runs.values.forEach((rows, i) => {
    for (let r = 0; r < runs.replicates.length; r++) out[i * runs.replicates.length + r] = rows[r * width + k]!;
  });
  return out;
}
