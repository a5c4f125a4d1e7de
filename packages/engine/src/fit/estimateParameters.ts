import { ChunkBudget } from '../run/runInChunks.js';
import { aicc } from './aicc.js';
import { parametricBootstrap, type BootstrapResult } from './bootstrap.js';
import { throwIfCancelled, type EvaluationControl } from './fitObjective.js';
import type { FitProblem } from './fitProblem.js';
import { FIT_RESULT_VERSION, type FitParameterResult, type FitResult } from './fitResult.js';
import { localFitSettings, type LocalFitOptions } from './localFit.js';
import { bestStart, fitFromStart, multiStartPoints, type StartResult } from './multiStart.js';
import { profileLikelihood, type ParameterProfile } from './profileLikelihood.js';

/** Where a fit is: which stage, how many of its units are done, and the evaluations so far. */
export interface FitProgress {
  /** 'starts': the multi-start search; 'profiles': the profile likelihoods; 'bootstrap': its replicates. */
  readonly stage: 'starts' | 'profiles' | 'bootstrap';
  /** Starts, profiles or replicates done in this stage. */
  readonly done: number;
  /** All of them. */
  readonly total: number;
  /** Evaluations of the likelihood so far, in every stage (of this thread; starts run elsewhere count when done). */
  readonly evaluations: number;
}

/**
 * Runs the starts of a multi-start fit (in this thread by default; a host passes one that hands them to a worker
 * pool) and resolves to their results in start order. Each start must give what `fitFromStart` gives for it.
 */
export type StartRunner = (
  starts: readonly Float64Array[],
  options: LocalFitOptions,
  control: EvaluationControl & { readonly onStart?: (done: number) => void },
) => Promise<StartResult[]>;

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
  /** Called as the fit goes (after every evaluation at most every few milliseconds, and after every unit). */
  readonly onProgress?: (progress: FitProgress) => void;
  /** Runs the starts (default: one after another in this thread; same results). */
  readonly runStarts?: StartRunner;
}

/** The default {@link StartRunner}: every start in this thread, one after another. */
export function createInlineStartRunner(problem: FitProblem): StartRunner {
  return async (starts, options, control) => {
    const results: StartResult[] = [];
    for (const start of starts) {
      results.push(await fitFromStart(problem, start, options, control));
      control.onStart?.(results.length);
    }
    return results;
  };
}

/**
 * Fits `problem`: a multi-start search (least squares by Levenberg–Marquardt when the problem gives residuals,
 * maximum likelihood by Nelder–Mead otherwise, both on the parameters' scales within their bounds), then, around
 * the best start, profile-likelihood intervals for every parameter and, when asked, a parametric bootstrap; AICc
 * from the best −log L. Resolves to a fit result (the `fit-result` format, without the model and data the caller
 * adds). Cancellable between evaluations; the same problem and options give the same result.
 */
export async function estimateParameters(problem: FitProblem, options: EstimateOptions = {}): Promise<FitResult> {
  const { signal, onProgress } = options;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const count = options.starts ?? 8;
  const budget = new ChunkBudget();
  let evaluations = 0;
  let stage: FitProgress['stage'] = 'starts';
  let done = 0;
  let total = count;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastReport < 50) return;
    lastReport = now;
    onProgress?.({ stage, done, total, evaluations });
  };
  const control: EvaluationControl = {
    signal,
    budget,
    onEvaluation: () => {
      evaluations++;
      report(false);
    },
  };
  const warnings: string[] = [];

  const startPoints = multiStartPoints(problem, count, seed);
  const runStarts = options.runStarts ?? createInlineStartRunner(problem);
  const local = localFitSettings(options);
  const starts = await runStarts(startPoints, local, {
    ...control,
    onStart: (n) => {
      done = n;
      report(true);
    },
  });
  throwIfCancelled(signal);
  const best = starts[bestStart(starts)]!;
  const bestIndex = starts.indexOf(best);
  if (!best.converged) warnings.push(`the best start stopped without converging: ${best.message}`);

  let profiles: ParameterProfile[] = [];
  if (options.profiles ?? true) {
    stage = 'profiles';
    done = 0;
    total = problem.parameters.length;
    report(true);
    for (let i = 0; i < problem.parameters.length; i++) {
      profiles.push(await profileLikelihood(problem, best, i, { ...options, ...local, level }, control));
      done = i + 1;
      report(true);
    }
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
        if (end.reason === 'bound')
          warnings.push(`${profile.id}: the ${side} end of its interval is the search bound (not identifiable there)`);
        if (end.reason === 'steps') warnings.push(`${profile.id}: the ${side} end of its profile was not found`);
      }
    }
  } else profiles = [];

  let bootstrap: BootstrapResult | undefined;
  if ((options.bootstrap ?? 0) > 0) {
    stage = 'bootstrap';
    done = 0;
    total = options.bootstrap!;
    report(true);
    bootstrap = await parametricBootstrap(
      problem,
      best.theta,
      {
        ...options,
        replicates: options.bootstrap,
        seed: options.bootstrapSeed ?? seed,
        level,
        onReplicate: (n) => {
          done = n;
          report(true);
        },
      },
      control,
    );
    if (bootstrap.unconverged > 0) {
      warnings.push(`${bootstrap.unconverged} of ${bootstrap.replicates} bootstrap fits stopped without converging`);
    }
  }

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
