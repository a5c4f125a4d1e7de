import { ChunkBudget } from '../run/runInChunks.js';
import { aicc } from './aicc.js';
import { parametricBootstrap, type BootstrapResult } from './bootstrap.js';
import { throwIfCancelled } from '../run/runInChunks.js';
import type { EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import { FIT_RESULT_VERSION, type FitParameterResult, type FitResult } from './fitResult.js';
import { createInlineTaskRunner, type FitTask, type FitTaskRunner } from './fitTasks.js';
import { localFitSettings, type LocalFitOptions } from './localFit.js';
import { bestStart, multiStartPoints, type StartResult } from './multiStart.js';
import type { ParameterProfile } from './profileLikelihood.js';

/** Where a fit is: which stage, how many of its units are done, and the evaluations so far. */
export interface FitProgress {
  /** 'starts': the multi-start search; 'profiles': the profile likelihoods; 'bootstrap': its replicates. */
  readonly stage: 'starts' | 'profiles' | 'bootstrap';
  /** Starts, profiles or replicates done in this stage. */
  readonly done: number;
  /** All of them. */
  readonly total: number;
  /** Evaluations of the likelihood made in this thread so far (tasks run on a worker pool count none). */
  readonly evaluations: number;
}

/** Settings of {@link estimateParameters}. */
export interface EstimateOptions extends LocalFitOptions {
  /** Starts of the multi-start search (default 8): the initial point, then a Latin hypercube. */
  readonly starts?: number;
  /** Seed of the Latin hypercube and, unless `bootstrapSeed` is given, of the bootstrap (default 1). */
  readonly seed?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Profile-likelihood intervals (default true). */
  readonly profiles?: boolean;
  /** Parametric bootstrap replicates (default 0: none); needs a problem that can resample. */
  readonly bootstrap?: number;
  /** Seed of the bootstrap's data sets (default `seed`). */
  readonly bootstrapSeed?: number;
  /** Cancels the fit between evaluations: it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called as the fit goes (after every evaluation at most every 50 ms, and after every task). */
  readonly onProgress?: (progress: FitProgress) => void;
  /**
   * Runs the fit's tasks — starts, profiles, bootstrap replicates (default: one after another in this thread; a
   * host passes one that hands them to a worker pool, with the same results).
   */
  readonly runTasks?: FitTaskRunner;
}

/**
 * Fits `problem`: a multi-start search (least squares by Levenberg–Marquardt when the problem gives residuals,
 * maximum likelihood by Nelder–Mead otherwise, both on the parameters' scales within their bounds), then, around
 * the best start, profile-likelihood intervals for every parameter and, when asked, a parametric bootstrap; AICc
 * from the best −log L. Each start, profile and replicate is an independent fit task (`runTasks`). Resolves to a
 * fit result (the `fit-result` format, without the model and data the caller adds). Cancellable between
 * evaluations; the same problem and options give the same result, wherever the tasks run.
 */
export async function estimateParameters(problem: FitProblem, options: EstimateOptions = {}): Promise<FitResult> {
  const { signal, onProgress } = options;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const local = localFitSettings(options);
  const runTasks = options.runTasks ?? createInlineTaskRunner(problem);
  let evaluations = 0;
  let lastReport = 0;
  let progress: Omit<FitProgress, 'evaluations'> = { stage: 'starts', done: 0, total: 0 };
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastReport < 50) return;
    lastReport = now;
    onProgress?.({ ...progress, evaluations });
  };
  const control: EvaluationControl = {
    signal,
    budget: new ChunkBudget(),
    onEvaluation: () => {
      evaluations++;
      report(false);
    },
  };
  /** Runs one stage's tasks with progress per task. */
  const stage = async (name: FitProgress['stage'], tasks: FitTask[]) => {
    progress = { stage: name, done: 0, total: tasks.length };
    report(true);
    const results = await runTasks(tasks, {
      ...control,
      onTask: (done) => {
        progress = { ...progress, done };
        report(true);
      },
    });
    throwIfCancelled(signal);
    return results;
  };
  const warnings: string[] = [];

  const startPoints = multiStartPoints(problem, options.starts ?? 8, seed);
  const starts = (
    await stage(
      'starts',
      startPoints.map((start) => ({ kind: 'start', start: Array.from(start), options: local })),
    )
  ).map((r) => (r.kind === 'profile' ? undefined : r.fit)!);
  const bestIndex = bestStart(starts);
  const best = starts[bestIndex]!;
  if (!best.converged) warnings.push(`the best start stopped without converging: ${best.message}`);

  let profiles: ParameterProfile[] = [];
  if (options.profiles ?? true) {
    const tasks: FitTask[] = problem.parameters.map((_, index) => ({
      kind: 'profile',
      best: { theta: best.theta, negLogLikelihood: best.negLogLikelihood },
      index,
      options: { ...local, level },
    }));
    profiles = (await stage('profiles', tasks)).map((r) => (r.kind === 'profile' ? r.profile : undefined)!);
    warnings.push(...profileWarnings(profiles, best));
  }

  let bootstrap: BootstrapResult | undefined;
  if ((options.bootstrap ?? 0) > 0) {
    progress = { stage: 'bootstrap', done: 0, total: options.bootstrap! };
    report(true);
    bootstrap = await parametricBootstrap(
      problem,
      best.theta,
      {
        ...local,
        replicates: options.bootstrap,
        seed: options.bootstrapSeed ?? seed,
        level,
        runTasks,
        onReplicate: (done) => {
          progress = { ...progress, done };
          report(true);
        },
      },
      control,
    );
    throwIfCancelled(signal);
    if (bootstrap.unconverged > 0) {
      warnings.push(`${bootstrap.unconverged} of ${bootstrap.replicates} bootstrap fits stopped without converging`);
    }
  }
  return fitResult(problem, { starts, bestIndex, profiles, bootstrap, level, seed, warnings });
}

/** The warnings a set of profiles gives: a better optimum found, ends at a bound or not found. */
function profileWarnings(profiles: readonly ParameterProfile[], best: StartResult): string[] {
  const warnings: string[] = [];
  for (const profile of profiles) {
    if (profile.betterOptimum) {
      warnings.push(
        `the profile of ${profile.id} found a lower −log L (${profile.betterOptimum.negLogLikelihood}) than the best start (${best.negLogLikelihood}): try more starts`,
      );
    }
    for (const [end, side] of [
      [profile.lower, 'lower'],
      [profile.upper, 'upper'],
    ] as const) {
      if (end.reason === 'bound') {
        warnings.push(`${profile.id}: the ${side} end of its interval is the search bound (not identifiable there)`);
      }
      if (end.reason === 'steps') warnings.push(`${profile.id}: the ${side} end of its profile was not found`);
    }
  }
  return warnings;
}

/** The fit result document from the parts of a fit. */
function fitResult(
  problem: FitProblem,
  parts: {
    starts: readonly StartResult[];
    bestIndex: number;
    profiles: readonly ParameterProfile[];
    bootstrap: BootstrapResult | undefined;
    level: number;
    seed: number;
    warnings: string[];
  },
): FitResult {
  const { starts, bestIndex, profiles, bootstrap, level, seed, warnings } = parts;
  const best = starts[bestIndex]!;
  const k = problem.parameters.length;
  const n = problem.observationCount;
  const parameters: FitParameterResult[] = problem.parameters.map((p, i) => {
    const profile = profiles[i];
    return {
      id: p.id,
      scale: p.scale,
      lower: p.lower,
      upper: p.upper,
      estimate: best.theta[i]!,
      ...(profile
        ? {
            profile: {
              lower: profile.lower.value,
              upper: profile.upper.value,
              lowerReason: profile.lower.reason,
              upperReason: profile.upper.reason,
              points: profile.points.map((point) => ({ ...point })),
            },
          }
        : {}),
      ...(bootstrap ? { bootstrap: { lower: bootstrap.intervals[i]![0], upper: bootstrap.intervals[i]![1] } } : {}),
    };
  });
  return {
    version: FIT_RESULT_VERSION,
    method: best.method,
    observationCount: n,
    negLogLikelihood: best.negLogLikelihood,
    aicc: n > k + 1 ? aicc(best.negLogLikelihood, k, n) : null,
    level,
    parameters,
    starts: {
      seed,
      best: bestIndex,
      results: starts.map((s) => ({
        ...s,
        negLogLikelihood: Number.isFinite(s.negLogLikelihood) ? s.negLogLikelihood : null,
      })),
    },
    ...(bootstrap
      ? { bootstrap: { replicates: bootstrap.replicates, seed: bootstrap.seed, unconverged: bootstrap.unconverged } }
      : {}),
    warnings,
  };
}
