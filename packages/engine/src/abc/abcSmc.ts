import { exp, log } from '../math/portableMath.js';
import { rejectField } from '../design/designArgumentError.js';
import { createRng } from '../rng/seeding.js';
import { ChunkBudget, checkpoint } from '../run/runInChunks.js';
import {
  cumulativeSums,
  effectiveSampleSize,
  indexOfCumulative,
  normalizeLogWeights,
  weightedQuantile,
} from '../stats/weights.js';
import { PerturbationKernel } from './abcKernel.js';
import { resolveAbcOptions, type AbcSmcOptions, type ResolvedAbcOptions } from './abcOptions.js';
import type { AbcProblem } from './abcProblem.js';

/** One generation (population) of ABC-SMC: weighted particles whose simulations came within its tolerance. */
export interface AbcGeneration {
  /** 0 for the prior sample, then 1, 2, … */
  readonly index: number;
  /** Its tolerance: every particle's distance is ≤ epsilon (∞ for generation 0). */
  readonly epsilon: number;
  /** The particles in the parameters' own units, n × d row-major (`particles[i·d + k]`). */
  readonly particles: Float64Array;
  /** Normalised importance weights (sum 1). */
  readonly weights: Float64Array;
  /** Each particle's distance. */
  readonly distances: Float64Array;
  /** Effective sample size of the weights, (Σw)²/Σw². */
  readonly effectiveSampleSize: number;
  /** Simulations this generation ran. */
  readonly simulations: number;
  /** Particles accepted / simulations run. */
  readonly acceptanceRate: number;
}

/** Why ABC-SMC stopped. */
export type AbcStopReason = 'minEpsilon' | 'maxGenerations' | 'minAcceptanceRate' | 'maxSimulations' | 'epsilonStalled';

/** The result of ABC-SMC: every generation, the last being the posterior sample. */
export interface AbcSmcResult {
  /** Parameter ids, the column order of the particles. */
  readonly parameters: readonly string[];
  /** Every completed generation, the prior sample first. */
  readonly generations: readonly AbcGeneration[];
  /** The last completed generation: the ABC posterior at its tolerance. */
  readonly posterior: AbcGeneration;
  /** Why it stopped. */
  readonly stopReason: AbcStopReason;
  /** Simulations run in all (those of a dropped generation included). */
  readonly simulations: number;
}

/** The working scale of the kernel: log θ for 'log' parameters. */
function toWorking(problem: AbcProblem, theta: Float64Array, out: Float64Array, offset: number): void {
  problem.parameters.forEach((p, k) => (out[offset + k] = p.scale === 'log' ? log(theta[k]) : theta[k]));
}

/** log prior density on the working scale (with the Jacobian θ of the log transform). */
function logPriorWorking(problem: AbcProblem, theta: Float64Array): number {
  let sum = 0;
  problem.parameters.forEach((p, k) => {
    sum += p.prior.logDensity(theta[k]) + (p.scale === 'log' ? log(theta[k]) : 0);
  });
  return Number.isNaN(sum) ? Number.NEGATIVE_INFINITY : sum;
}

function checkProblem(problem: AbcProblem): void {
  if (problem.parameters.length === 0) rejectField('parameters', '[]', 'at least one parameter');
  problem.parameters.forEach((p, k) => {
    if (p.scale === 'log' && !(p.prior.support[0] >= 0)) {
      rejectField(`parameters[${k}].scale`, 'log', `'linear' for a prior whose support reaches ${p.prior.support[0]}`);
    }
  });
}

/** Raised inside a generation when the simulation budget runs out; the driver returns what it has. */
class BudgetSpent extends Error {}

/** Mutable state of one run: what is shared by the generations. */
interface RunState {
  readonly problem: AbcProblem;
  readonly options: ResolvedAbcOptions;
  readonly budget: ChunkBudget;
  simulations: number;
}

/** Simulates at θ on the stream (seed, g, i, attempt) and counts it against the budget. */
function simulate(state: RunState, theta: Float64Array, generation: number, slot: number, attempt: number): number {
  if (state.simulations >= state.options.maxSimulations) throw new BudgetSpent();
  state.simulations++;
  const distance = state.problem.distance(theta, createRng(state.options.seed, generation, slot, attempt));
  return Number.isNaN(distance) ? Number.POSITIVE_INFINITY : distance;
}

/**
 * Fills one generation, particle by particle. Slot i's proposals come from the stream (seed, g, i) alone, so a
 * generation's particles do not depend on the order (or worker) in which slots are filled.
 */
async function fillGeneration(
  state: RunState,
  index: number,
  epsilon: number,
  previous: AbcGeneration | undefined,
  working: Float64Array | undefined,
): Promise<AbcGeneration> {
  const { problem, options } = state;
  const n = options.particles;
  const d = problem.parameters.length;
  const particles = new Float64Array(n * d);
  const distances = new Float64Array(n);
  const logWeights = new Float64Array(n);
  const kernel =
    previous && working ? new PerturbationKernel(working, n, d, previous.weights, options.kernelScale) : undefined;
  const cumulative = previous ? cumulativeSums(previous.weights) : undefined;
  const theta = new Float64Array(d);
  const point = new Float64Array(d);
  const start = state.simulations;
  for (let slot = 0; slot < n; slot++) {
    const rng = createRng(options.seed, index, slot);
    for (let attempt = 0; ;) {
      if (kernel && cumulative) {
        kernel.perturb(indexOfCumulative(cumulative, rng.uniform()), rng, point);
        problem.parameters.forEach((p, k) => (theta[k] = p.scale === 'log' ? exp(point[k]) : point[k]));
      } else {
        problem.parameters.forEach((p, k) => (theta[k] = p.prior.sample(rng)));
      }
      const logPrior = logPriorWorking(problem, theta);
      if (logPrior === Number.NEGATIVE_INFINITY) continue;
      const distance = simulate(state, theta, index, slot, attempt++);
      if (!(distance <= epsilon)) continue;
      particles.set(theta, slot * d);
      distances[slot] = distance;
      if (kernel) {
        toWorking(problem, theta, point, 0);
        logWeights[slot] = logPrior - kernel.logMixtureDensity(point);
      }
      break;
    }
    options.onProgress?.({
      generation: index,
      epsilon,
      accepted: slot + 1,
      particles: n,
      simulations: state.simulations,
    });
    await checkpoint(state.budget, options.signal);
  }
  const weights = new Float64Array(n);
  normalizeLogWeights(logWeights, weights);
  const simulations = state.simulations - start;
  return {
    index,
    epsilon,
    particles,
    weights,
    distances,
    effectiveSampleSize: effectiveSampleSize(weights),
    simulations,
    acceptanceRate: n / simulations,
  };
}

/** The particles of a generation on the kernel's working scale. */
function workingPoints(problem: AbcProblem, generation: AbcGeneration): Float64Array {
  const d = problem.parameters.length;
  const n = generation.weights.length;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) toWorking(problem, generation.particles.subarray(i * d, (i + 1) * d), out, i * d);
  return out;
}

/** Why to stop after `generation`, or undefined to go on. */
function stopAfter(generation: AbcGeneration, options: ResolvedAbcOptions): AbcStopReason | undefined {
  if (generation.epsilon <= options.minEpsilon) return 'minEpsilon';
  if (generation.index + 1 >= options.maxGenerations) return 'maxGenerations';
  if (generation.index > 0 && generation.acceptanceRate < options.minAcceptanceRate) return 'minAcceptanceRate';
  return undefined;
}

/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-PMC: Toni et al. 2009, Beaumont et al. 2009)
 * with adaptive tolerances (Del Moral et al. 2012): generation 0 samples the prior; generation g ≥ 1 takes as its
 * tolerance ε_g the `quantile` (weighted) of generation g − 1's distances, proposes by resampling a particle of
 * generation g − 1 by weight and perturbing it with a normal kernel of twice its weighted covariance, keeps the
 * proposal when its simulation lands within ε_g, and weights it by prior / kernel mixture. It stops at
 * `minEpsilon`, `maxGenerations`, an acceptance rate under `minAcceptanceRate`, a tolerance that cannot shrink
 * (ties in the distances), or `maxSimulations` (the unfinished generation is dropped).
 *
 * Every draw comes from the engine's streams (seed, g, i) and (seed, g, i, attempt): the same problem and seed
 * give the same bits. Progress after every particle; an AbortSignal rejects at the next particle.
 */
export async function abcSmc(problem: AbcProblem, options: AbcSmcOptions): Promise<AbcSmcResult> {
  checkProblem(problem);
  const resolved = resolveAbcOptions(options);
  const state: RunState = {
    problem,
    options: resolved,
    budget: new ChunkBudget(resolved.chunkMilliseconds),
    simulations: 0,
  };
  const generations: AbcGeneration[] = [];
  const finish = (stopReason: AbcStopReason): AbcSmcResult => ({
    parameters: problem.parameters.map((p) => p.id),
    generations,
    posterior: generations[generations.length - 1],
    stopReason,
    simulations: state.simulations,
  });
  try {
    generations.push(await fillGeneration(state, 0, Number.POSITIVE_INFINITY, undefined, undefined));
    for (;;) {
      const previous = generations[generations.length - 1];
      const reason = stopAfter(previous, resolved);
      if (reason) return finish(reason);
      const next = Math.max(
        resolved.minEpsilon,
        weightedQuantile(previous.distances, previous.weights, resolved.quantile),
      );
      if (!(next < previous.epsilon)) return finish('epsilonStalled');
      const working = workingPoints(problem, previous);
      generations.push(await fillGeneration(state, previous.index + 1, next, previous, working));
    }
  } catch (error) {
    if (error instanceof BudgetSpent && generations.length > 0) return finish('maxSimulations');
    if (error instanceof BudgetSpent) {
      rejectField(
        'maxSimulations',
        resolved.maxSimulations,
        `enough for the prior sample of ${resolved.particles} particles`,
      );
    }
    throw error;
  }
}
