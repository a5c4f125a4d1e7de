import { describe, expect, it } from 'vitest';
import {
  compileNetworkObservations,
  createRng,
  networkStateSpace,
  noiseLogCdf,
  noiseObservationLikelihood,
  particleFilter,
  type Observation,
} from '@immunotwin/engine';
import { immigrationDeathScenario } from './immigrationDeath.js';

describe('an observation model document drives the filters', () => {
  const scenario = immigrationDeathScenario({ method: 'ssa' });

  it('gives the same particle filter, bit for bit, as the same observable and noise written by hand', async () => {
    const byHand = networkStateSpace(scenario, { measured: [{ observable: 'V' }] });
    const compiled = compileNetworkObservations(scenario, {
      observations: [{ observable: 'V', noise: { kind: 'gaussian', sigma: 3 } }],
    });
    const fromDocument = networkStateSpace(scenario, { measured: compiled.measured });
    const rng = createRng(5);
    const observations: Observation[] = Array.from({ length: 8 }, (_, k) => ({
      time: k + 1,
      values: [30 + 10 * rng.uniform()],
    }));
    const options = { seed: 3, particles: 300 };
    const a = await particleFilter(byHand, observations, {
      ...options,
      logLikelihood: noiseObservationLikelihood([{ kind: 'gaussian', noise: { sigma: 3, df: NaN, dispersion: NaN } }]),
    });
    const b = await particleFilter(fromDocument, observations, { ...options, logLikelihood: compiled.logLikelihood });
    expect(b.logLikelihood).toBe(a.logLikelihood);
    expect(fromDocument.measured).toEqual(['V']);
  });

  it('predicts an expression and censors at the detection limit', () => {
    const compiled = compileNetworkObservations(
      scenario,
      { observations: [{ observable: 'titre', expression: 'log10(V / 2)', noise: { kind: 'gaussian', sigma: 0.5 } }] },
      { titre: 1 },
    );
    const model = networkStateSpace(scenario, { measured: compiled.measured });
    const out = new Float64Array(1);
    model.predict(Float64Array.of(400), 0, out);
    expect(out[0]).toBeCloseTo(Math.log10(200), 14);
    const noise = { sigma: 0.5, df: NaN, dispersion: NaN };
    expect(compiled.logLikelihood(out, [0.5])).toBe(noiseLogCdf('gaussian', 1, out[0], noise));
    expect(() =>
      compileNetworkObservations(
        scenario,
        { observations: [{ observable: 'V', noise: { kind: 'gaussian', sigma: 1 } }] },
        { W: 1 },
      ),
    ).toThrow('detectionLimits.W must be a limit of a measured quantity (V); got 1');
  });
});
