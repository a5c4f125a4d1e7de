import { summarizeEnsemble, type EnsembleSummary } from './ensembleSummary.js';
import { checkMemoryBudget } from './memoryBudget.js';
import { ReplicateRun, type RunResult } from './replicateRun.js';
import type { ResolvedScenario } from './resolveScenario.js';
import { runInChunks, type ChunkBudget } from './runInChunks.js';

/** Progress of a run: overall fraction done and where it is. */
export interface RunProgress {
  /** Overall fraction complete, in [0, 1]. */
  readonly fraction: number;
  /** Replicate being simulated (0-based). */
  readonly replicate: number;
  /** Number of replicates. */
  readonly replicates: number;
  /** Simulated time reached in that replicate. */
  readonly time: number;
}

/** Options for running a scenario in chunks. */
export interface RunOptions {
  /** Called after each chunk (and once at the end with fraction 1). */
  onProgress?: (progress: RunProgress) => void;
  /** Cancels the run: it rejects with the signal's reason at the next chunk boundary or event check. */
  signal?: AbortSignal;
  /** Wall-clock budget of one chunk before yielding to the event loop (default `DEFAULT_CHUNK_MILLISECONDS`). */
  chunkMilliseconds?: number;
  /** Which replicates to run (default all, in order); results come back in this order. */
  replicateIndices?: readonly number[];
  /** A chunk budget shared with other runs (see `runInChunks`): yield once it is spent, not after every run. */
  budget?: ChunkBudget;
  /**
   * Most bytes the kept results may take (default `DEFAULT_MAX_MEMORY`, 1 GiB); a larger run is refused before it
   * starts (see `checkMemoryBudget`). Raise it on purpose.
   */
  maxMemory?: number;
  /** Called with each replicate's result as it finishes, in order, and awaited (a writer can hold the run back). */
  onRunResult?: (run: RunResult) => void | Promise<void>;
  /**
   * Keep no runs (default false): the result's `runs` is empty and it has no summary, so memory holds one run at
   * a time and the memory budget counts one run. For callers that consume `onRunResult`, e.g. a streaming writer.
   */
  discardRuns?: boolean;
}

/** All replicates of a scenario and, when there are several, their summary. */
export interface ScenarioResult {
  /** The resolved scenario that produced it. */
  readonly scenario: ResolvedScenario;
  /** One result per replicate. */
  readonly runs: readonly RunResult[];
  /** Mean, median and quantile bands when there is more than one replicate. */
  readonly summary: EnsembleSummary | undefined;
}

function replicateList(scenario: ResolvedScenario, options: RunOptions): readonly number[] {
  const indices = options.replicateIndices ?? Array.from({ length: scenario.replicates }, (_, r) => r);
  for (const r of indices) {
    if (!Number.isInteger(r) || r < 0 || r >= scenario.replicates) {
      throw new RangeError(
        `replicateIndices: ${r} is not a replicate of this scenario; allowed: 0 to ${scenario.replicates - 1}`,
      );
    }
  }
  return indices;
}

/**
 * Runs a resolved scenario in chunks that yield to the event loop, so a page or worker stays responsive,
 * reporting progress and honouring an AbortSignal.
 */
export async function runScenario(scenario: ResolvedScenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const { onProgress, signal, chunkMilliseconds, budget } = options;
  const indices = replicateList(scenario, options);
  checkMemoryBudget(scenario, options.maxMemory, { replicates: options.discardRuns ? 1 : indices.length });
  const runs: RunResult[] = [];
  for (let i = 0; i < indices.length; i++) {
    const run = new ReplicateRun(scenario, indices[i], signal);
    const reportProgress = (): void => {
      onProgress?.({
        fraction: (i + run.progress) / indices.length,
        replicate: indices[i],
        replicates: scenario.replicates,
        time: run.progress * scenario.duration,
      });
    };
    await runInChunks(run, { chunkMilliseconds, budget, signal, afterChunk: reportProgress });
    const result = run.result();
    if (options.onRunResult) await options.onRunResult(result);
    if (!options.discardRuns) runs.push(result);
  }
  return { scenario, runs, summary: runs.length > 1 ? summarizeEnsemble(runs, scenario.quantiles) : undefined };
}

/** Runs a resolved scenario to the end without yielding (for Node scripts, tests and workers that own their thread). */
export function runScenarioSync(
  scenario: ResolvedScenario,
  options: Pick<RunOptions, 'replicateIndices' | 'maxMemory'> = {},
): ScenarioResult {
  const indices = replicateList(scenario, options);
  checkMemoryBudget(scenario, options.maxMemory, { replicates: indices.length });
  const runs = indices.map((r) => new ReplicateRun(scenario, r).runToEnd());
  return { scenario, runs, summary: runs.length > 1 ? summarizeEnsemble(runs, scenario.quantiles) : undefined };
}
