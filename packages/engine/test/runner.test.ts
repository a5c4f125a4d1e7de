import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  quantileOfSorted,
  resolveScenario,
  ResultsJsonSchema,
  resultsToCsv,
  resultsToJson,
  runScenario,
  runScenarioSync,
  sampleTimes,
  SchemaValidator,
  simulate,
  simulateSync,
  type RunProgress,
} from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';
import { readFileSync } from 'node:fs';

/** A(t) for dA/dt = s − k·A from A(t0) = a0. */
const decay = (a0: number, k: number, s: number, dt: number): number => s / k + (a0 - s / k) * Math.exp(-k * dt);

describe('ODE runs of a reaction network', () => {
  it('match the closed form at every sample within the requested tolerance', () => {
    const { runs } = simulateSync(decayModel, {
      model: 'decay-test',
      parameters: { k: 0.7, s: 40 },
      duration: 12,
      outputInterval: 0.25,
      solver: { rtol: 1e-9, atol: 1e-9 },
    });
    const { time, observables } = runs[0];
    expect(time.length).toBe(49);
    for (let i = 0; i < time.length; i++) {
      const exact = decay(1000, 0.7, 40, time[i]);
      expect(Math.abs(observables.A[i] - exact) / exact).toBeLessThan(1e-7);
      expect(observables.twiceA[i]).toBe(2 * observables.A[i]);
    }
  });

  it('stay exact across intervention starts and stops (dose, rate change, depletion)', () => {
    const k = 0.5;
    const { runs } = simulateSync(decayModel, {
      model: 'decay-test',
      parameters: { k },
      duration: 8,
      outputInterval: 0.1,
      interventions: [
        { kind: 'slowdown', start: 3, stop: 5, factor: 0.2 },
        { kind: 'dose', start: 2, amount: 250 },
        { kind: 'deplete', start: 6.05, fraction: 0.25 },
      ],
      solver: { rtol: 1e-10, atol: 1e-10 },
    });
    // Piecewise closed form.
    const a2 = decay(1000, k, 0, 2) + 250;
    const a3 = decay(a2, k, 0, 1);
    const a5 = decay(a3, k * 0.2, 0, 2);
    const a605 = decay(a5, k, 0, 1.05) * 0.75;
    const exact = (t: number): number =>
      t < 2
        ? decay(1000, k, 0, t)
        : t < 3
          ? decay(a2, k, 0, t - 2)
          : t < 5
            ? decay(a3, 0.2 * k, 0, t - 3)
            : t < 6.05
              ? decay(a5, k, 0, t - 5)
              : decay(a605, k, 0, t - 6.05);
    const { time, observables } = runs[0];
    for (let i = 0; i < time.length; i++) {
      expect(Math.abs(observables.A[i] - exact(time[i])) / exact(time[i])).toBeLessThan(1e-8);
    }
    // A dose at a sample time shows in that sample.
    expect(observables.A[20]).toBeCloseTo(a2, 6);
  });
});

describe('sample times', () => {
  it('are k·Δ up to the duration, with the end appended when it is not a multiple', () => {
    expect(Array.from(sampleTimes(1, 0.25))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(sampleTimes(1, 0.3))).toEqual([0, 0.3, 0.6, 0.8999999999999999, 1]);
    expect(sampleTimes(30, 0.1).length).toBe(301);
  });
});

describe('stochastic runs', () => {
  it('SSA decay averages to the binomial mean A0·e^(−kt)', () => {
    const result = simulateSync(decayModel, {
      model: 'decay-test',
      method: 'ssa',
      duration: 2,
      outputInterval: 1,
      replicates: 400,
      seed: 7,
    });
    const p = Math.exp(-0.5 * 2);
    const mean = result.summary!.observables.A.mean[2];
    const se = Math.sqrt((1000 * p * (1 - p)) / 400);
    expect(Math.abs(mean - 1000 * p)).toBeLessThan(5 * se); // 5 standard errors: fails by chance with p < 1e-6
    for (const run of result.runs) for (const a of run.observables.A) expect(Number.isInteger(a) && a >= 0).toBe(true);
  });

  it('apply whole-number doses and binomial depletion', () => {
    const { runs } = simulateSync(decayModel, {
      model: 'decay-test',
      method: 'ssa',
      parameters: { k: 0 },
      duration: 3,
      outputInterval: 1,
      interventions: [
        { kind: 'dose', start: 1, amount: 10.4 },
        { kind: 'deplete', start: 2, fraction: 1 },
      ],
    });
    expect(Array.from(runs[0].observables.A)).toEqual([1000, 1010, 0, 0]);
  });
});

describe('determinism', () => {
  const scenario = {
    model: 'decay-test',
    method: 'ssa',
    parameters: { s: 50 },
    duration: 5,
    outputInterval: 0.5,
    replicates: 4,
    seed: 99,
  };

  it('gives bit-identical results for the same scenario and seed', () => {
    const a = simulateSync(decayModel, scenario);
    const b = simulateSync(decayModel, scenario);
    expect(a.runs.map((r) => Array.from(r.observables.A))).toEqual(b.runs.map((r) => Array.from(r.observables.A)));
    const c = simulateSync(decayModel, { ...scenario, seed: 100 });
    expect(c.runs.map((r) => Array.from(r.observables.A))).not.toEqual(a.runs.map((r) => Array.from(r.observables.A)));
  });

  it('does not depend on replicate order, chunking or sync/async execution', async () => {
    const resolved = resolveScenario(decayModel, scenario);
    const all = runScenarioSync(resolved);
    const reversed = runScenarioSync(resolved, { replicateIndices: [3, 2, 1, 0] });
    expect(reversed.runs.map((r) => r.metadata.replicate)).toEqual([3, 2, 1, 0]);
    for (const run of reversed.runs) {
      expect(Array.from(run.observables.A)).toEqual(Array.from(all.runs[run.metadata.replicate].observables.A));
    }
    const chunked = await runScenario(resolved, { chunkMilliseconds: 0 });
    expect(chunked.runs.map((r) => Array.from(r.observables.A))).toEqual(
      all.runs.map((r) => Array.from(r.observables.A)),
    );
  });
});

describe('progress and cancellation', () => {
  it('reports increasing progress that ends at 1', async () => {
    const seen: RunProgress[] = [];
    await simulate(
      decayModel,
      { model: 'decay-test', method: 'ssa', duration: 5, outputInterval: 0.01, replicates: 3 },
      { chunkMilliseconds: 0, onProgress: (p) => seen.push(p) },
    );
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
    expect(seen.at(-1)!.fraction).toBe(1);
    expect(seen.at(-1)!.replicates).toBe(3);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const run = simulate(
      decayModel,
      { model: 'decay-test', method: 'ssa', parameters: { s: 1e5, k: 100 }, duration: 100, outputInterval: 0.001 },
      {
        chunkMilliseconds: 1,
        signal: controller.signal,
        onProgress: () => ++chunks === 2 && controller.abort(new Error('stop please')),
      },
    );
    await expect(run).rejects.toThrow('stop please');
    expect(chunks).toBe(2);
  });

  it('rejects invalid scenarios without running', async () => {
    await expect(simulate(decayModel, { model: 'decay-test', duration: 0 })).rejects.toThrow(
      /duration: must be > 0; got 0/,
    );
  });
});

describe('ensembles and export', () => {
  it('compute type-7 quantiles', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([5], 0.9)).toBe(5);
    expect(quantileOfSorted([0, 10], 0.05)).toBe(0.5);
  });

  it('summarise replicates with mean, median and bands at each time', () => {
    const result = simulateSync(decayModel, {
      model: 'decay-test',
      method: 'ssa',
      duration: 1,
      outputInterval: 1,
      replicates: 5,
      quantiles: [0.9, 0.1],
    });
    const values = result.runs.map((r) => r.observables.A[1]).sort((a, b) => a - b);
    const s = result.summary!;
    expect(s.quantiles).toEqual([0.1, 0.9]);
    expect(s.observables.A.mean[1]).toBeCloseTo(values.reduce((a, b) => a + b) / 5, 10);
    expect(s.observables.A.median[1]).toBe(values[2]);
    expect(s.observables.A.bands[0][1]).toBeCloseTo(values[0] + 0.4 * (values[1] - values[0]), 10);
  });

  it('write CSV that parses back to exactly the simulated numbers', () => {
    const result = simulateSync(decayModel, {
      model: 'decay-test',
      parameters: { k: 0.3 },
      duration: 2,
      outputInterval: 0.5,
    });
    const lines = resultsToCsv(result).trim().split('\n');
    expect(lines[0]).toBe('time,A,twiceA');
    expect(lines.length).toBe(6);
    const row = lines[3].split(',').map(Number);
    expect(row[0]).toBe(1);
    expect(row[1]).toBe(result.runs[0].observables.A[2]);
    const ensemble = simulateSync(decayModel, {
      model: 'decay-test',
      method: 'ssa',
      duration: 1,
      outputInterval: 1,
      replicates: 2,
    });
    expect(resultsToCsv(ensemble).split('\n').slice(0, 2)).toEqual(['replicate,time,A,twiceA', '0,0,1000,2000']);
  });

  it('write JSON that matches the results schema and records provenance', () => {
    const result = simulateSync(decayModel, {
      model: 'decay-test',
      method: 'tau-leaping',
      duration: 1,
      outputInterval: 0.5,
      replicates: 3,
      seed: 5,
    });
    const json = JSON.parse(JSON.stringify(resultsToJson(result)));
    new SchemaValidator(ResultsJsonSchema, 'results').parse(json);
    expect(json.runs[2].metadata).toMatchObject({
      model: { id: 'decay-test', version: '1.2.3' },
      engineVersion: ENGINE_VERSION,
      method: 'tau-leaping',
      seed: 5,
      replicate: 2,
      initial: { A: 1000 },
      units: { time: 'day', A: 'molecules' },
    });
    expect(json.summary.observables.A.bands).toHaveLength(5);
    expect(json.scenario).toMatchObject({
      model: 'decay-test',
      seed: 5,
      replicates: 3,
      parameters: { k: 0.5, s: 0, A0: 1000, n: 2 },
    });
  });

  it('records the engine version from package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
