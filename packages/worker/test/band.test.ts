import { describe, expect, it } from 'vitest';
import { ModelRegistry, runBand, ValidationError, type BandSpec, type Scenario } from '@immunotwin/engine';
import { builtInModels } from '@immunotwin/models';
import { TwinSession, type IBandResult } from '../src/index.js';
import { expectBitIdentical, ssaScenario, waitFor } from './helpers.js';

const registry = new ModelRegistry();
for (const plugin of builtInModels) registry.register(plugin);

/** The target-cell-limited model (an ODE by default) over 8 days. */
const tcl: Scenario = { model: 'target-cell-limited', duration: 8, outputInterval: 0.1, seed: 42 };

async function bandOf(scenario: Scenario, band: BandSpec): Promise<IBandResult> {
  const session = new TwinSession({ plugins: builtInModels });
  await session.create(scenario);
  return session.band(band);
}

/** Asserts two band results hold the same numbers, bit for bit. */
function expectSameBand(actual: IBandResult, expected: Pick<IBandResult, 'time' | 'summary'>): void {
  expectBitIdentical(actual.time, expected.time, 'time');
  for (const [id, stats] of Object.entries(expected.summary.observables)) {
    const got = actual.summary.observables[id];
    expectBitIdentical(got.median, stats.median, `${id} median`);
    expectBitIdentical(got.mean, stats.mean, `${id} mean`);
    stats.bands.forEach((band, q) => expectBitIdentical(got.bands[q], band, `${id} band ${q}`));
  }
}

/** Σ over the samples of log(high/low): how wide the outer band of an observable is over the run. */
function logWidth(result: IBandResult, id: string): number {
  const { bands } = result.summary.observables[id];
  const low = bands[0];
  const high = bands[bands.length - 1];
  let sum = 0;
  for (let i = 0; i < low.length; i++) sum += Math.log(high[i] / low[i]);
  return sum;
}

describe('TwinSession.band: a cohort of the target-cell-limited model', () => {
  it('varies every continuous parameter by default and gives a band that contains its median', async () => {
    const result = await bandOf(tcl, { kind: 'cohort', size: 20 });
    expect(result.band).toEqual({
      kind: 'cohort',
      size: 20,
      spread: 0.3,
      parameters: ['U0', 'V0', 'beta', 'p', 'c', 'delta', 'k'],
    });
    expect(result.scenario.parameters?.c).toBe(5.2);
    expect(result.time).toBeInstanceOf(Float64Array);
    expect(result.time.length).toBe(81);
    for (const id of ['V', 'U', 'I']) {
      const { median, bands } = result.summary.observables[id];
      expect(bands).toHaveLength(result.summary.quantiles.length);
      median.forEach((m, i) => {
        expect(bands[0][i]).toBeLessThanOrEqual(m);
        expect(bands[bands.length - 1][i]).toBeGreaterThanOrEqual(m);
      });
    }
    // Not a degenerate band: the patients differ.
    expect(logWidth(result, 'V')).toBeGreaterThan(1);
  });

  it('widens with the spread', async () => {
    const narrow = await bandOf(tcl, { kind: 'cohort', size: 20, spread: 0.1 });
    const wide = await bandOf(tcl, { kind: 'cohort', size: 20, spread: 0.5 });
    expect(logWidth(wide, 'V')).toBeGreaterThan(2 * logWidth(narrow, 'V'));
    expect(logWidth(wide, 'U')).toBeGreaterThan(2 * logWidth(narrow, 'U'));
  });

  it('gives the same numbers for the same seed, bit for bit — those of the engine’s runBand — and others for another', async () => {
    const band: BandSpec = { kind: 'cohort', size: 12, spread: 0.4, parameters: ['beta', 'c'] };
    const first = await bandOf(tcl, band);
    expectSameBand(await bandOf(tcl, band), first);
    const resolved = registry.resolve(tcl);
    expectSameBand(first, await runBand(resolved, band));
    const other = await bandOf({ ...tcl, seed: 43 }, band);
    expect(Array.from(other.summary.observables.V.median)).not.toEqual(Array.from(first.summary.observables.V.median));
  });
});

describe('TwinSession.band: replicates', () => {
  it('runs the replicates of a stochastic scenario from its seed', async () => {
    const { replicates: _, ...scenario } = ssaScenario;
    const result = await bandOf(scenario, { kind: 'replicates', size: 4 });
    expect(result.band).toEqual({ kind: 'replicates', size: 4 });
    expectSameBand(result, await runBand(registry.resolve(scenario), { kind: 'replicates', size: 4 }));
    const { bands } = result.summary.observables.P;
    expect(bands[bands.length - 1].some((high, i) => high > bands[0][i])).toBe(true);
  });

  it('refuses replicates of an ODE run with a message saying what works instead', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(tcl);
    const error = await session.band({ kind: 'replicates', size: 20 }).catch((e: unknown) => e as ValidationError);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      'Invalid band: kind: "replicates" of an ode run would all be the same run; allowed: "cohort", or "replicates" with a stochastic method (ssa, tau-leaping) or a stepped model',
    );
  });
});

describe('TwinSession.band: progress, cancellation and the session around it', () => {
  it('reports progress, is cancelled with an AbortError, and leaves the session usable', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(tcl);
    await session.run();
    const fractions: number[] = [];
    const running = session.band(
      { kind: 'cohort', size: 200 },
      { chunkMilliseconds: 0, onProgress: (p) => void fractions.push(p.fraction) },
    );
    await waitFor(() => fractions.length >= 3, 'three progress reports');
    const status = await session.status();
    expect(status).toMatchObject({ state: 'running', hasResult: true });
    expect(status.progress).toBe(fractions.at(-1));
    await expect(session.run()).rejects.toThrow('a band is being computed in this session; await or cancel it first');
    await expect(session.setParameters({ c: 3 })).rejects.toThrow(
      'cannot change parameters while a band is being computed; cancel it first (or await it)',
    );
    await session.cancel();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(fractions.at(-1)!).toBeLessThan(1);
    expect(await session.status()).toEqual({ state: 'ready', progress: 1, hasResult: true });
    // The next band runs to the end.
    fractions.length = 0;
    await session.band({ kind: 'cohort', size: 3 }, { onProgress: (p) => void fractions.push(p.fraction) });
    expect(fractions.at(-1)).toBe(1);
    fractions.forEach((f, i) => i > 0 && expect(f).toBeGreaterThanOrEqual(fractions[i - 1]));
  });

  it('refuses a band while a run is under way', async () => {
    const session = new TwinSession({ plugins: builtInModels });
    await session.create(tcl);
    let frames = 0;
    const running = session.run({ chunkMilliseconds: 0, onFrame: () => void frames++ });
    await waitFor(() => frames >= 1, 'a frame');
    await expect(session.band({ kind: 'cohort', size: 3 })).rejects.toThrow(
      'cannot compute a band while a run is in progress; cancel it first (or await it)',
    );
    await running;
  });
});
