import { portableMath } from '@immunotwin/engine';

/** Parameters of the bacteria–macrophage subsystem that its closed-form results depend on. */
export interface MacrophageControlRates {
  /** Bacterial growth rate r (per hour). */
  r: number;
  /** Carrying capacity K (CFU). */
  K: number;
  /** Phagocytosis rate constant γ_M (per macrophage per hour). */
  gammaM: number;
  /** Saturation constant n of phagocytosis (CFU/√cells). */
  nM: number;
  /** Macrophages M (cells). */
  M: number;
}

/**
 * Per-bacterium killing rate by macrophages at bacterial load P: γ_M·M·n²M/(P² + n²M) (Smith et al.
 * 2011's saturating phagocytosis). At P → 0 it is γ_M·M.
 */
export function macrophageKillRate(rates: MacrophageControlRates, P: number): number {
  const h2 = rates.nM * rates.nM * rates.M;
  return h2 + P * P > 0 ? (rates.gammaM * rates.M * h2) / (h2 + P * P) : 0;
}

/**
 * The bacterial load above which resident macrophages alone cannot clear an inoculum: the smallest
 * positive root of r·(1 − P/K) = γ_M·M·n²M/(P² + n²M), an unstable equilibrium of the macrophage-only
 * model. Below it the per-capita kill exceeds growth and bacteria decline; above it they grow (towards a
 * stable state just below K). Returns 0 when macrophages cannot control even a single bacterium
 * (γ_M·M ≤ r) and Infinity when they control every load below K. For P ≪ K it is
 * ≈ n·√M·√(γ_M·M/r − 1).
 */
export function macrophageThreshold(rates: MacrophageControlRates): number {
  const net = (P: number): number => rates.r * (1 - P / rates.K) - macrophageKillRate(rates, P);
  if (net(0) >= 0) return 0;
  // Bracket the first sign change on a logarithmic grid, then bisect.
  let lo = 0;
  let hi = NaN;
  for (let P = 1e-6 * rates.K; P < rates.K; P *= 1.1) {
    if (net(P) >= 0) {
      hi = P;
      break;
    }
    lo = P;
  }
  if (Number.isNaN(hi)) return Infinity;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (net(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Probability that the progeny of one bacterium dies out by time t in a linear birth–death process with
 * birth rate λ and death rate μ (Kendall 1948; e.g. Allen, An Introduction to Stochastic Processes with
 * Applications to Biology):  q(t) = μ(e^{(λ−μ)t} − 1)/(λe^{(λ−μ)t} − μ), and λt/(1 + λt) when λ = μ.
 * As t → ∞ it tends to min(1, μ/λ). n independent bacteria all die out with probability q(t)^n.
 */
export function birthDeathExtinctionProbability(lambda: number, mu: number, t = Infinity): number {
  if (!(lambda >= 0 && mu >= 0)) throw new RangeError(`rates must be ≥ 0; got birth ${lambda}, death ${mu}`);
  if (t === Infinity) return lambda === 0 ? 1 : Math.min(1, mu / lambda);
  if (lambda === mu) return (lambda * t) / (1 + lambda * t);
  const g = portableMath.exp((lambda - mu) * t);
  return (mu * (g - 1)) / (lambda * g - mu);
}
