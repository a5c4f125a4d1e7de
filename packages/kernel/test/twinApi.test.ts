import { describe, expect, it } from 'vitest';
import {
  ModelRegistry,
  ValidationError,
  parseWorkbenchState,
  PLOT_MIME_TYPE,
  WORKBENCH_MIME_TYPE,
  parsePlotBundle,
  type BandSpec,
} from '@immunotwin/engine';
import { targetCellLimited, withinHostModels } from '@immunotwin/model-within-host';
import { createModelsApi } from '../src/models.js';
import { KeyboardInterrupt } from '../src/errors.js';
import { createTwinApi } from '../src/twinApi.js';
import { twinDocs } from '../src/twinDocs.js';

describe('the twin API (in process)', () => {
  it('runs a preset: its parameters, with only the values set through twin.set on top', async () => {
    const twin = createTwinApi(targetCellLimited);
    const kamal = targetCellLimited.manifest.presets.find((p) => p.id === 'influenzaKamal')!;
    const plain = await twin.run({ preset: 'influenzaKamal', duration: 2 });
    expect(plain.runs[0].metadata.parameters).toMatchObject(kamal.parameters!);
    twin.set({ c: 4.5 });
    const changed = await twin.run({ preset: 'influenzaKamal', duration: 2 });
    expect(changed.runs[0].metadata.parameters).toMatchObject({ ...kamal.parameters, c: 4.5 });
    const defaults = await twin.run({ duration: 2 });
    expect(defaults.runs[0].metadata.parameters.beta).toBe(
      targetCellLimited.manifest.parameters.find((p) => p.id === 'beta')!.default,
    );
  });

  it('starts at the defaults, validates set() naming field, value and range, and resets', () => {
    const twin = createTwinApi(targetCellLimited);
    const beta = targetCellLimited.manifest.parameters.find((p) => p.id === 'beta')!;
    expect(twin.parameters.beta).toBe(beta.default);
    expect(twin.set({ beta: 2e-5 }).beta).toBe(2e-5);
    expect(() => twin.set({ beta: 5 })).toThrow(ValidationError);
    expect(() => twin.set({ beta: 5 })).toThrow(
      `parameters.beta: 5 is out of range; allowed: ${beta.min} to ${beta.max}`,
    );
    expect(() => twin.set({ gamma: 1 })).toThrow(
      /parameters\.gamma: unknown parameter .*known parameters: U0, V0, beta/,
    );
    expect(() => twin.set({ beta: Number.NaN })).toThrow('parameters.beta: must be a finite number; got NaN');
    expect(() => twin.intervene('entryInhibitor', { start: 1, stop: 3, efficacy: Number.POSITIVE_INFINITY })).toThrow(
      'interventions[0].efficacy: must be a finite number; got Infinity',
    );
    expect(twin.parameters.beta).toBe(2e-5); // a rejected set changes nothing
    twin.intervene('entryInhibitor', { start: 1, stop: 3, efficacy: 0.5 });
    expect(() => twin.intervene('entryInhibitor', { start: 1, stop: 3, efficacy: 2 })).toThrow(
      /interventions\[1\]\.efficacy: 2 is out of range; allowed: 0 to 1/,
    );
    expect(() => twin.intervene('vaccine', { start: 1 })).toThrow(/unknown intervention "vaccine"/);
    expect(twin.interventions).toEqual([{ kind: 'entryInhibitor', start: 1, stop: 3, efficacy: 0.5 }]);
    twin.reset();
    expect(twin.parameters.beta).toBe(beta.default);
    expect(twin.interventions).toEqual([]);
  });

  it('says which call expects what when a cell passes null or a number (found by fuzzing: internal TypeErrors)', async () => {
    const twin = createTwinApi(targetCellLimited);
    await expect(twin.run(null as never)).rejects.toThrow(
      'twin.run: expects an object of run options, or nothing, e.g. await twin.run({ duration: 10 }); got null',
    );
    expect(() => twin.intervene('entryInhibitor', Number.NEGATIVE_INFINITY as never)).toThrow(
      "twin.intervene: expects its fields as an object second, e.g. twin.intervene('inoculation', { start: 1 }); got -Infinity",
    );
    expect(() => twin.intervene(-1771471184 as never, { start: 1 })).toThrow(
      "twin.intervene: expects the kind as text first, e.g. twin.intervene('inoculation', { start: 1 })",
    );
    expect(() => twin.set([1] as never)).toThrow(
      'twin.set: expects an object of parameter values, e.g. twin.set({ U0: 1 }); got an array',
    );
    expect(twin.interventions).toEqual([]);
  });

  it('runs, and the result gives a plot, a summary, a table and CSV', async () => {
    const twin = createTwinApi(targetCellLimited);
    const fractions: number[] = [];
    const result = await twin.run({ duration: 5, onProgress: (f) => void fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    const bundle = result.toMimeBundle();
    expect(Object.keys(bundle.data)).toEqual([PLOT_MIME_TYPE, 'text/plain']);
    expect(String(bundle.data['text/plain'])).toContain('ode, 1 replicate, 51 samples over 5 days');
    const rows = result.table({ rows: 6 }).rows;
    expect(rows[0].time).toBe(0);
    expect(rows.at(-1)!.time).toBe(5);
    expect(rows.length).toBeLessThanOrEqual(7);
    expect(result.csv().split('\n')[1].startsWith('0,')).toBe(true);
    const series = twin.observe(result, 'V');
    expect(series).toMatchObject({ id: 'V', unit: 'TCID50/mL' });
    expect(series.values).toBe(result.runs[0].observables.V);
    expect(() => twin.observe(result, 'W')).toThrow(/unknown observable "W"/);
    expect(() => twin.plot(result, { observables: ['W'] })).toThrow(
      'observables: unknown observable "W"; allowed: U, E, I, V, targetFraction',
    );
  });

  it('draws observed data over a plot, and names the dataset field that is wrong', async () => {
    const twin = createTwinApi(targetCellLimited);
    const result = await twin.run({ duration: 5 });
    const volunteer = {
      name: 'volunteer',
      source: 'test',
      observable: 'V',
      unit: 'TCID50/mL',
      timeUnit: 'hour',
      time: [24, 48],
      values: [1e3, 1e5],
    };
    const bundle = parsePlotBundle(
      twin.plot(result, { observables: ['V'], observed: [volunteer] }).toMimeBundle().data[PLOT_MIME_TYPE],
    );
    expect(bundle.observed).toEqual([volunteer]);
    expect(() => twin.plot(result, { observables: ['V'], observed: [{ ...volunteer, observable: 'U' }] })).toThrow(
      'Invalid plot bundle: observed[0].observable: "U" is not drawn; allowed: V',
    );
    expect(() => twin.plot(result, { observed: [{ ...volunteer, values: [1] }] })).toThrow(
      'observed[0].values: has 1 values; expected 2 (one per time)',
    );
    expect(() => twin.plot(result, { observed: [{ ...volunteer, timeUnit: 'moon' }] })).toThrow(
      'observed[0].timeUnit: "moon" is not a time unit; allowed: s, sec',
    );
  });

  it('refuses a run whose results would not fit the memory limit, names the fields, and takes maxMemory on purpose', async () => {
    const twin = createTwinApi(targetCellLimited);
    // 10 001 samples × (5 observables + time) × 8 bytes = 480 048 bytes for one run.
    const run = { duration: 10, outputInterval: 0.001 };
    await expect(twin.run({ ...run, maxMemory: 400_000 })).rejects.toThrow(
      /outputInterval: the results would take 480 kB in memory .*above the limit of 400 kB/,
    );
    expect((await twin.run({ ...run, maxMemory: 480_048 })).runs[0].time.length).toBe(10_001);
    await expect(twin.run({ maxMemory: Number.NaN })).rejects.toThrow(
      'twin.run: maxMemory is NaN; allowed: a positive number of bytes, e.g. 4e9',
    );
  });

  it('creates a twin of another model through the registry', () => {
    const registry = new ModelRegistry();
    for (const plugin of withinHostModels) registry.register(plugin);
    const twin = createTwinApi(targetCellLimited, { resolveModel: (id) => registry.get(id) });
    const other = twin.create('bacteria-innate');
    expect(other.manifest.id).toBe('bacteria-innate');
    expect(twin.manifest.id).toBe('target-cell-limited');
    expect(() => twin.create('nope')).toThrow(/unknown model "nope"/);
  });

  it('summarises an ensemble by its median band', async () => {
    const twin = createTwinApi(targetCellLimited);
    twin.set({ V0: 10, U0: 1e5 });
    const result = await twin.run({ method: 'ssa', replicates: 4, duration: 2 });
    const bundle = parsePlotBundle(result.plot({ observables: ['V'] }).toMimeBundle().data[PLOT_MIME_TYPE]);
    // The plot holds the ensemble's statistics (drawn as median and bands), and one run for its sample times.
    expect(bundle.runs).toHaveLength(1);
    expect(bundle.observables).toEqual(['V']);
    expect(bundle.summary!.quantiles).toEqual([...result.summary!.quantiles]);
    expect(bundle.summary!.observables.V.median).toEqual(Array.from(result.summary!.observables.V.median));
    expect(bundle.summary!.observables.V.bands).toHaveLength(result.summary!.quantiles.length);
    expect(Object.keys(bundle.summary!.observables)).toEqual(['V']);
    expect(result.toString()).toContain('(peaks of the median)');
  });

  it('stops a run when the interrupted() flag is raised, with KeyboardInterrupt', async () => {
    let raised = false;
    const twin = createTwinApi(targetCellLimited, { interrupted: () => raised });
    twin.set({ V0: 10, U0: 1e7 });
    const run = twin.run({ method: 'ssa', replicates: 500, duration: 10 });
    setTimeout(() => (raised = true), 50);
    await expect(run).rejects.toBeInstanceOf(KeyboardInterrupt);
  });

  it('gives a workbench that shows a band, checked against the twin as the workbench will check it', () => {
    const twin = createTwinApi(targetCellLimited);
    twin.set({ c: 3 });
    const band: BandSpec = { kind: 'cohort', size: 20, spread: 0.3, parameters: ['beta', 'c'] };
    const bundle = twin.controls({ log: true, band }).toMimeBundle().data[WORKBENCH_MIME_TYPE];
    expect(bundle).toMatchObject({ scenario: { parameters: { c: 3 } }, view: { logY: true, band } });
    expect(parseWorkbenchState(bundle).view).toEqual({ logY: true, band });
    expect(twin.controls({ band: { kind: 'cohort', size: 5 } }).state.view).toEqual({
      band: { kind: 'cohort', size: 5 },
    });
    const cases: [unknown, string][] = [
      [{ kind: 'cohort', size: 1 }, 'Invalid twin.controls options: band.size: must be ≥ 2; got 1'],
      [{ kind: 'patients', size: 20 }, 'band.kind: must be one of "replicates", "cohort"; got "patients"'],
      [5, 'Invalid twin.controls options: band: must be object; got 5'],
      [
        { kind: 'replicates', size: 20 },
        'band.kind: "replicates" of an ode run would all be the same run; allowed: "cohort", or "replicates" with a stochastic method',
      ],
      [{ kind: 'cohort', size: 20, parameters: ['eclipse'] }, 'band.parameters[0]: eclipse takes whole numbers only'],
      [
        { kind: 'cohort', size: 20, parameters: ['gamma'] },
        'band.parameters[0]: "gamma" is not a parameter of target-cell-limited',
      ],
      [{ kind: 'cohort', size: 20, spread: 5 }, 'band.spread: must be ≤ 3; got 5'],
    ];
    for (const [bad, message] of cases) {
      expect(() => twin.controls({ band: bad as never }), message).toThrow(ValidationError);
      expect(() => twin.controls({ band: bad as never })).toThrow(message);
    }
  });

  it('describes the workbench bundle, the models and the docs', () => {
    const twin = createTwinApi(targetCellLimited);
    expect(twin.controls().toMimeBundle().data[WORKBENCH_MIME_TYPE]).toMatchObject({
      version: 1,
      scenario: { model: 'target-cell-limited', interventions: [] },
    });
    const registry = new ModelRegistry();
    for (const plugin of withinHostModels) registry.register(plugin);
    const models = createModelsApi(registry);
    expect(models.list().map((m) => m.id)).toEqual(registry.ids());
    expect(() => models.get('nope')).toThrow(/unknown model "nope"; known models: /);
    const docs = twinDocs(targetCellLimited.manifest);
    expect(docs.members(['twin']).map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'manifest',
        'parameters',
        'interventions',
        'set',
        'reset',
        'intervene',
        'run',
        'plot',
        'controls',
        'math',
      ]),
    );
    // twin.math is the engine's portable functions, not Math's: the same bits in Node and in the browser.
    expect(twin.math.log10(1e-3)).toBe(-3);
    expect(twin.math.exp).not.toBe(Math.exp);
    expect(Object.keys(twin.math).sort()).toEqual(['cos', 'exp', 'expm1', 'log', 'log10', 'log1p', 'pow', 'sin']);
    expect(docs.argumentNames(['twin', 'set']).map((d) => d.name)).toEqual(
      targetCellLimited.manifest.parameters.map((p) => p.id),
    );
    expect(docs.lookup(['twin', 'parameters', 'beta'])?.markdown).toContain('| source |');
  });
});

describe("a model's default observables", () => {
  it('are what twin.plot draws and the text summarises unless asked for others', async () => {
    const plugin = { ...targetCellLimited, manifest: { ...targetCellLimited.manifest, defaultObservables: ['V'] } };
    const twin = createTwinApi(plugin);
    const result = await twin.run({ duration: 2 });
    expect(result.plot().bundle.observables).toEqual(['V']);
    expect(twin.plot(result, { observables: ['U', 'V'] }).bundle.observables).toEqual(['U', 'V']);
  });
});
