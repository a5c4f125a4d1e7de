// Property: every scenario, however mangled, either runs or is refused up front with a ValidationError naming a
// field; never another error, never a run that goes on past a time guard. Mutations start from small scenarios of
// every model and method, so an accepted one is cheap unless the mutation itself asks for a huge run, which the
// engine's budgets must then refuse.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInModels } from '@immunotwin/models';
import { checkMemoryBudget, ModelRegistry, runScenario, type ModelPlugin } from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';
import { fuzzParameters, fuzzTestTimeout } from './fuzz/fuzzSettings.js';
import { applyMutations, expectRefusal, mutationsOf, OutcomeTally, type JsonPath } from './fuzz/mutate.js';

/**
 * Longest one accepted case may compute before the property fails as a hang. The base scenarios take
 * milliseconds. The engine's own work limits allow about half a minute (1e8 SSA events per replicate), so the
 * guard sits above that: a case reaching it is a run the engine accepted with no bound on its work.
 */
const CASE_TIME_LIMIT_MS = 60_000;

const registry = new ModelRegistry();
for (const plugin of [...builtInModels, decayModel]) registry.register(plugin);

/** Small runs of every model and method: each takes milliseconds. */
/** (Typed loosely: a scenario's intervention fields are open-ended, which its static type does not say.) */
const baseScenarios: readonly ({ model: string } & Record<string, unknown>)[] = [
  {
    model: 'target-cell-limited',
    method: 'ode',
    parameters: { beta: 3.2e-5, c: 5.2 },
    initial: { V: 0.075 },
    interventions: [
      { kind: 'entryInhibitor', start: 0.5, stop: 1.5, efficacy: 0.5 },
      { kind: 'inoculation', start: 1, dose: 10 },
      { kind: 'oseltamivir', start: 0.2, stop: 1.8, dose: 75, emaxLog10: 1, ed50: 10 },
    ],
    duration: 2,
    outputInterval: 0.1,
    solver: { rtol: 1e-6, atol: 1e-8, stiff: false },
  },
  {
    model: 'virus-innate-adaptive',
    method: 'ssa',
    parameters: { U0: 200, V0: 5, T0: 10, B0: 10 },
    initial: { F: 0 },
    interventions: [
      { kind: 'antiviral', start: 0.25, stop: 0.75, efficacy: 0.5 },
      { kind: 'monoclonalAntibody', start: 0.5, dose: 10 },
    ],
    duration: 1,
    outputInterval: 0.25,
    seed: 3,
    replicates: 2,
  },
  {
    model: 'bacteria-innate',
    method: 'tau-leaping',
    parameters: { P0: 1000, M0: 1000, K: 1e6 },
    interventions: [{ kind: 'antibiotic', start: 0.5, stop: 1.5, efficacy: 0.5 }],
    duration: 2,
    outputInterval: 0.5,
    seed: 4,
    replicates: 2,
    quantiles: [0.1, 0.5, 0.9],
  },
  {
    model: 'immune-system',
    method: 'agent',
    parameters: { latticeSize: 8, inoculum: 5 },
    interventions: [
      { kind: 'infection', start: 0.05, dose: 5, x: 0.5, y: 0.5, radius: 1 },
      { kind: 'antiviral', start: 0.1, stop: 0.2, efficacy: 0.5 },
    ],
    duration: 0.25,
    outputInterval: 0.125,
    seed: 5,
  },
  {
    model: 'lung',
    method: 'agent',
    parameters: { latticeSize: 10, initialVirions: 100 },
    interventions: [{ kind: 'antiviral', start: 0.05, stop: 0.2, efficacy: 0.5 }],
    duration: 0.25,
    outputInterval: 0.125,
    seed: 6,
  },
  {
    model: 'decay-test',
    method: 'ode',
    parameters: { k: 0.5, s: 10, A0: 1000 },
    interventions: [
      { kind: 'dose', start: 1, amount: 100 },
      { kind: 'slowdown', start: 2, stop: 3, factor: 0.5 },
    ],
    duration: 4,
    outputInterval: 0.5,
  },
];

/** Fields a base scenario leaves out but a user could set: every parameter, species and top-level option. */
function extraPaths(plugin: ModelPlugin): JsonPath[] {
  const { manifest } = plugin;
  return [
    ...manifest.parameters.map((p) => ['parameters', p.id]),
    ...(manifest.network?.species ?? []).map((s) => ['initial', s.id]),
    ...['preset', 'seed', 'replicates', 'quantiles', 'method', 'name', 'duration', 'outputInterval', 'coupling'].map(
      (key) => [key],
    ),
    ['solver', 'rtol'],
    ['solver', 'atol'],
    ['solver', 'stiff'],
    ['interventions', 0, 'start'],
    ['interventions', 0, 'stop'],
    ['interventions', 0, 'kind'],
  ];
}

const mutatedScenario = fc.oneof(
  ...baseScenarios.map((base) =>
    mutationsOf(base, extraPaths(registry.get(base.model))).map((mutations) => ({
      base: base.model,
      mutations,
      scenario: applyMutations(base, mutations),
    })),
  ),
);

/**
 * Resolves and runs one scenario: 'refused' (a ValidationError naming a field) or 'ran'. Runs the first and the
 * last replicate only (each replicate is the same computation on its own stream), after the memory budget has
 * been checked for all of them, as `runScenario` does.
 */
async function runOrRefuse(scenario: unknown): Promise<'refused' | 'ran'> {
  const signal = AbortSignal.timeout(CASE_TIME_LIMIT_MS);
  try {
    const resolved = registry.resolve(scenario);
    checkMemoryBudget(resolved);
    const replicateIndices = [...new Set([0, resolved.replicates - 1])];
    await runScenario(resolved, { signal, replicateIndices, chunkMilliseconds: 50 });
    return 'ran';
  } catch (error) {
    if (signal.aborted) {
      throw new Error(`an accepted scenario was still running after ${CASE_TIME_LIMIT_MS / 1000} s`, { cause: error });
    }
    return expectRefusal(error);
  }
}

describe('fuzzed scenarios (every model and method)', () => {
  const tally = new OutcomeTally('scenarios');
  afterAll(() => tally.report());

  it(
    'run or are refused with a ValidationError naming a field',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedScenario, async ({ base, scenario }) => {
          tally.add(`${await runOrRefuse(scenario)} (${base})`);
        }),
        fuzzParameters(400),
      );
      expect(Object.keys(tally.values).some((k) => k.startsWith('ran'))).toBe(true);
      expect(Object.keys(tally.values).some((k) => k.startsWith('refused'))).toBe(true);
    },
    fuzzTestTimeout,
  );
});
