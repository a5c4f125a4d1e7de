import {
  createRng,
  noiseObservationLikelihood,
  type LinearGaussianModel,
  type Observation,
  type Rng,
  type StateSpaceModel,
} from '@immunotwin/engine';

/**
 * A two-component linear-Gaussian twin (a level pulled by a decaying trend) observed through its level with
 * Gaussian noise: the model on which the Kalman filter is exact, as matrices and as a StateSpaceModel.
 */
export const LINEAR: LinearGaussianModel = {
  transition: Float64Array.from([0.95, 0.3, 0, 0.8]),
  processCovariance: Float64Array.from([0.1, 0, 0, 0.05]),
  observation: Float64Array.from([1, 0]),
  observationCovariance: Float64Array.from([0.5]),
  initialMean: Float64Array.from([0, 1]),
  initialCovariance: Float64Array.from([1, 0, 0, 0.5]),
};

const F = LINEAR.transition;
const sdQ = [Math.sqrt(LINEAR.processCovariance[0]), Math.sqrt(LINEAR.processCovariance[3])];
const sdR = Math.sqrt(LINEAR.observationCovariance[0]);

/** One transition x ← F x + w (plus `shift` on the level: a "treatment" lowering it), in place. */
function transition(x: Float64Array, rng: Rng, shift: number): void {
  const a = F[0] * x[0] + F[1] * x[1] + sdQ[0] * rng.normal() + shift;
  const b = F[2] * x[0] + F[3] * x[1] + sdQ[1] * rng.normal();
  x[0] = a;
  x[1] = b;
}

/** The twin as a StateSpaceModel: one transition per unit of time; `shift` is added to the level at every one. */
export function linearTwin(shift = 0): StateSpaceModel {
  return {
    labels: ['level', 'trend'],
    measured: ['level'],
    startTime: 0,
    initialize(state, rng) {
      state[0] = LINEAR.initialMean[0] + Math.sqrt(LINEAR.initialCovariance[0]) * rng.normal();
      state[1] = LINEAR.initialMean[1] + Math.sqrt(LINEAR.initialCovariance[3]) * rng.normal();
    },
    propagate(state, from, to, rng) {
      for (let t = from; t < to - 1e-9; t++) transition(state, rng, shift);
    },
    predict(state, _time, out) {
      out[0] = state[0];
    },
  };
}

/** The twin's observation model: Gaussian noise of sd √R on the level, from `observation/`. */
export const gaussianLogLikelihood = noiseObservationLikelihood([
  { kind: 'gaussian', noise: { sigma: sdR, df: Number.NaN, dispersion: Number.NaN } },
]);

/** A synthetic course: the latent states at t = 1 … steps and noisy observations of the level. */
export function syntheticCourse(seed: number, steps: number): { latent: Float64Array[]; observations: Observation[] } {
  const rng = createRng(seed);
  const x = Float64Array.from([
    LINEAR.initialMean[0] + Math.sqrt(LINEAR.initialCovariance[0]) * rng.normal(),
    LINEAR.initialMean[1] + Math.sqrt(LINEAR.initialCovariance[3]) * rng.normal(),
  ]);
  const latent: Float64Array[] = [];
  const observations: Observation[] = [];
  for (let t = 1; t <= steps; t++) {
    transition(x, rng, 0);
    latent.push(x.slice());
    observations.push({ time: t, values: [x[0] + sdR * rng.normal()] });
  }
  return { latent, observations };
}
