import { describe, expect, it } from 'vitest';
import { ModelRegistry, resolveScenario, runScenario, simulateSync, type Scenario } from '@immunotwin/engine';
import {
  cellLineageExtinction,
  drugResistance,
  emergenceProbability,
  targetCellLimited,
  withinHostModels,
} from '../src/index.js';
import { series } from './runReaders.js';

const tight = { rtol: 1e-10, atol: 1e-12 };
const max = (values: Float64Array): number => values.reduce((m, v) => Math.max(m, v), -Infinity);
const byDefault = Object.fromEntries(drugResistance.manifest.parameters.map((p) => [p.id, p.default]));

/** The share of a stochastic scenario's runs whose resistant virus ever reaches `threshold`. */
async function emergedShare(scenario: Omit<Scenario, 'model'>, threshold: number): Promise<number> {
  const result = await runScenario(resolveScenario(drugResistance, { model: 'influenza-resistance', ...scenario }));
  return result.runs.filter((run) => max(series(run, 'Vr')) >= threshold).length / result.runs.length;
}

/** An intervention as a scenario lists it: kind, start, stop and its fields. */
type Scheduled = { kind: string; start: number; stop?: number } & Record<string, number | string>;

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('influenza-resistance model: manifest', () => {
  it('registers with a unit, a range and a source for every parameter, and its preset is its defaults', () => {
    const registry = new ModelRegistry();
    for (const plugin of withinHostModels) registry.register(plugin);
    expect(registry.get('influenza-resistance')).toBe(drugResistance);
    for (const p of drugResistance.manifest.parameters) {
      expect(p.unit, p.id).not.toBe('');
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
    expect(drugResistance.manifest.presets[0]!.parameters).toEqual(byDefault);
    // The illustrative value says so where it is given.
    const cost = drugResistance.manifest.parameters.find((p) => p.id === 'fitnessCost')!;
    expect(cost.source).toMatch(/^illustrative/);
  });
});

describe('influenza-resistance model: deterministic limits', () => {
  const tcl = (interventions: Scheduled[] = []) =>
    simulateSync(targetCellLimited, {
      model: 'target-cell-limited',
      duration: 10,
      outputInterval: 0.1,
      solver: tight,
      interventions: interventions as Scenario['interventions'],
    }).runs[0]!;
  const resistance = (parameters: Record<string, number>, interventions: Scheduled[] = []) =>
    simulateSync(drugResistance, {
      model: 'influenza-resistance',
      duration: 10,
      outputInterval: 0.1,
      solver: tight,
      parameters,
      interventions: interventions as Scenario['interventions'],
    }).runs[0]!;

  it('without mutation is the target-cell-limited model (Baccam 2006 with eclipse), untreated and treated', () => {
    for (const [drug, inhibitor] of [
      [[], []],
      [
        [{ kind: 'neuraminidaseInhibitor', start: 1, stop: 6, efficacy: 0.9 }],
        [{ kind: 'productionInhibitor', start: 1, stop: 6, efficacy: 0.9 }],
      ],
    ] as const) {
      const reference = tcl([...inhibitor]);
      const run = resistance({ mu: 0 }, [...drug]);
      expect(max(series(run, 'Vr'))).toBe(0);
      for (const [mine, theirs] of [
        ['Vs', 'V'],
        ['U', 'U'],
        ['Is', 'I'],
        ['Es', 'E'],
      ] as const) {
        const a = series(run, mine);
        const b = series(reference, theirs);
        const scale = max(b);
        // Two integrations of the same equations at rtol 1e-10: agreement to 1e-7 of the peak.
        for (let i = 0; i < a.length; i++)
          expect(Math.abs(a[i]! - b[i]!), `${mine} at ${run.time[i]}`).toBeLessThan(1e-7 * scale);
      }
    }
  });

  it('a resistant strain with no cost and a drug it resists runs as the sensitive strain would without the drug', () => {
    const reference = tcl();
    const run = resistance({ V0: 0, VR0: byDefault.V0!, mu: 0, fitnessCost: 0 }, [
      { kind: 'neuraminidaseInhibitor', start: 0, stop: 10, efficacy: 0.99, resistantEfficacy: 0 },
    ]);
    const a = series(run, 'Vr');
    const b = series(reference, 'V');
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-7 * max(b));
  });

  it('a fitness cost f lowers the resistant strain’s R0 to (1 − f)·βpU0/(cδ): at f = 1 − 1/R0 it cannot grow', () => {
    const { beta, p, U0, c, delta } = byDefault as Record<string, number>;
    const r0 = (beta * p * U0) / (c * delta);
    const grows = (f: number) => {
      const run = resistance({ V0: 0, VR0: 1, fitnessCost: f, mu: 0 });
      return max(series(run, 'Vr')) > 1.0001;
    };
    expect(grows(1 - 1 / r0 - 0.01)).toBe(true);
    expect(grows(1 - 1 / r0 + 0.01)).toBe(false);
  });
});

describe('influenza-resistance model: stochastic emergence against the branching process', () => {
  const efficacy = 0.985;
  const drugFromStart = (duration: number) => [{ kind: 'neuraminidaseInhibitor', start: 0, stop: duration, efficacy }];
  const { beta, p, c, delta, U0, fitnessCost } = byDefault as Record<string, number>;

  it('a resistant lineage from one cell survives with probability 1 − q_I, q_I from the virion’s (1 + m)/(R0 + m)', () => {
    // By hand for the defaults with a 10 % cost: m = 0.9·0.046/5.2 = 0.007962, R = 0.9·R0 = 19.82, q_V = 1.007962/19.83
    // = 0.05083, q_I = 1/(1 + m·(1 − q_V)) = 0.99250.
    const qI = cellLineageExtinction({ beta, p: p * (1 - fitnessCost), c, delta, U: U0 });
    expect(qI).toBeCloseTo(0.9925, 4);
    expect(cellLineageExtinction({ beta, p, c: 1e3, delta, U: U0 })).toBe(1);
  });

  it('exact SSA (a small host, μ = 10⁻²): over 10 seeds the share of runs with resistance matches the estimate', async () => {
    // A host of 10⁵ target cells with β scaled up so that βU0/c, and so R0 and the lineage probabilities, are the
    // defaults'. One virion, the drug from t = 0 (sensitive R = 0.015·R0 = 0.33): the sensitive lineage makes about
    // 3700 infections (under 4 % of the cells, so U stays close to constant as the estimate assumes).
    const small = { U0: 1e5, beta: (beta * U0) / 1e5, V0: 1, mu: 1e-2 };
    const expected = emergenceProbability({
      beta: small.beta,
      c,
      delta,
      U: small.U0,
      pSensitive: (1 - efficacy) * p,
      pResistant: (1 - fitnessCost) * p,
      mu: small.mu,
      virions: 1,
    });
    expect(expected).toBeGreaterThan(0.15);
    expect(expected).toBeLessThan(0.25);
    const shares: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      // A resistant virion in a run means a mutant cell released one; 95 % of such lineages grow (q_V = 0.05), so
      // "ever one resistant virion" stands for establishment. Samples every 0.01 day see a virion (mean life 0.19 day)
      // 95 % of the time, and later ones of a growing lineage surely; 3 days cover the mutations and the eclipse
      // tail. (Samples every 0.05 day over 1.5 days missed about a tenth of the lineages: 0.17 over 600 runs.)
      shares.push(
        await emergedShare(
          {
            method: 'ssa',
            duration: 3,
            outputInterval: 0.01,
            replicates: 60,
            seed,
            parameters: small,
            interventions: drugFromStart(3),
          },
          1,
        ),
      );
    }
    // 600 runs: one standard error is √(P(1 − P)/600) ≈ 0.016; 3.5 of them, plus 0.01 for the 5 % of "emerged"
    // lineages that would still die out.
    const se = Math.sqrt((expected * (1 - expected)) / 600);
    expect(Math.abs(mean(shares) - expected), shares.join(', ')).toBeLessThan(3.5 * se + 0.01);
  }, 120_000);

  it('tau-leaping at the published scale (4×10⁸ cells, μ = 10⁻⁵, 1000 virions): over 10 seeds as the estimate', async () => {
    // With 1000 virions the sensitive infections are many independent lineages, so their number is near its mean
    // (3.7×10⁶, 1 % of the cells) and resistance emerges with the estimate's 0.24.
    const expected = emergenceProbability({
      beta,
      c,
      delta,
      U: U0,
      pSensitive: (1 - efficacy) * p,
      pResistant: (1 - fitnessCost) * p,
      mu: byDefault.mu!,
      virions: 1000,
    });
    expect(expected).toBeCloseTo(0.24, 2);
    const shares: number[] = [];
    for (let seed = 11; seed <= 20; seed++) {
      // An established resistant lineage peaks near 7×10⁵; one that dies out never reaches 100.
      shares.push(
        await emergedShare(
          {
            method: 'tau-leaping',
            duration: 4,
            outputInterval: 0.05,
            replicates: 40,
            seed,
            parameters: { V0: 1000 },
            interventions: drugFromStart(4),
          },
          100,
        ),
      );
    }
    // 400 runs: one standard error ≈ 0.021; allow 3.5 (tau-leaping approximates the exact process too).
    const se = Math.sqrt((expected * (1 - expected)) / 400);
    expect(Math.abs(mean(shares) - expected), shares.join(', ')).toBeLessThan(3.5 * se);
  }, 120_000);

  it('without the drug, resistance arises in most runs yet stays a minority: it peaks far below the sensitive strain', async () => {
    const result = await runScenario(
      resolveScenario(drugResistance, {
        model: 'influenza-resistance',
        method: 'tau-leaping',
        replicates: 50,
        seed: 3,
        parameters: { V0: 1 },
      }),
    );
    const infected = result.runs.filter((run) => max(series(run, 'Vs')) > 1000);
    const withMutants = infected.filter((run) => max(series(run, 'Vr')) >= 1);
    expect(withMutants.length / infected.length).toBeGreaterThan(0.8);
    const ratios = infected.map((run) => max(series(run, 'Vr')) / max(series(run, 'Vs')));
    expect(ratios.filter((r) => r > 0.5).length).toBeLessThanOrEqual(2);
  }, 60_000);
});
