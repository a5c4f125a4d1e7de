import { describe, expect, it } from 'vitest';
import { validationErrorOf } from './fixtures/validationErrorOf.js';
import {
  findIntervention,
  ModelRegistry,
  parseJsonDocument,
  resolveScenario,
  scenarioToJson,
  ValidationError,
} from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';

const base = { model: 'decay-test', duration: 10 };

describe('resolveScenario', () => {
  it('fills defaults from the manifest, applies a preset and then overrides', () => {
    const r = resolveScenario(decayModel, { ...base, preset: 'fast', parameters: { s: 3 } });
    expect(r.parameters).toEqual({ k: 2, s: 3, A0: 1000, n: 2 });
    expect(r.outputInterval).toBe(0.5);
    expect(r.method).toBe('ode');
    expect(r.seed).toBe(1);
    expect(r.replicates).toBe(1);
    expect(r.quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
  });

  it('round-trips through its explicit JSON form', () => {
    const input = {
      ...base,
      parameters: { k: 0.3 },
      interventions: [{ kind: 'slowdown', start: 2, stop: 4, factor: 0.1 }],
    };
    const once = scenarioToJson(resolveScenario(decayModel, input));
    expect(scenarioToJson(resolveScenario(decayModel, once))).toEqual(once);
    expect(once.interventions).toEqual([{ kind: 'slowdown', start: 2, stop: 4, factor: 0.1 }]);
  });

  it("holds an initial amount to the species' own stated max, naming it and the unit", () => {
    const network = decayModel.manifest.network!;
    const capped = {
      ...decayModel,
      manifest: { ...decayModel.manifest, network: { ...network, species: [{ ...network.species[0], max: 5000 }] } },
    };
    expect(resolveScenario(capped, { ...base, initial: { A: 5000 } }).initial).toEqual({ A: 5000 });
    expect(validationErrorOf(() => resolveScenario(capped, { ...base, initial: { A: 5001 } })).issues[0]).toEqual({
      path: 'initial.A',
      message: '5001 is above the largest initial amount of A; allowed: 0 to 5000 molecules',
    });
  });

  // NaN and ±Infinity come from JS cells and APIs (and 1e400 in a JSON file parses to Infinity): every number a
  // scenario holds refuses them, naming the field, instead of failing later in a solver (issue 17).
  it.each([
    [{ ...base, parameters: { k: Number.NaN } }, 'parameters.k', 'NaN'],
    [{ ...base, parameters: { k: Number.POSITIVE_INFINITY } }, 'parameters.k', 'Infinity'],
    [{ ...base, initial: { A: Number.POSITIVE_INFINITY } }, 'initial.A', 'Infinity'],
    [{ ...base, initial: { A: Number.NaN } }, 'initial.A', 'NaN'],
    [{ ...base, duration: Number.NaN }, 'duration', 'NaN'],
    [{ ...base, outputInterval: Number.POSITIVE_INFINITY }, 'outputInterval', 'Infinity'],
    [{ ...base, solver: { rtol: Number.NaN } }, 'solver.rtol', 'NaN'],
    [
      { ...base, interventions: [{ kind: 'slowdown', start: 1, stop: 2, factor: Number.NEGATIVE_INFINITY }] },
      'interventions[0].factor',
      '-Infinity',
    ],
    [{ ...base, interventions: [{ kind: 'slowdown', start: Number.NaN, stop: 2 }] }, 'interventions[0].start', 'NaN'],
  ])('refuses a non-finite number at %j (%s)', (scenario, path, shown) => {
    const error = validationErrorOf(() => resolveScenario(decayModel, scenario));
    expect(error.issues[0]).toEqual({ path, message: `must be a finite number; got ${shown}` });
  });

  it.each([
    [{ ...base, duration: -5 }, 'duration', /must be > 0; got -5/],
    [{ ...base, duration: 'ten' }, 'duration', /must be a finite number; got "ten"/],
    [
      { ...base, parameters: { kk: 1 } },
      'parameters.kk',
      /unknown parameter for model "decay-test"; known parameters: k, s, A0, n/,
    ],
    [{ ...base, parameters: { k: 200 } }, 'parameters.k', /200 is out of range; allowed: 0 to 100 1\/day/],
    [{ ...base, parameters: { n: 2.5 } }, 'parameters.n', /must be a whole number; got 2.5/],
    [{ ...base, preset: 'slow' }, 'preset', /unknown preset "slow" .* known presets: fast/],
    [{ ...base, method: 'agent' }, 'method', /"agent" is not available .* allowed: ode, ssa, tau-leaping/],
    [{ ...base, method: 'magic' }, 'method', /must be one of "ode", "ssa", "tau-leaping", "agent"; got "magic"/],
    [{ ...base, outputInterval: 20 }, 'outputInterval', /longer than the run/],
    [{ ...base, replicates: 3 }, 'replicates', /would all be identical/],
    [{ ...base, seed: -1 }, 'seed', /must be ≥ 0; got -1/],
    [{ ...base, seed: Number.NaN }, 'seed', /must be a whole number; got NaN/],
    // The solver refuses tolerances below double precision; the scenario says so first, naming the field.
    [{ ...base, solver: { rtol: 1e-16 } }, 'solver.rtol', /must be ≥ 1e-14; got 1e-16/],
    [{ ...base, colour: 'red' }, 'colour', /is not a known property here; allowed: .*model.*duration/],
    [{ duration: 3 }, 'model', /is required but missing/],
    [{ ...base, initial: { Z: 3 } }, 'initial.Z', /unknown species; known species: A/],
    // 2^53 or 1e308 would run until the solver overflows or SSA reaches its event limit (issue 17).
    [
      { ...base, initial: { A: 2 ** 53 } },
      'initial.A',
      /9007199254740992 is above the largest initial amount of A; allowed: 0 to 1000000000000/,
    ],
    [
      { ...base, interventions: [{ kind: 'cure', start: 1 }] },
      'interventions[0].kind',
      /unknown intervention "cure" .* allowed: dose, slowdown, deplete/,
    ],
    [
      { ...base, interventions: [{ kind: 'slowdown', start: 3, stop: 2 }] },
      'interventions[0].stop',
      /must be after start \(3\); got 2/,
    ],
    [
      { ...base, interventions: [{ kind: 'slowdown', start: 3 }] },
      'interventions[0].stop',
      /is required for "slowdown"/,
    ],
    [
      { ...base, interventions: [{ kind: 'dose', start: 3, stop: 4 }] },
      'interventions[0].stop',
      /not allowed: "dose" is a one-off/,
    ],
    [
      { ...base, interventions: [{ kind: 'dose', start: 30 }] },
      'interventions[0].start',
      /after the end of the run \(duration 10\)/,
    ],
    [
      { ...base, interventions: [{ kind: 'dose', start: 1, amount: -1 }] },
      'interventions[0].amount',
      /-1 is out of range; allowed: 0 to 1000000000 molecules/,
    ],
    [
      { ...base, interventions: [{ kind: 'dose', start: 1, amout: 3 }] },
      'interventions[0].amout',
      /unknown field for "dose"; allowed: kind, start, amount/,
    ],
  ])('rejects %j at %s with a message saying what is allowed', (input, path, message) => {
    const error = validationErrorOf(() => resolveScenario(decayModel, input));
    expect(error.issues[0].path).toBe(path);
    expect(error.issues[0].message).toMatch(message);
    expect(error.message).toContain(`Invalid scenario: ${path}: `);
  });

  it('refuses fractional initial amounts for stochastic methods instead of rounding them', () => {
    const error = validationErrorOf(() =>
      resolveScenario(decayModel, { ...base, method: 'ssa', parameters: { A0: 2.5 } }),
    );
    expect(error.issues[0]).toEqual({
      path: 'initial.A',
      message:
        'A starts at 2.5 (from "A0"), but method "ssa" simulates whole counts; set a whole number (in "initial" or through the parameters)',
    });
    expect(() => resolveScenario(decayModel, { ...base, method: 'tau-leaping', initial: { A: 0.5 } })).toThrow(
      /initial\.A: A starts at 0\.5, but method "tau-leaping"/,
    );
    expect(resolveScenario(decayModel, { ...base, method: 'ode', parameters: { A0: 2.5 } }).parameters.A0).toBe(2.5);
  });

  it('reports every problem at once', () => {
    const error = validationErrorOf(() => resolveScenario(decayModel, { ...base, parameters: { k: -1, s: -2 } }));
    expect(error.issues.map((i) => i.path)).toEqual(['parameters.k', 'parameters.s']);
    expect(error.message).toMatch(/and 1 more problem\)$/);
  });
});

describe('ModelRegistry', () => {
  it('names the known models when asked for an unknown one', () => {
    const registry = new ModelRegistry();
    registry.register(decayModel);
    expect(() => registry.get('flu')).toThrow(/model: unknown model "flu"; known models: decay-test/);
    expect(() => registry.register(decayModel)).toThrow(/already registered/);
  });

  it('refuses malformed manifests with the field and the problem', () => {
    const registry = new ModelRegistry();
    const bad = structuredClone(decayModel.manifest);
    bad.parameters[0].default = 500;
    expect(() => registry.register({ manifest: bad })).toThrow(
      /parameters\[0\] \(k\): default 500 is outside its range \[0, 100\]/,
    );
    const noUnit = structuredClone(decayModel.manifest) as unknown as { parameters: Record<string, unknown>[] };
    delete noUnit.parameters[1].unit;
    expect(() => registry.register({ manifest: noUnit } as never)).toThrow(
      /parameters\[1\]\.unit: is required but missing/,
    );
    const badRate = structuredClone(decayModel.manifest);
    badRate.network!.reactions[0].rate = 'kappa';
    expect(() => registry.register({ manifest: badRate })).toThrow(
      /network\.reactions\[0\]\.rate: unknown name "kappa"/,
    );
    const badEffect = structuredClone(decayModel.manifest);
    badEffect.interventions[1].effects = [{ type: 'scale', parameter: 'kk', factor: 'factr' }];
    expect(() => registry.register({ manifest: badEffect })).toThrow(
      /interventions\[1\] \(slowdown\)\.effects\[0\]\.parameter: unknown parameter "kk"; known: k, s, A0, n \(and 1 more problem\)/,
    );
    const badAmount = structuredClone(decayModel.manifest);
    badAmount.interventions[0].effects = [{ type: 'add', species: 'A', amount: 'amount * dose' }];
    expect(() => registry.register({ manifest: badAmount })).toThrow(
      /"amount \* dose" uses unknown name "dose"; allowed: the fields amount and the model parameters/,
    );
    const agentWithoutCode = structuredClone(decayModel.manifest);
    agentWithoutCode.methods = ['agent'];
    expect(() => registry.register({ manifest: agentWithoutCode })).toThrow(
      /methods: lists "agent" but the plugin has no createStepped factory/,
    );
  });
});

describe('ValidationError', () => {
  it('survives a trip through JSON with its message, subject and issues', () => {
    const original = validationErrorOf(() => resolveScenario(decayModel, { ...base, parameters: { k: -1, s: -2 } }));
    const copy = ValidationError.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(copy).toBeInstanceOf(ValidationError);
    expect(copy.message).toBe(original.message);
    expect(copy.what).toBe('scenario');
    expect(copy.issues).toEqual(original.issues);
  });
});

describe('parseJsonDocument', () => {
  it('says where malformed JSON breaks', () => {
    const text = '{\n  "model": "decay-test",\n  "duration": 10,\n}';
    expect(() => parseJsonDocument(text, 'scenario', 'scenario.json')).toThrow(
      /Invalid scenario: scenario\.json: malformed JSON at line 4, column 1/,
    );
  });
});

describe('findIntervention', () => {
  it('finds a kind, and otherwise names the kind asked for and the kinds the model has', () => {
    expect(findIntervention(decayModel.manifest, 'slowdown')).toMatchObject({
      spec: { kind: 'slowdown', hasStop: true },
    });
    expect(findIntervention(decayModel.manifest, 7)).toEqual({
      message: 'unknown intervention 7 for model "decay-test"; allowed: dose, slowdown, deplete',
    });
    expect(findIntervention({ id: 'bare', interventions: [] }, 'dose')).toEqual({
      message: 'unknown intervention "dose" for model "bare"; allowed: (none)',
    });
  });
});
