import {
  defineModel,
  networkBuilders,
  parameter,
  resolveScenario,
  species,
  speciesObservable,
  type ResolvedScenario,
} from '@immunotwin/engine';

/**
 * The immigration–death process: virions produced at a constant rate p and cleared at c per virion, with an
 * antiviral multiplying p by 1 − efficacy. Its transition law is known exactly (survivors Binomial(v, e^{−cΔ}) plus
 * new virions Poisson(p/c·(1 − e^{−cΔ}))), so a filter over its SSA can be checked against the exact forward
 * algorithm. Parameter values are illustrative.
 */
const PARAMETERS = [
  parameter({
    id: 'p',
    label: 'Production',
    unit: 'virions/day',
    default: 20,
    min: 0,
    max: 1e4,
    scale: 'linear',
    description: 'Constant production of virions.',
    source: 'illustrative',
  }),
  parameter({
    id: 'c',
    label: 'Clearance',
    unit: '1/day',
    default: 0.5,
    min: 1e-3,
    max: 100,
    scale: 'log',
    description: 'Clearance rate per virion.',
    source: 'illustrative',
  }),
  parameter({
    id: 'V0',
    label: 'Initial virions',
    unit: 'virions',
    default: 10,
    min: 0,
    max: 1e6,
    scale: 'linear',
    description: 'Virions at t = 0.',
    source: 'illustrative',
  }),
];
const SPECIES = [species({ id: 'V', label: 'Virions', unit: 'virions', initial: 'V0' })];
const { massAction, efficacyScaled } = networkBuilders({ parameters: PARAMETERS, species: SPECIES });

/** The model plugin (ssa, tau-leaping and ode). */
export const immigrationDeath = defineModel({
  manifest: {
    id: 'immigration-death',
    title: 'Immigration–death virions',
    version: '0.1.0',
    description: 'Virions produced at rate p and cleared at rate c each.',
    timeUnit: 'day',
    methods: ['ssa', 'tau-leaping', 'ode'],
    defaults: { duration: 30, outputInterval: 1 },
    parameters: PARAMETERS,
    network: {
      species: SPECIES,
      reactions: [
        massAction('production', {}, { V: 1 }, 'p', 'virion production'),
        massAction('clearance', { V: 1 }, {}, 'c', 'virion clearance'),
      ],
    },
    observables: [speciesObservable(SPECIES[0])],
    interventions: [
      efficacyScaled({
        kind: 'antiviral',
        label: 'Antiviral',
        description: 'Blocks a fraction of production while it lasts.',
        parameter: 'p',
        efficacy: { default: 0.9, description: 'Fraction of production blocked.' },
      }),
    ],
    presets: [],
    assumptions: ['Constant production; independent clearance.'],
    references: [],
  },
});

/** The model's scenario with the given overrides. */
export function immigrationDeathScenario(overrides: Readonly<Record<string, unknown>> = {}): ResolvedScenario {
  return resolveScenario(immigrationDeath, { model: 'immigration-death', duration: 30, ...overrides });
}

function logFactorialSum(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}

/**
 * The exact one-step transition matrix over counts 0 … K − 1 (row v → column w) for production p, clearance c and
 * a step of length dt: Σ_j Binomial(j; v, e^{−c·dt}) · Poisson(w − j; p/c·(1 − e^{−c·dt})).
 */
export function transitionMatrix(p: number, c: number, dt: number, K: number): Float64Array {
  const survive = Math.exp(-c * dt);
  const lambda = (p / c) * (1 - survive);
  const logFact = Array.from({ length: K + 1 }, (_, n) => logFactorialSum(n));
  const poisson = Array.from({ length: K }, (_, k) => Math.exp(k * Math.log(lambda) - lambda - logFact[k]));
  const matrix = new Float64Array(K * K);
  for (let v = 0; v < K; v++) {
    for (let j = 0; j <= v; j++) {
      const binomial = Math.exp(
        logFact[v] - logFact[j] - logFact[v - j] + j * Math.log(survive) + (v - j) * Math.log1p(-survive),
      );
      for (let w = j; w < K; w++) matrix[v * K + w] += binomial * poisson[w - j];
    }
  }
  return matrix;
}
