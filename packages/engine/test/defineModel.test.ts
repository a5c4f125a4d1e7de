import { describe, expect, it } from 'vitest';
import {
  createRng,
  defineModel,
  ModelRegistry,
  networkBuilders,
  observableIndex,
  parameter,
  simulateSync,
  species,
  speciesObservable,
  type ModelManifest,
  typedParameters,
  type SteppedModel,
} from '../src/index.js';
import { Counter, counterManifest, counterModel } from './fixtures/typedCounterModel.js';

const context = () => ({ parameters: { rate: 2 }, initial: {}, rng: createRng(1) });
const instance = (): SteppedModel => counterModel.createStepped!(context());

describe('observableIndex', () => {
  it('maps each observable id to its position in the manifest, once, in a frozen object', () => {
    const index = observableIndex(counterManifest);
    expect(index).toEqual({ count: 0, production: 1 });
    expect(Object.isFrozen(index)).toBe(true);
  });

  it('refuses an observable declared twice, naming it', () => {
    const twice = { ...counterManifest, observables: [...counterManifest.observables, counterManifest.observables[0]] };
    expect(() => observableIndex(twice)).toThrow('declares observable "count" twice');
  });
});

describe('defineModel: a stepped model', () => {
  it('returns a plain plugin the registry accepts, with the manifest as given', () => {
    expect(counterModel.manifest).toBe(counterManifest);
    expect(() => new ModelRegistry().register(counterModel)).not.toThrow();
  });

  it('hands create() the parameters and observable positions, and the runner its instance itself', () => {
    const model = instance();
    expect(model).toBeInstanceOf(Counter);
    const counter = model as unknown as Counter;
    expect(counter.context.parameters.rate).toBe(2);
    expect(counter.context.observables).toEqual({ count: 0, production: 1 });
    // apply() is added to the instance without showing up among its own enumerable properties.
    expect(Object.keys(counter)).not.toContain('apply');
  });

  it('delivers interventions to the handler of their kind, with their values, at start and stop', () => {
    const { runs } = simulateSync(counterModel, {
      model: 'typed-counter',
      interventions: [
        { kind: 'brake', start: 1, stop: 3, efficacy: 0.75 },
        { kind: 'bump', start: 2, amount: 5 },
      ],
    });
    // Growth 2/day, quartered from day 1 to 3, plus 5 at day 2: 0, 2, 2.5+5, 8, 10.
    expect([...runs[0].observables.count]).toEqual([0, 2, 7.5, 8, 10]);
    expect([...runs[0].observables.production]).toEqual([1, 0.25, 0.25, 1, 1]);
  });

  it('calls start and stop in schedule order with the scenario index of the event', () => {
    const model = instance();
    model.apply({ kind: 'brake', phase: 'start', values: { efficacy: 0.5 }, index: 3 });
    model.apply({ kind: 'bump', phase: 'start', values: { amount: 1 }, index: 4 });
    model.apply({ kind: 'brake', phase: 'stop', values: { efficacy: 0.5 }, index: 3 });
    expect((model as unknown as Counter).calls).toEqual(['brake start 0.5 #3', 'bump 1', 'brake stop #3']);
  });

  it('gives a clear error for an intervention kind the model does not declare', () => {
    expect(() => instance().apply({ kind: 'vaccinate', phase: 'start', values: {}, index: 0 })).toThrow(
      'model "typed-counter" has no intervention "vaccinate"; it handles: brake, bump',
    );
  });

  it('refuses to stop a one-off intervention', () => {
    expect(() => instance().apply({ kind: 'bump', phase: 'stop', values: { amount: 1 }, index: 0 })).toThrow(
      'is a one-off event',
    );
  });

  it('checks the handlers against the manifest when the model is defined', () => {
    const untyped: ModelManifest = counterManifest;
    const create = (c: never) => new Counter(c);
    const start = () => {};
    expect(() => defineModel({ manifest: untyped, create, interventions: { brake: { start, stop: start } } })).toThrow(
      'no handler for intervention "bump"',
    );
    expect(() =>
      defineModel({ manifest: untyped, create, interventions: { brake: { start }, bump: { start } } }),
    ).toThrow('intervention "brake" lasts until a stop, but its handler has no stop()');
    expect(() =>
      defineModel({
        manifest: untyped,
        create,
        interventions: { brake: { start, stop: start }, bump: { start }, boost: { start } },
      }),
    ).toThrow('a handler for "boost", which the manifest does not declare');
  });

  it('puts the handlers in front of an apply() the class keeps for direct use', () => {
    class WithOwnApply extends Counter {
      apply(): void {
        this.calls.push('class apply');
      }
    }
    const plugin = defineModel({
      manifest: counterManifest,
      create: (c) => new WithOwnApply(c),
      interventions: {
        brake: { start: (_e, m) => m.calls.push('handler'), stop: () => {} },
        bump: { start: () => {} },
      },
    });
    const model = plugin.createStepped!(context());
    model.apply({ kind: 'brake', phase: 'start', values: { efficacy: 0.5 }, index: 0 });
    expect((model as unknown as Counter).calls).toEqual(['handler']);
  });

  it('refuses an instance that cannot take an apply()', () => {
    const plugin = defineModel({
      manifest: counterManifest,
      create: (c) => Object.freeze(new Counter(c)),
      interventions: { brake: { start: () => {}, stop: () => {} }, bump: { start: () => {} } },
    });
    expect(() => plugin.createStepped!(context())).toThrow('not frozen');
  });

  it("types a plain context's parameters by the manifest, checking that each has a value", () => {
    expect(typedParameters(counterManifest, { rate: 3 }).rate).toBe(3);
    expect(() => typedParameters(counterManifest, {})).toThrow('model "typed-counter": no value for parameter rate');
  });
});

describe('defineModel and networkBuilders: a reaction-network model', () => {
  const PARAMETERS = [
    parameter({
      id: 'c',
      label: 'Clearance',
      unit: '1/day',
      default: 0.5,
      min: 0,
      max: 10,
      scale: 'linear',
      description: 'loss rate',
      source: 'test',
    }),
    parameter({
      id: 'V0',
      label: 'Initial',
      unit: 'copies',
      default: 1000,
      min: 0,
      max: 1e6,
      scale: 'linear',
      description: 'V at t = 0',
      source: 'test',
    }),
  ];
  const SPECIES = [species({ id: 'V', label: 'Virus', unit: 'copies', initial: 'V0' })];
  const build = networkBuilders({ parameters: PARAMETERS, species: SPECIES });

  it('builds records with the keys in manifest order and no undefined properties', () => {
    expect(JSON.stringify(build.massAction('clearance', { V: 1 }, {}, 'c', 'virus clearance'))).toBe(
      '{"id":"clearance","label":"virus clearance","reactants":{"V":1},"products":{},"law":"massAction","rate":"c"}',
    );
    expect(Object.keys(build.customRate('flux', {}, { V: 1 }, 'c * V0'))).toEqual([
      'id',
      'reactants',
      'products',
      'law',
      'rate',
    ]);
    const drug = build.efficacyScaled({
      kind: 'drug',
      label: 'Drug',
      description: 'slows clearance',
      parameter: 'c',
      efficacy: { default: 0.9, description: 'fraction blocked' },
    });
    expect(drug).toStrictEqual({
      kind: 'drug',
      label: 'Drug',
      description: 'slows clearance',
      hasStop: true,
      fields: [
        {
          id: 'efficacy',
          label: 'Efficacy ε',
          unit: '1',
          default: 0.9,
          min: 0,
          max: 1,
          description: 'fraction blocked',
        },
      ],
      effects: [{ type: 'scale', parameter: 'c', factor: '1 - efficacy' }],
    });
  });

  it('names an unknown parameter or species at run time (for callers without types)', () => {
    const loose = build as unknown as { massAction: (...a: unknown[]) => unknown; add: (...a: unknown[]) => unknown };
    expect(() => loose.massAction('r', { V: 1 }, {}, 'k')).toThrow('unknown rate parameter "k"; known: c, V0');
    expect(() => loose.massAction('r', { W: 1 }, {}, 'c')).toThrow('unknown species "W"; known: V');
    expect(() => loose.add('W', '1')).toThrow('unknown species "W"');
  });

  it('gives a plugin whose runs follow the built reactions and interventions', () => {
    const plugin = defineModel({
      manifest: {
        id: 'built-decay',
        title: 'Decay from builders',
        version: '0.0.1',
        description: 'V decays at c.',
        timeUnit: 'day',
        methods: ['ode'],
        defaults: { duration: 2, outputInterval: 1 },
        parameters: PARAMETERS,
        network: { species: SPECIES, reactions: [build.massAction('clearance', { V: 1 }, {}, 'c')] },
        observables: [speciesObservable(SPECIES[0])],
        interventions: [
          build.depletion({
            kind: 'halve',
            label: 'Halve',
            description: 'removes half, stops clearance',
            hasStop: true,
            species: 'V',
            field: { id: 'share', label: 'Share', unit: '1', default: 0.5, min: 0, max: 1, description: 'removed' },
            scales: ['c'],
          }),
        ],
        presets: [],
        assumptions: ['test'],
        references: [],
      },
    });
    expect(plugin.createStepped).toBeUndefined();
    expect(() => new ModelRegistry().register(plugin)).not.toThrow();
    const run = simulateSync(plugin, {
      model: 'built-decay',
      interventions: [{ kind: 'halve', start: 1, stop: 2, share: 0.5 }],
      solver: { rtol: 1e-10, atol: 1e-12 },
    }).runs[0];
    // 1000·e^(−0.5) by day 1, where half is removed (before the day-1 sample) and clearance halves until day 2.
    const halved = 500 * Math.exp(-0.5);
    expect(run.observables.V[1]).toBeCloseTo(halved, 5);
    expect(run.observables.V[2]).toBeCloseTo(halved * Math.exp(-0.25), 5);
  });
});
