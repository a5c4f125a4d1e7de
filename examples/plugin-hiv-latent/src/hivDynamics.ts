/** Position of the target CD4 T cells (cells/mL) in the state vector. */
export const T = 0;
/** Position of the productively infected cells (cells/mL). */
export const I = 1;
/** Position of the latently infected cells (cells/mL). */
export const L = 2;
/** Position of the free virus (copies/mL). */
export const V = 3;
/** Number of state variables. */
export const STATE_SIZE = 4;

/** The rate constants of the model (the manifest's parameters, by id). */
export interface HivParameters {
  /** Target-cell production (cells/(mL·day)). */
  readonly lambda: number;
  /** Target-cell death rate (1/day). */
  readonly dT: number;
  /** Infectivity (mL/(virion·day)). */
  readonly k: number;
  /** Fraction of infections that become latent (1). */
  readonly f: number;
  /** Productively infected cell death rate (1/day). */
  readonly delta: number;
  /** Activation rate of latently infected cells (1/day). */
  readonly a: number;
  /** Death rate of latently infected cells (1/day). */
  readonly dL: number;
  /** Virions produced per productively infected cell over its life (virions/cell). */
  readonly N: number;
  /** Free-virus clearance rate (1/day). */
  readonly c: number;
}

/**
 * The right-hand side of the model for a drug efficacy ε (0 none, 1 a complete block of new infections):
 *
 *   dT/dt = λ − d_T·T − (1−ε)·k·V·T
 *   dI/dt = (1−f)·(1−ε)·k·V·T + a·L − δ·I
 *   dL/dt = f·(1−ε)·k·V·T − (a + d_L)·L
 *   dV/dt = N·δ·I − c·V
 */
export function hivDerivatives(
  p: HivParameters,
  efficacy: () => number,
): (y: Float64Array, dydt: Float64Array) => void {
  return (y, dydt) => {
    const infection = (1 - efficacy()) * p.k * y[V] * y[T];
    dydt[T] = p.lambda - p.dT * y[T] - infection;
    dydt[I] = (1 - p.f) * infection + p.a * y[L] - p.delta * y[I];
    dydt[L] = p.f * infection - (p.a + p.dL) * y[L];
    dydt[V] = p.N * p.delta * y[I] - p.c * y[V];
  };
}

/**
 * The untreated set point (ε = 0), in closed form. Infections balance when the target cells are at
 * T_eq = c / (N·k·q), where q = (1−f) + f·a/(a + d_L) is the share of infections that end as virus-producing
 * cells; then the infection rate is k·V·T = λ − d_T·T_eq, L_eq = f·(λ − d_T·T_eq) / (a + d_L), I_eq follows
 * from dI/dt = 0, and V_eq = N·δ·I_eq / c. When T_eq ≥ λ/d_T the virus cannot persist (R0 ≤ 1) and the set
 * point is infection-free.
 */
export function untreatedSetPoint(p: HivParameters): Float64Array {
  const y = new Float64Array(STATE_SIZE);
  const q = 1 - p.f + (p.f * p.a) / (p.a + p.dL);
  const targets = p.c / (p.N * p.k * q);
  if (targets >= p.lambda / p.dT) {
    y[T] = p.lambda / p.dT;
    return y;
  }
  const infection = p.lambda - p.dT * targets;
  y[T] = targets;
  y[L] = (p.f * infection) / (p.a + p.dL);
  y[I] = ((1 - p.f) * infection + p.a * y[L]) / p.delta;
  y[V] = (p.N * p.delta * y[I]) / p.c;
  return y;
}
