import { describe, expect, it } from 'vitest';
import {
  defineModel,
  ModelRegistry,
  ReplicateRun,
  resolveScenario,
  runScenarioSync,
  scenarioToJson,
  simulateSync,
} from '../src/index.js';
import { sinkManifest, toySink, toySource } from './fixtures/coupledToyModels.js';

const registry = new ModelRegistry();
registry.register(toySink);
registry.register(toySource);

/** The sink run with the source as partner "src": sink.u = 3 × src.level, exchanged every half day. */
const coupled = (extra: Record<string, unknown> = {}, coupling: Record<string, unknown> = {}) => ({
  model: 'toy-sink',
  duration: 4,
  outputInterval: 0.25,
  seed: 7,
  coupling: {
    interval: 0.5,
    partners: { src: { model: 'toy-source' } },
    links: [{ from: 'src.level', to: 'toy-sink.u', scale: 3 }],
    ...coupling,
  },
  ...extra,
});

const bits = (values: Float64Array): string => Buffer.from(values.buffer).toString('hex');

describe('a coupled run', () => {
  it('sets each input at every exchange to scale × the observable then, and holds it until the next', () => {
    const run = runScenarioSync(registry.resolve(coupled())).runs[0];
    // src.level = 2·t, so from an exchange at T the sink holds 6·T: 0 on [0, 0.5), 3 on [0.5, 1), …
    const held = [...run.observables.held];
    run.time.forEach((t, k) => expect(held[k]).toBe(6 * Math.floor(t / 0.5) * 0.5));
    // Its integral over [0, n/2] is Σ 6·(k/2)·(1/2) for k < n = 1.5·n(n − 1)/2: 1.5 at day 1, 9 at day 2, 42 at day 4.
    const total = (day: number): number => run.observables.total[run.time.indexOf(day)];
    expect(total(1)).toBeCloseTo(1.5, 12);
    expect(total(2)).toBeCloseTo(9, 12);
    expect(total(4)).toBeCloseTo(42, 12);
  });

  it('adds the links into one input', () => {
    const links = [
      { from: 'src.level', to: 'toy-sink.u', scale: 3 },
      { from: 'src.level', to: 'toy-sink.u', scale: 1 },
    ];
    const run = runScenarioSync(registry.resolve(coupled({}, { links }))).runs[0];
    expect(run.observables.held[run.time.indexOf(1.5)]).toBe(4 * 2 * 1.5);
  });

  it('keeps the scenario model’s own random stream, gives the partner another, and repeats bit for bit', () => {
    const alone = simulateSync(toySink, { model: 'toy-sink', duration: 4, outputInterval: 0.25, seed: 7 }).runs[0];
    const first = runScenarioSync(registry.resolve(coupled())).runs[0];
    const again = runScenarioSync(registry.resolve(coupled())).runs[0];
    const other = runScenarioSync(registry.resolve(coupled({ seed: 8 }))).runs[0];
    expect(bits(first.observables.noise)).toBe(bits(alone.observables.noise));
    for (const id of ['held', 'total', 'noise']) expect(bits(again.observables[id])).toBe(bits(first.observables[id]));
    expect(bits(other.observables.noise)).not.toBe(bits(first.observables.noise));
  });

  it('continues bit-identically from a snapshot taken between exchanges (after a structured clone)', () => {
    const scenario = registry.resolve(coupled({ outputInterval: 0.2 }));
    const whole = new ReplicateRun(scenario, 0).runToEnd();
    const first = new ReplicateRun(scenario, 0);
    for (let i = 0; i < 8; i++) first.step(); // day 1.4: between the exchanges at 1 and 1.5
    const resumed = ReplicateRun.restore(scenario, structuredClone(first.snapshot())).runToEnd();
    for (const id of ['held', 'total', 'noise'])
      expect(bits(resumed.observables[id])).toBe(bits(whole.observables[id]));
  });

  it('writes the coupling back into the re-runnable scenario document', () => {
    const document = coupled();
    expect(scenarioToJson(registry.resolve(document)).coupling).toEqual(document.coupling);
  });
});

describe('a coupled scenario with a mistake', () => {
  const problem = (document: unknown): string => {
    try {
      registry.resolve(document);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('resolved without a problem');
  };

  it('needs a registry to find the partners', () => {
    expect(() => resolveScenario(toySink, coupled())).toThrow(
      'coupling: a coupled scenario needs the partner models: resolve it through a model registry',
    );
  });

  it('names an unknown partner model, observable, input or model name, with what is known', () => {
    expect(problem(coupled({}, { partners: { src: { model: 'nope' } } }))).toContain(
      'coupling.partners.src.model: unknown model "nope"',
    );
    expect(problem(coupled({}, { links: [{ from: 'src.lvl', to: 'toy-sink.u' }] }))).toContain(
      'coupling.links[0].from: "src" has no observable "lvl"; its observables: level, noise',
    );
    expect(problem(coupled({}, { links: [{ from: 'toy-sink.held', to: 'src.rate' }] }))).toContain(
      'coupling.links[0].to: "src" declares no input "rate"; its inputs: (none)',
    );
    expect(problem(coupled({}, { links: [{ from: 'source.level', to: 'toy-sink.u' }] }))).toContain(
      'coupling.links[0].from: unknown model "source"; known: toy-sink, src',
    );
  });

  it('refuses a link from a model to itself, and a partner named like the scenario’s model', () => {
    expect(problem(coupled({}, { links: [{ from: 'toy-sink.held', to: 'toy-sink.u' }] }))).toContain(
      'coupling.links[0]: links "toy-sink" to itself',
    );
    expect(
      problem(
        coupled(
          {},
          { partners: { 'toy-sink': { model: 'toy-source' } }, links: [{ from: 'toy-sink.held', to: 'toy-sink.u' }] },
        ),
      ),
    ).toContain('coupling.partners.toy-sink: a partner may not be named like the scenario');
  });

  it('checks a partner’s parameters against its model, with the path through the coupling', () => {
    expect(problem(coupled({}, { partners: { src: { model: 'toy-source', parameters: { rate: 20 } } } }))).toContain(
      'coupling.partners.src.parameters.rate: 20 is out of range; allowed: 0 to 10 1/day',
    );
  });

  it('refuses an interval longer than the run and a negative scale', () => {
    expect(problem(coupled({}, { interval: 5 }))).toContain('coupling.interval: 5 is longer than the run (duration 4)');
    expect(problem(coupled({}, { links: [{ from: 'src.level', to: 'toy-sink.u', scale: -1 }] }))).toContain(
      'coupling.links[0].scale',
    );
  });
});

describe('input ports in a manifest', () => {
  it('are refused twice under one id, and on a model that is not stepped', () => {
    const twice = {
      ...toySink,
      manifest: { ...sinkManifest, inputs: [...sinkManifest.inputs, ...sinkManifest.inputs] },
    };
    expect(() => new ModelRegistry().register(twice)).toThrow('inputs: "u" is declared more than once');
    const network = {
      manifest: { ...toySource.manifest, id: 'toy-network', methods: ['ode' as const], inputs: sinkManifest.inputs },
    };
    expect(() => new ModelRegistry().register(network)).toThrow('only stepped models (method "agent") take inputs');
  });

  it('need a setInput on the instances when a coupled run connects them', () => {
    const deaf = defineModel({
      manifest: { ...sinkManifest, id: 'toy-deaf' },
      create: () => ({ dt: 1, step() {}, observe() {}, snapshot: () => null, restore() {} }),
      interventions: {},
    });
    const local = new ModelRegistry();
    local.register(deaf);
    local.register(toySource);
    const scenario = local.resolve({
      ...coupled(),
      model: 'toy-deaf',
      coupling: { ...coupled().coupling, links: [{ from: 'src.level', to: 'toy-deaf.u' }] },
    });
    expect(() => runScenarioSync(scenario)).toThrow(
      'model "toy-deaf" declares inputs, but its instances have no setInput(id, value)',
    );
  });
});
