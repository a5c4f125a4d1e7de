import { rejectField, requireIntegerIn, requireUint32 } from '../design/designArgumentError.js';

/** Progress of ABC-SMC: where it is and how much it has simulated. */
export interface AbcProgress {
  /** The generation being filled (0: the prior sample). */
  readonly generation: number;
  /** Its tolerance (∞ for generation 0). */
  readonly epsilon: number;
  /** Particles accepted so far in this generation. */
  readonly accepted: number;
  /** Particles per generation. */
  readonly particles: number;
  /** Simulations run so far, all generations. */
  readonly simulations: number;
}

/** How ABC-SMC runs and when it stops. */
export interface AbcSmcOptions {
  /** Root seed: particle i of generation g draws from the streams (seed, g, i) and (seed, g, i, attempt). */
  readonly seed: number;
  /** Particles per generation (default 500). */
  readonly particles?: number;
  /** The next tolerance is this weighted quantile of the previous generation's distances (default 0.5). */
  readonly quantile?: number;
  /** Most generations, the prior sample (generation 0) included (default 20). */
  readonly maxGenerations?: number;
  /** Stop once the tolerance reaches this (default 0); tolerances never go below it. */
  readonly minEpsilon?: number;
  /** Stop after a generation that accepted fewer than this fraction of its simulations (default 0.01). */
  readonly minAcceptanceRate?: number;
  /** Most simulations in all; a generation that would need more is dropped and the previous one returned (default 10^6). */
  readonly maxSimulations?: number;
  /** The perturbation kernel's covariance is this multiple of the population's (default 2, Beaumont et al. 2009). */
  readonly kernelScale?: number;
  /** Cancels the run: it rejects with the signal's reason at the next particle. */
  readonly signal?: AbortSignal;
  /** Called after every accepted particle. */
  readonly onProgress?: (progress: AbcProgress) => void;
  /** Wall-clock budget before yielding to the event loop (default 16 ms). */
  readonly chunkMilliseconds?: number;
}

/** The options with every default filled in and checked. */
export type ResolvedAbcOptions = Required<Omit<AbcSmcOptions, 'signal' | 'onProgress' | 'chunkMilliseconds'>> &
  Pick<AbcSmcOptions, 'signal' | 'onProgress' | 'chunkMilliseconds'>;

/** Fills in the defaults and refuses a value out of range, naming the option, its value and what is allowed. */
export function resolveAbcOptions(options: AbcSmcOptions): ResolvedAbcOptions {
  const resolved = {
    particles: 500,
    quantile: 0.5,
    maxGenerations: 20,
    minEpsilon: 0,
    minAcceptanceRate: 0.01,
    maxSimulations: 1e6,
    kernelScale: 2,
    ...options,
  };
  requireUint32('seed', resolved.seed);
  requireIntegerIn('particles', resolved.particles, 2, 1e6);
  requireIntegerIn('maxGenerations', resolved.maxGenerations, 1, 1000);
  requireIntegerIn('maxSimulations', resolved.maxSimulations, 1, Number.MAX_SAFE_INTEGER);
  if (!(resolved.quantile > 0 && resolved.quantile < 1)) rejectField('quantile', resolved.quantile, 'in (0, 1)');
  if (!(resolved.minEpsilon >= 0)) rejectField('minEpsilon', resolved.minEpsilon, 'a number ≥ 0');
  if (!(resolved.minAcceptanceRate >= 0 && resolved.minAcceptanceRate < 1)) {
    rejectField('minAcceptanceRate', resolved.minAcceptanceRate, 'in [0, 1)');
  }
  if (!(resolved.kernelScale > 0 && Number.isFinite(resolved.kernelScale))) {
    rejectField('kernelScale', resolved.kernelScale, 'a finite number > 0');
  }
  return resolved;
}
