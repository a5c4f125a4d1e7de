import {
  defineModel,
  intervention,
  interventionField,
  observable,
  parameter,
  type ModelManifest,
  type Rng,
  type TypedSteppedContext,
} from '@immunotwin/engine';

/**
 * A stepped (agent-style) twin with a known transition law: N cells, each dying at rate c (a drug multiplies the
 * rate by `factor` while it lasts). Over a day the survivors are Binomial(N, e^{−c·days}) whatever the steps, so a
 * particle filter over it can be checked against the exact forward algorithm. Values are illustrative.
 */
const manifest = {
  id: 'stepped-death',
  title: 'Dying cells',
  version: '0.1.0',
  description: 'Cells dying at a constant rate, stepped.',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 30, outputInterval: 1 },
  parameters: [
    parameter({
      id: 'c',
      label: 'Death rate',
      unit: '1/day',
      default: 0.15,
      min: 0,
      max: 10,
      scale: 'linear',
      description: 'Per-cell death rate.',
      source: 'illustrative',
    }),
    parameter({
      id: 'N0',
      label: 'Initial cells',
      unit: 'cells',
      default: 200,
      min: 0,
      max: 1e6,
      scale: 'linear',
      integer: true,
      description: 'Cells at t = 0.',
      source: 'illustrative',
    }),
  ],
  observables: [observable({ id: 'N', label: 'Cells', unit: 'cells' })],
  interventions: [
    intervention({
      kind: 'drug',
      label: 'Cytotoxic drug',
      description: 'Multiplies the death rate while it lasts.',
      hasStop: true,
      fields: [
        interventionField({
          id: 'factor',
          label: 'Factor',
          unit: '1',
          default: 3,
          min: 1,
          max: 100,
          description: 'Death-rate multiplier.',
        }),
      ],
    }),
  ],
  presets: [],
  assumptions: ['Independent deaths.'],
  references: [],
} satisfies ModelManifest;

class SteppedDeath {
  readonly dt = 0.25;
  N: number;
  factor = 1;
  private readonly rng: Rng;
  constructor(private readonly context: TypedSteppedContext<typeof manifest>) {
    this.N = context.parameters.N0;
    this.rng = context.rng;
  }
  step(h: number): void {
    this.N -= this.rng.binomial(this.N, 1 - Math.exp(-this.context.parameters.c * this.factor * h));
  }
  observe(out: Float64Array): void {
    out[this.context.observables.N] = this.N;
  }
  snapshot(): unknown {
    return { N: this.N, factor: this.factor, rng: this.rng.getState() };
  }
  restore(state: unknown): void {
    const s = state as { N: number; factor: number; rng: Uint32Array };
    this.N = s.N;
    this.factor = s.factor;
    this.rng.setState(s.rng);
  }
}

/** The model plugin. */
export const steppedDeath = defineModel({
  manifest,
  create: (context) => new SteppedDeath(context),
  interventions: {
    drug: {
      start: (event, model) => void (model.factor = event.values.factor),
      stop: (_event, model) => void (model.factor = 1),
    },
  },
});
