/** Parameters of the target-cell-limited model that its closed-form results depend on. */
export interface TargetCellLimitedRates {
  /** Infection rate constant β. */
  beta: number;
  /** Virus production per infected cell p. */
  p: number;
  /** Virus clearance c. */
  c: number;
  /** Infected-cell death δ. */
  delta: number;
  /** Target cells available (U0, or λ/d_U with replenishment). */
  U0: number;
  /** 1 if an infecting virion is removed from free virus, else 0. */
  entryLoss?: number;
}

/**
 * Basic reproductive number R0 = β·p·U0 / (c·δ) (Nowak & May 2000); with virion loss on entry the
 * virion's own removal competes with clearance: R0 = β·p·U0 / (δ·(c + β·U0)).
 */
export function basicReproductionNumber(r: TargetCellLimitedRates): number {
  const loss = r.entryLoss ? r.beta * r.U0 : 0;
  return (r.beta * r.p * r.U0) / (r.delta * (r.c + loss));
}
