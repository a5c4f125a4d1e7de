/**
 * Compile-time checks of `defineModel` and the manifest builders: this file is compiled by
 * `tsc -p tsconfig.test.json` (part of `npm test`) and never run. Each `@ts-expect-error` marks a line that
 * must NOT compile (a misspelt parameter, observable, intervention kind or field, species); if such a line
 * started compiling, its `@ts-expect-error` would be unused and the build would fail.
 */
import {
  defineModel,
  efficacyField,
  intervention,
  networkBuilders,
  observable,
  parameter,
  species,
  speciesObservable,
  type InterventionHandlers,
  type ModelManifest,
  type ModelPlugin,
  type TypedSteppedContext,
} from '@immunotwin/engine';

const PARAMETERS = [
  parameter({
    id: 'beta',
    label: 'Infection rate',
    unit: '1/day',
    default: 1,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'd',
    source: 'illustrative',
  }),
  parameter({
    id: 'c',
    label: 'Clearance',
    unit: '1/day',
    default: 1,
    min: 0,
    max: 10,
    scale: 'linear',
    description: 'd',
    source: 'illustrative',
  }),
];
const SPECIES = [species({ id: 'V', label: 'Virus', unit: 'copies', initial: '10' })];
const { massAction, efficacyScaled, addition, depletion, scale, add } = networkBuilders({
  parameters: PARAMETERS,
  species: SPECIES,
});

massAction('clearance', { V: 1 }, {}, 'c');
// @ts-expect-error 'bta' is not a declared parameter
massAction('clearance', { V: 1 }, {}, 'bta');
// @ts-expect-error 'W' is not a declared species
massAction('clearance', { W: 1 }, {}, 'c');
efficacyScaled({
  kind: 'drug',
  label: 'Drug',
  description: 'd',
  parameter: 'beta',
  efficacy: { default: 1, description: 'd' },
});
efficacyScaled({
  kind: 'drug',
  label: 'Drug',
  description: 'd',
  // @ts-expect-error 'bta' is not a declared parameter
  parameter: 'bta',
  efficacy: { default: 1, description: 'd' },
});
depletion({
  kind: 'kill',
  label: 'K',
  description: 'd',
  hasStop: true,
  species: 'V',
  field: efficacyField({ default: 1, description: 'd' }),
  // @ts-expect-error 'bta' is not a declared parameter
  scales: ['bta'],
});
addition({
  kind: 'dose',
  label: 'Dose',
  description: 'd',
  // @ts-expect-error 'W' is not a declared species
  species: 'W',
  field: efficacyField({ default: 1, description: 'd' }),
});
// @ts-expect-error 'bta' is not a declared parameter
scale('bta', '2');
// @ts-expect-error 'W' is not a declared species
add('W', '1');

const manifest = {
  id: 'typed-example',
  title: 'Typed example',
  version: '0.1.0',
  description: 'd',
  timeUnit: 'day',
  methods: ['agent'],
  defaults: { duration: 1, outputInterval: 0.5 },
  parameters: PARAMETERS,
  observables: [observable({ id: 'virus', label: 'Virus', unit: 'copies' }), speciesObservable(SPECIES[0])],
  interventions: [
    intervention({
      kind: 'antiviral',
      label: 'Antiviral',
      description: 'd',
      hasStop: true,
      fields: [efficacyField({ default: 0.9, description: 'd' })],
    }),
  ],
  presets: [],
  assumptions: ['a'],
  references: [],
} satisfies ModelManifest;

class Example {
  readonly dt = 0.1;
  production = 1;
  constructor(readonly context: TypedSteppedContext<typeof manifest>) {
    void context.parameters.beta;
    // @ts-expect-error 'bta' is not a parameter of the manifest
    void context.parameters.bta;
    void context.observables.virus;
    // @ts-expect-error 'virs' is not an observable of the manifest
    void context.observables.virs;
  }
  step(): void {}
  observe(out: Float64Array): void {
    out[this.context.observables.virus] = 0;
    out[this.context.observables.V] = 0;
  }
  snapshot(): unknown {
    return {};
  }
  restore(): void {}
}

export const typed: ModelPlugin = defineModel({
  manifest,
  create: (context) => new Example(context),
  interventions: {
    antiviral: {
      start: (event, model) => {
        model.production = 1 - event.values.efficacy;
        // @ts-expect-error 'efficasy' is not a field of "antiviral"
        void event.values.efficasy;
        void model.context.parameters.c;
      },
      stop: (_event, model) => {
        model.production = 1;
      },
    },
  },
});

export const undeclaredKind: ModelPlugin = defineModel({
  manifest,
  create: (context) => new Example(context),
  interventions: {
    antiviral: { start: () => {}, stop: () => {} },
    // @ts-expect-error 'vaccination' is not an intervention kind of the manifest
    vaccination: { start: () => {} },
  },
});

export const missingKind: ModelPlugin = defineModel({
  manifest,
  create: (context: TypedSteppedContext<typeof manifest>) => new Example(context),
  // @ts-expect-error a handler for every declared kind is required ("antiviral" is missing)
  interventions: {},
});

/** Handlers written apart from defineModel, typed by the manifest and the model class. */
export const handlers: InterventionHandlers<typeof manifest, Example> = {
  antiviral: { start: () => {}, stop: () => {} },
  // @ts-expect-error 'antivral' is not an intervention kind of the manifest
  antivral: { start: () => {} },
};
