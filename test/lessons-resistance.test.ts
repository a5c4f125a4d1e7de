import { resolveScenario, runScenario, type RunResult } from '@immunotwin/engine';
import { createTwinApi } from '@immunotwin/kernel';
import { builtInModels } from '@immunotwin/models';
import { cellLineageExtinction } from '@immunotwin/model-within-host';
import { describe, expect, it } from 'vitest';

// What notebooks/lesson-sources/drug-resistance.md tells students, checked against runs of the influenza-resistance
// model made here (other seeds than the tasks'), its manifest and the branching-process theory — not against the task
// definitions in packages/kernel/src/lessons/drugResistance.ts.

const modelOf = (id: string) => builtInModels.find((m) => m.manifest.id === id)!;
const twin = createTwinApi(modelOf('target-cell-limited'), { resolveModel: modelOf });
const taskValue = async (id: string) => (await twin.check(id, 0)).expected;
const plugin = modelOf('influenza-resistance');
const defaults = Object.fromEntries(plugin.manifest.parameters.map((p) => [p.id, p.default])) as Record<string, number>;

const max = (values: Float64Array): number => values.reduce((m, v) => Math.max(m, v), -Infinity);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Runs of the model (stochastic: one virion, 7 days), the drug (its defaults) from `start` (none when undefined). */
async function runs(options: {
  start?: number;
  parameters?: Record<string, number>;
  seed?: number;
  replicates?: number;
  method?: 'ode' | 'tau-leaping';
}): Promise<RunResult[]> {
  const { start, method = 'tau-leaping' } = options;
  const scenario = resolveScenario(plugin, {
    model: 'influenza-resistance',
    method,
    // Stochastic runs as the lesson makes them: one virion, 7 days, the drug to day 7.
    ...(method === 'ode' ? {} : { replicates: options.replicates ?? 100, seed: options.seed ?? 1, duration: 7 }),
    parameters: { ...(method === 'ode' ? {} : { V0: 1 }), ...options.parameters },
    interventions:
      start === undefined ? [] : [{ kind: 'neuraminidaseInhibitor', start, stop: method === 'ode' ? 10 : 7 }],
  });
  return [...(await runScenario(scenario)).runs];
}

/** The share of runs whose resistant virus peaks above 10³ TCID50/mL (the lesson's "takes over"). */
const takeOver = (result: RunResult[]) =>
  result.filter((run) => max(run.observables.Vr!) > 1000).length / result.length;

/** Shares over seeds 11–20, 100 runs each. */
async function sharesOverSeeds(start: number, parameters: Record<string, number> = {}): Promise<number[]> {
  const shares: number[] = [];
  for (let seed = 11; seed <= 20; seed++) shares.push(takeOver(await runs({ start, parameters, seed })));
  return shares;
}

describe('drug resistance lesson: the model as the background describes it', () => {
  it('μ = 10⁻⁵, ε = 0.985 (1.82 log10), no effect on resistant virus, f = 0.1; a resistant cell releases a virion with probability under 1 %', () => {
    expect(defaults.mu).toBe(1e-5);
    expect(defaults.fitnessCost).toBe(0.1);
    const drug = plugin.manifest.interventions.find((i) => i.kind === 'neuraminidaseInhibitor')!;
    const field = (id: string) => drug.fields.find((f) => f.id === id)!.default;
    expect(field('efficacy')).toBe(0.985);
    expect(1 - 10 ** -1.82).toBeCloseTo(field('efficacy') as number, 3);
    expect(field('resistantEfficacy')).toBe(0);
    const { pR, fitnessCost, delta } = defaults;
    expect((pR! * (1 - fitnessCost!)) / delta!).toBeLessThan(0.01);
  });
});

describe('drug resistance lesson: what students find', () => {
  it('the ODE with the drug from day 1: the resistant virus peaks near 6.8×10⁵ around day 3.6, from fractions of a virion', async () => {
    const [run] = await runs({ method: 'ode', start: 1 });
    const vr = run!.observables.Vr!;
    const peak = max(vr);
    expect(peak).toBeGreaterThan(6.5e5);
    expect(peak).toBeLessThan(7.1e5);
    const day = run!.time[vr.indexOf(peak)]!;
    expect(Math.abs(day - 3.6)).toBeLessThanOrEqual(0.2);
    // It replaces the sensitive strain, which the drug holds at its day-1 level.
    expect(peak / max(run!.observables.Vs!)).toBeGreaterThan(1000);
    // Before the drug starts the ODE's resistant virus is a fraction of one virion.
    expect(vr[run!.time.findIndex((t) => t >= 1 - 1e-9)]!).toBeLessThan(1);
    expect(Math.abs((await taskValue('resistance.ode-peak')) / peak - 1)).toBeLessThan(1e-9);
  });

  it('seed 1 as the teacher notes say: about 42 % from day 1, 4 % from day 2, 30 % with a 50 % cost', async () => {
    expect(Math.abs((await taskValue('resistance.early-treatment')) - 0.42)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((await taskValue('resistance.late-treatment')) - 0.04)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((await taskValue('resistance.fitness-cost')) - 0.3)).toBeLessThanOrEqual(0.01);
  }, 60_000);

  it('over 10 other seeds: resistance takes over in about 4 in 10 runs from day 1 and rarely from day 2; a 50 % cost scales each mutant’s chance by π(0.5)/π(0.1)', async () => {
    const early = await sharesOverSeeds(1);
    const late = await sharesOverSeeds(2);
    const costly = await sharesOverSeeds(1, { fitnessCost: 0.5 });
    // 1000 runs each: one standard error of a share near 0.4 is 0.015.
    expect(mean(early), early.join(', ')).toBeGreaterThan(0.32);
    expect(mean(early), early.join(', ')).toBeLessThan(0.5);
    expect(mean(late), late.join(', ')).toBeLessThan(0.08);
    // The Poisson mean of successful mutants, −ln(1 − share): "near 0.5".
    const hazard = -Math.log(1 - mean(early));
    expect(hazard).toBeGreaterThan(0.38);
    expect(hazard).toBeLessThan(0.7);
    // The same mutants, each succeeding with 1 − q_I of its own strain (branching process): the cost's factor 0.53.
    const { beta, pR, c, delta, U0 } = defaults;
    const success = (f: number) =>
      1 - cellLineageExtinction({ beta: beta!, p: pR! * (1 - f), c: c!, delta: delta!, U: U0! });
    const factor = success(0.5) / success(0.1);
    expect(factor).toBeCloseTo(0.53, 2);
    const predicted = 1 - (1 - mean(early)) ** factor;
    // The prediction carries the early share's error (0.015 × 0.53 × (1 − P)^(factor − 1) ≈ 0.01) and the costly share
    // its own (0.014): 3.5 combined standard errors ≈ 0.06.
    expect(Math.abs(mean(costly) - predicted), costly.join(', ')).toBeLessThan(0.06);
    // "≈ 0.25" from seed 1's 0.42 in the notes.
    expect(1 - (1 - 0.42) ** factor).toBeCloseTo(0.25, 2);
  }, 120_000);

  it('by day 2 the sensitive virus has infected nearly all target cells, fewer than the resistant strain needs (1/R ≈ 1/20)', async () => {
    const untreated = (await runs({ seed: 21 })).filter((run) => max(run.observables.Vs!) > 1000);
    const day2 = untreated[0]!.time.findIndex((t) => t >= 2 - 1e-9);
    const left = untreated.map((run) => run.observables.targetFraction![day2]!);
    const { beta, pR, c, delta, U0, fitnessCost } = defaults;
    const resistantR0 = (beta! * pR! * (1 - fitnessCost!) * U0!) / (c! * delta!);
    expect(resistantR0).toBeGreaterThan(19);
    expect(resistantR0).toBeLessThan(21);
    expect(median(left)).toBeLessThan(1 / resistantR0);
  });

  it('from day 1: about a million infections by then, several million in all, so some dozens of mutant cells', async () => {
    const treated = (await runs({ start: 1, seed: 22 })).filter(
      (run) => max(run.observables.Vs!) > 10 && max(run.observables.Vr!) <= 1000,
    );
    const day1 = treated[0]!.time.findIndex((t) => t >= 1 - 1e-9);
    const byDay1 = median(treated.map((run) => defaults.U0! - run.observables.U![day1]!));
    const total = median(treated.map((run) => defaults.U0! - run.observables.U!.at(-1)!));
    expect(byDay1).toBeGreaterThan(3e5);
    expect(byDay1).toBeLessThan(3e6);
    expect(total).toBeGreaterThan(2e6);
    expect(total).toBeLessThan(2e7);
    expect(defaults.mu! * total).toBeGreaterThan(12);
    expect(defaults.mu! * total).toBeLessThan(200);
  });
});
