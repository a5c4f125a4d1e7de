/**
 * Early extinction of the target-cell-limited virus model against branching-process theory. While few
 * cells are infected, U ≈ U0 and each virion independently infects (prob βU0/(c + βU0)) or is cleared;
 * each infected cell produces virions at rate p until it dies at rate δ. The extinction probabilities
 * are the smallest solution of
 *   q_V = (c + βU0 q_I) / (c + βU0),   q_I = (δ + p q_I q_V) / (δ + p),
 * and n independent initial virions all die out with probability q_V^n. Statistical bound: 5 binomial
 * standard errors √(q(1 − q)/n) on the observed extinction fraction.
 */
import { describe, expect, it } from 'vitest';
import { DirectMethodSsa, TauLeaping, type StochasticSimulator } from '../src/stochastic/index.js';
import { I, U, V, virusSystem, type VirusParameters } from './stochasticSystems.js';
import { createRng } from '../src/rng/index.js';

const U0 = 1e5;
// R0 = β p U0 / (δ (c + β U0)) = 10 / 4 = 2.5.
const params: VirusParameters = { beta: 1e-5, delta: 1, p: 10, c: 3 };
/** Take-off is declared when I or V exceeds this (extinction from there has probability ≲ q_V^200). */
const THRESHOLD = 200;
const REPLICATES = 6000;
const Z = 5;

/** Smallest fixed point of the branching-process equations, by iteration from q = 0 (monotone). */
function extinctionProbabilities({ beta, delta, p, c }: VirusParameters): { qV: number; qI: number } {
  const infect = beta * U0;
  let qV = 0;
  let qI = 0;
  for (let n = 0; n < 100000; n++) {
    const nextV = (c + infect * qI) / (c + infect);
    const nextI = (delta + p * qI * qV) / (delta + p);
    if (Math.abs(nextV - qV) + Math.abs(nextI - qI) < 1e-15) break;
    qV = nextV;
    qI = nextI;
  }
  return { qV, qI };
}

/** Fraction of replicates from V(0) = v0 that die out (I = V = 0) before I or V passes THRESHOLD. */
function extinctionFraction(sim: StochasticSimulator, v0: number): number {
  const x = new Float64Array(3);
  let extinct = 0;
  for (let r = 0; r < REPLICATES; r++) {
    x[U] = U0;
    x[I] = 0;
    x[V] = v0;
    let t = 0;
    for (;;) {
      if (x[I] === 0 && x[V] === 0) {
        extinct++;
        break;
      }
      if (x[I] > THRESHOLD || x[V] > THRESHOLD) break;
      t = sim.advance(x, t, t + 0.25);
    }
  }
  return extinct / REPLICATES;
}

describe('virus model: extinction probability from a small inoculum', () => {
  const { qV, qI } = extinctionProbabilities(params);

  it('the branching-process fixed point is the theoretical one', () => {
    // Eliminating q_V gives (q_I − 1)(10 q_I − 4) = 0 for these parameters: q_I = 0.4, q_V = 0.85.
    expect(qI).toBeCloseTo(0.4, 10);
    expect(qV).toBeCloseTo(0.85, 10);
  });

  for (const [name, make] of [
    ['direct method', (seed: number) => new DirectMethodSsa(virusSystem(params), createRng(seed))],
    ['tau-leaping', (seed: number) => new TauLeaping(virusSystem(params), createRng(seed))],
  ] as const) {
    for (const v0 of [1, 3]) {
      it(`${name}: P(extinction | V0 = ${v0}) = q_V^${v0}`, () => {
        const q = qV ** v0;
        const observed = extinctionFraction(make(40 + v0), v0);
        expect(Math.abs(observed - q)).toBeLessThanOrEqual(Z * Math.sqrt((q * (1 - q)) / REPLICATES));
      });
    }
  }
});
