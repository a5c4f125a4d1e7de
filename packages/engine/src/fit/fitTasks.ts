import { createRng } from '../rng/seeding.js';
import type { EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import type { LocalFitOptions } from './localFit.js';
import { fitFromStart, type StartResult } from './multiStart.js';
import { profileLikelihood, type ParameterProfile, type ProfileOptions } from './profileLikelihood.js';

/**
 * One independent unit of a fit, as plain data: a start of the multi-start search, the profile of one parameter
 * around the best point, or one bootstrap replicate. Its result depends only on the problem and the task, so tasks
 * can run in any order, in this thread or on a worker pool, with the same bits.
 */
export type FitTask =
  | {
      /** A local fit from `start` (own units). */
      readonly kind: 'start';
      readonly start: readonly number[];
      readonly options: LocalFitOptions;
    }
  | {
      /** The profile likelihood of parameter `index` around `best`. */
      readonly kind: 'profile';
      readonly best: { readonly theta: readonly number[]; readonly negLogLikelihood: number };
      readonly index: number;
      readonly options: ProfileOptions;
    }
  | {
      /** Bootstrap replicate `replicate`: data drawn at θ̂ with `bootstrapSeed(seed, replicate)`, fitted from θ̂. */
      readonly kind: 'bootstrap';
      readonly theta: readonly number[];
      readonly seed: number;
      readonly replicate: number;
      readonly options: LocalFitOptions;
    };

/** What a fit task gives: a local fit (a start or a bootstrap replicate) or a profile. */
export type FitTaskResult =
  | { readonly kind: 'start' | 'bootstrap'; readonly fit: StartResult }
  | { readonly kind: 'profile'; readonly profile: ParameterProfile };

/** The seed of bootstrap replicate `replicate`: the first draw of the stream (seed, replicate). */
export function bootstrapSeed(seed: number, replicate: number): number {
  return createRng(seed, replicate).nextUint32();
}

/** Runs one fit task on `problem`. */
export async function runFitTask(
  problem: FitProblem,
  task: FitTask,
  control: EvaluationControl = {},
): Promise<FitTaskResult> {
  switch (task.kind) {
    case 'start':
      return { kind: 'start', fit: await fitFromStart(problem, task.start, task.options, control) };
    case 'profile':
      return {
        kind: 'profile',
        profile: await profileLikelihood(problem, task.best, task.index, task.options, control),
      };
    case 'bootstrap': {
      if (!problem.resample) throw new RangeError('a parametric bootstrap needs a problem that can resample its data');
      const theta = Float64Array.from(task.theta);
      const synthetic = problem.resample(theta, bootstrapSeed(task.seed, task.replicate));
      return { kind: 'bootstrap', fit: await fitFromStart(synthetic, theta, task.options, control) };
    }
  }
}

/**
 * Runs fit tasks and resolves to their results in task order (in this thread by default; a host passes one that
 * hands them to a worker pool). Each result must be what `runFitTask` gives for its task.
 */
export type FitTaskRunner = (
  tasks: readonly FitTask[],
  control: EvaluationControl & { readonly onTask?: (done: number) => void },
) => Promise<FitTaskResult[]>;

/** The default {@link FitTaskRunner}: every task in this thread, one after another. */
export function createInlineTaskRunner(problem: FitProblem): FitTaskRunner {
  return async (tasks, control) => {
    const results: FitTaskResult[] = [];
    for (const task of tasks) {
      results.push(await runFitTask(problem, task, control));
      control.onTask?.(results.length);
    }
    return results;
  };
}
