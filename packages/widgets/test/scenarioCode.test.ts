import { describe, expect, it } from 'vitest';
import { runScenarioSync, simulateSync, type Scenario } from '@immunotwin/engine';
import { lungModel, lymphNodeCoupling } from '@immunotwin/model-lung';
import { builtInRegistry } from '@immunotwin/models';
import { createTwinApi } from '@immunotwin/kernel';
import {
  innateAdaptive,
  targetCellLimited,
  targetCellLimitedManifest as manifest,
} from '@immunotwin/model-within-host';
import { scenarioToCode } from '../src/scenarioCode.js';

type Twin = ReturnType<typeof createTwinApi>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/** Runs a generated cell against the kernel's real twin API, as the twin kernel would. */
async function runCell(
  code: string,
  twin: Twin,
): Promise<{ runs: readonly { observables: Record<string, Float64Array> }[] }> {
  const cell = new AsyncFunction('twin', `${code}\nreturn result;`);
  return (await cell(twin)) as { runs: readonly { observables: Record<string, Float64Array> }[] };
}

const scenario = {
  model: 'target-cell-limited',
  preset: 'influenzaNoEclipse',
  parameters: { c: 3.1, beta: 2.2e-5 },
  interventions: [
    { kind: 'entryInhibitor', start: 1.5, stop: 4, efficacy: 0.7 },
    { kind: 'inoculation', start: 6, dose: 50 },
  ],
  duration: 12,
  outputInterval: 0.25,
} as unknown as Scenario;

describe('copy as code', () => {
  it('writes the twin-kernel calls with the scenario’s parameters, interventions and run settings', () => {
    const code = scenarioToCode(scenario, manifest);
    const lines = code.split('\n');
    expect(lines[0]).toMatch(/^\/\/ Target-cell-limited/);
    expect(lines[1]).toBe('twin.reset();');
    // The preset's values are spelled out (twin.set only changes what differs from the defaults).
    expect(lines[2]).toMatch(/^twin\.set\(\{ .* \}\);$/);
    const set = Function(`return ${lines[2].slice('twin.set('.length, -2)}`)() as Record<string, number>;
    expect(set).toMatchObject({ c: 3.1, beta: 2.2e-5, V0: 9.3e-2, eclipse: 0 }); // V0: Baccam's fit without eclipse
    for (const [id, value] of Object.entries(set)) {
      expect(manifest.parameters.find((p) => p.id === id)!.default, id).not.toBe(value);
    }
    expect(lines[3]).toBe('twin.intervene("entryInhibitor", { start: 1.5, stop: 4, efficacy: 0.7 });');
    expect(lines[4]).toBe('twin.intervene("inoculation", { start: 6, dose: 50 });');
    expect(lines[5]).toBe('const result = await twin.run({ duration: 12, outputInterval: 0.25 });');
    expect(lines[6]).toBe('result');
  });

  it('gives a cell that reproduces the scenario’s run exactly in the real twin API', async () => {
    const code = scenarioToCode(scenario, manifest);
    const twin = createTwinApi(targetCellLimited);
    twin.set({ delta: 1 }); // whatever the kernel's twin held before, the cell starts from the defaults
    const result = await runCell(code, twin);
    const expected = simulateSync(targetCellLimited, scenario);
    expect(Array.from(result.runs[0].observables.V)).toEqual(Array.from(expected.runs[0].observables.V));
  });

  it('keeps a coupled scenario’s coupling, and the cell runs it as the engine does', async () => {
    // The Lung Twin with the Immune System Twin's lymph node (examples/lung-lymph-node.json, on a small section).
    const coupling = lymphNodeCoupling(30);
    const coupled = { model: 'lung', parameters: { latticeSize: 30 }, duration: 1, coupling } as Scenario;
    const code = scenarioToCode(coupled, lungModel.manifest);
    const run = code.split('\n')[3]!;
    expect(run.startsWith('const result = await twin.run(')).toBe(true);
    const options = Function(`return ${run.slice('const result = await twin.run('.length, -2)}`)() as object;
    expect(options).toEqual({ duration: 1, coupling });
    const registry = builtInRegistry();
    const twin = createTwinApi(lungModel, { resolveModel: (id) => registry.get(id) });
    const result = await runCell(code, twin);
    const expected = runScenarioSync(registry.resolve(coupled)).runs[0];
    expect(Array.from(result.runs[0].observables.antigenOut)).toEqual(Array.from(expected.observables.antigenOut));
    expect(Array.from(result.runs[0].observables.virions)).toEqual(Array.from(expected.observables.virions));
  });

  it('writes a bare run for the default scenario', () => {
    expect(scenarioToCode({ model: 'target-cell-limited' }, manifest).split('\n').slice(1)).toEqual([
      'twin.reset();',
      'const result = await twin.run();',
      'result',
    ]);
  });

  it('keeps stochastic settings (method, seed, replicates)', async () => {
    const ssa: Scenario = {
      model: 'target-cell-limited',
      method: 'ssa',
      seed: 9,
      replicates: 3,
      parameters: { U0: 1000, V0: 10 },
      duration: 4,
    };
    const code = scenarioToCode(ssa, manifest);
    expect(code).toContain('method: "ssa", seed: 9, replicates: 3');
    const result = await runCell(code, createTwinApi(targetCellLimited));
    const expected = simulateSync(targetCellLimited, ssa);
    expect(result.runs.map((r) => Array.from(r.observables.I))).toEqual(
      expected.runs.map((r) => Array.from(r.observables.I)),
    );
  });

  it('makes a twin of the scenario’s model when the kernel runs another model', async () => {
    const other: Scenario = { model: 'virus-innate-adaptive', duration: 5 };
    const code = scenarioToCode(other, innateAdaptive.manifest, { kernelModel: 'target-cell-limited' });
    expect(code).toContain('const model = twin.create("virus-innate-adaptive");');
    const twin = createTwinApi(targetCellLimited, { resolveModel: () => innateAdaptive });
    const result = await runCell(code, twin);
    expect(result.runs[0].observables.V.length).toBe(simulateSync(innateAdaptive, other).runs[0].time.length);
  });

  it('refuses a scenario that does not fit the model, with the engine’s message', () => {
    expect(() => scenarioToCode({ model: 'target-cell-limited', parameters: { c: -1 } }, manifest)).toThrow(
      /parameters\.c: -1 is out of range; allowed/,
    );
  });
});
