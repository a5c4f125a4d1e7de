import { EnsembleAggregate } from '../aggregate/ensembleAggregate.js';
import { ValidationError } from '../validation/index.js';
import type { ResolvedScenario } from './resolveScenario.js';
import { sampleTimes } from './schedule.js';

/** The memory a run may keep for its results unless the caller raises it on purpose: 1 GiB. */
export const DEFAULT_MAX_MEMORY = 2 ** 30;

/** What a run's kept results take in memory, and what that comes from. */
export interface MemoryEstimate {
  /** Bytes in all, the ensemble summary included. */
  readonly bytes: number;
  /** Replicates kept. */
  readonly replicates: number;
  /** Samples per replicate. */
  readonly samples: number;
  /** Columns per replicate: time and each observable. */
  readonly columns: number;
}

/** How a run keeps its results, for {@link estimateResultMemory}. */
export interface KeptResults {
  /** Runs held at once (default all of the scenario's replicates; 1 when a writer streams them). */
  readonly replicates?: number;
  /**
   * The ensemble summary is a streaming `EnsembleAggregate` over all the scenario's replicates (fixed size, see
   * its `memoryBound`) rather than one computed from the kept runs (default false).
   */
  readonly streamingSummary?: boolean;
}

/**
 * The memory the results of `scenario` take: 8-byte samples of time and every observable per kept replicate,
 * plus the ensemble summary when the scenario has several — computed from the kept runs (mean, median and each
 * quantile per observable, as the kernel and the workbench keep them) or a streaming aggregate (as
 * `immunotwin run` writes JSON).
 */
export function estimateResultMemory(scenario: ResolvedScenario, kept: KeptResults = {}): MemoryEstimate {
  const { replicates = scenario.replicates, streamingSummary = false } = kept;
  const samples = sampleTimes(scenario.duration, scenario.outputInterval).length;
  const observables = scenario.plugin.manifest.observables.length;
  const columns = observables + 1;
  const runs = 8 * replicates * samples * columns;
  if (scenario.replicates <= 1 || (!streamingSummary && replicates <= 1)) {
    return { bytes: runs, replicates, samples, columns };
  }
  const summary = streamingSummary
    ? EnsembleAggregate.memoryBound(samples, observables)
    : 8 * samples * observables * (scenario.quantiles.length + 2);
  return { bytes: runs + summary, replicates, samples, columns };
}

/** Bytes as a person reads them (e.g. "2.4 GB"). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toPrecision(3))} ${units[unit]}`;
}

/**
 * Refuses, before it starts, a run whose kept results would take more than `maxMemory` bytes: a ValidationError
 * naming the fields that set the size (replicates, outputInterval, duration) and how to raise the limit on purpose.
 */
export function checkMemoryBudget(
  scenario: ResolvedScenario,
  maxMemory: number = DEFAULT_MAX_MEMORY,
  kept: KeptResults = {},
): MemoryEstimate {
  const estimate = estimateResultMemory(scenario, kept);
  if (estimate.bytes <= maxMemory) return estimate;
  const { replicates } = estimate;
  const size =
    `${replicates} replicate${replicates === 1 ? '' : 's'} × ${estimate.samples} samples × ` +
    `${estimate.columns} columns × 8 bytes${kept.streamingSummary ? ', plus the ensemble aggregate' : ''}`;
  const path = replicates > 1 ? 'replicates' : 'outputInterval';
  throw new ValidationError('scenario', [
    {
      path,
      message:
        `the results would take ${formatBytes(estimate.bytes)} in memory (${size}), above the limit of ` +
        `${formatBytes(maxMemory)}; lower replicates, raise outputInterval or shorten duration, ` +
        'or raise the limit on purpose (maxMemory; --max-memory on the command line)',
    },
  ]);
}
