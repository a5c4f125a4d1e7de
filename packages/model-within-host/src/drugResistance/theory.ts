import { portableMath } from '@immunotwin/engine';

/** The rates a resistant lineage's establishment depends on (one strain of the target-cell-limited model). */
export interface LineageRates {
  /** Infection rate constant β. */
  beta: number;
  /** Virions produced per infected cell per day (the strain's own, after fitness cost and drug). */
  p: number;
  /** Virus clearance c. */
  c: number;
  /** Infected-cell death δ. */
  delta: number;
  /** Target cells available to the lineage. */
  U: number;
}

/**
 * The probability that a lineage started by one newly infected cell dies out, in the branching-process limit of
 * the target-cell-limited model (virion kept on entry, eclipse cells do not die): a producing cell releases a
 * geometric number of virions (mean m = p/δ), each virion infects a geometric number of cells (mean βU/c) before it
 * is cleared. The extinction probability of a virion's lineage is q_V = (1 + m)/(R + m) with R = βpU/(cδ) (Pearson,
 * Krapivsky & Perelson 2011), and a cell's lineage dies out when each of its virions' does: q_I = 1/(1 + m(1 − q_V)).
 * Both are 1 when R ≤ 1.
 */
export function cellLineageExtinction(r: LineageRates): number {
  const m = r.p / r.delta;
  const reproduction = (r.beta * r.p * r.U) / (r.c * r.delta);
  if (reproduction <= 1) return 1;
  const virion = (1 + m) / (reproduction + m);
  return 1 / (1 + m * (1 - virion));
}

/** What the probability that resistance emerges from a treated inoculum depends on. */
export interface EmergenceRates {
  /** Infection rate constant β (both strains). */
  beta: number;
  /** Virus clearance c (both strains). */
  c: number;
  /** Infected-cell death δ (both strains). */
  delta: number;
  /** Target cells (taken as constant: the inoculum's lineage must use few of them). */
  U: number;
  /** Sensitive-virus production per cell per day under the drug, (1 − ε)·p. */
  pSensitive: number;
  /** Resistant-virus production per cell per day under the drug, (1 − ε_R)·(1 − f)·p_R. */
  pResistant: number;
  /** Probability that an infection by sensitive virus founds a resistant cell. */
  mu: number;
  /** Sensitive virions in the inoculum. */
  virions: number;
}

/**
 * The probability that `virions` sensitive virions, in a host treated from the start so that the sensitive strain
 * cannot grow (R < 1), give rise to a resistant lineage that does not die out — the branching-process estimate
 * with target cells constant. Per infection event, a sensitive virion's lineage stays free of an established
 * resistant lineage with probability y = μ·q_I + (1 − μ)·z, where q_I is a resistant cell's extinction probability
 * ({@link cellLineageExtinction}) and z = 1/(1 + m_s(1 − x)) that of a sensitive cell (geometric burst, mean
 * m_s = p_s/δ); a virion infects a geometric number of cells (mean a = βU/c), so x = 1/(1 + a(1 − y)). The smallest
 * root x in [0, 1] is found by iterating from 0, and the answer is 1 − x^virions.
 */
export function emergenceProbability(r: EmergenceRates): number {
  const qI = cellLineageExtinction({ beta: r.beta, p: r.pResistant, c: r.c, delta: r.delta, U: r.U });
  const a = (r.beta * r.U) / r.c;
  const m = r.pSensitive / r.delta;
  let x = 0;
  for (let i = 0; i < 100000; i++) {
    const z = 1 / (1 + m * (1 - x));
    const y = r.mu * qI + (1 - r.mu) * z;
    const next = 1 / (1 + a * (1 - y));
    if (Math.abs(next - x) < 1e-15) {
      x = next;
      break;
    }
    x = next;
  }
  return 1 - portableMath.pow(x, r.virions);
}
