/**
 * `twin.fit()`: recovers the parameters that made a synthetic course, names the field of a bad option, stops at an
 * interrupt leaving a line that says where, and gives the same bits on a worker pool as in this thread.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseObservationsCsv, type ObservedDataset } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { createInlinePool, type WorkerPool } from '@immunotwin/worker';
import type { MimeBundle } from '../src/mime.js';
import { KeyboardInterrupt } from '../src/errors.js';
import { createTwinApi } from '../src/twinApi.js';

const HAYDEN = readFileSync(new URL('../../../examples/data/hayden1996.csv', import.meta.url), 'utf8');
const pools: WorkerPool[] = [];
afterAll(() => pools.forEach((p) => p.dispose()));

/** log10 V of the twin's run at days 1…8 (noise-free), as a dataset. */
async function syntheticCourse(values: Record<string, number>): Promise<ObservedDataset> {
  const twin = createTwinApi(targetCellLimited);
  twin.set(values);
  const series = twin.observe(await twin.run({ duration: 8 }), 'V');
  const days = [1, 2, 3, 4, 5, 6, 7, 8];
  const at = (day: number) => series.values[series.time.findIndex((t) => Math.abs(t - day) < 1e-9)]!;
  return {
    name: 'synthetic',
    source: 'test',
    observable: 'log10V',
    unit: 'log10 TCID50/mL',
    time: days,
    values: days.map((d) => Math.log10(at(d))),
  };
}

describe('twin.fit', () => {
  it('recovers beta, p and c from a noise-free synthetic course, starting from other values', async () => {
    const truth = { beta: 5e-5, p: 0.02, c: 3 };
    const data = await syntheticCourse(truth);
    const twin = createTwinApi(targetCellLimited);
    const fit = await twin.fit([data], {
      estimate: [
        { id: 'beta', lower: 1e-6, upper: 1e-3 },
        { id: 'p', lower: 1e-3, upper: 1 },
        { id: 'c', lower: 0.3, upper: 30 },
      ],
      starts: 4,
      profiles: false,
    });
    // Noise-free data: the least-squares optimum is the truth; 1e-3 relative allows for the solver's tolerance.
    for (const [id, value] of Object.entries(truth)) expect(fit.estimates[id]! / value).toBeCloseTo(1, 3);
    expect(fit.result.method).toBe('levenberg-marquardt');
    expect(twin.parameters.beta).toBe(3.2e-5); // not applied until asked
    fit.apply();
    expect(twin.parameters.beta).toBe(fit.estimates.beta);
  });

  it('gives profile intervals holding the estimate, a table and a plot of data and fitted curve', async () => {
    const twin = createTwinApi(targetCellLimited);
    const censorFree = {
      observations: [
        { observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 1 }, censor: false },
      ],
    };
    const fit = await twin.fit(HAYDEN, {
      estimate: ['beta', 'p', 'c'],
      group: 'untreated',
      starts: 2,
      observation: censorFree,
    });
    expect(fit.text()).toMatch(/^fit \(levenberg-marquardt, 2 starts, 95 % intervals\)/);
    for (const p of fit.result.parameters) {
      const [lower, upper] = fit.intervals[p.id]!;
      expect(lower).toBeLessThan(p.estimate);
      expect(upper).toBeGreaterThan(p.estimate);
    }
    expect(fit.aicc).toBeCloseTo(2 * 3 + 2 * fit.negLogLikelihood + (2 * 3 * 4) / (9 - 3 - 1), 9);
    const html = String(fit.toMimeBundle().data['text/html']);
    expect(html.match(/<tr>/g)).toHaveLength(4); // header and one row per parameter
    const plot = fit.plot().bundle;
    expect(plot.observables).toEqual(['log10V']);
    expect(plot.observed![0]!.values).toHaveLength(9);
    // The curve at day 2 is the model's prediction there, which the fit put near the observed 2.73.
    const curve = plot.runs[0]!;
    const day2 = curve.observables.log10V![curve.time.findIndex((t) => Math.abs(t - 2) < 1e-9)]!;
    expect(Math.abs(day2 - 2.73)).toBeLessThan(1);
  });

  it('says "1 start" for one start, in its summary and its progress line', async () => {
    const shown: string[] = [];
    const output = {
      show: (bundle: MimeBundle) => shown.push(String(bundle.data['text/plain'])),
      update: (bundle: MimeBundle) => shown.push(String(bundle.data['text/plain'])),
    };
    const twin = createTwinApi(targetCellLimited, { progressOutput: () => output });
    const fit = await twin.fit(HAYDEN, { estimate: ['beta'], group: 'untreated', starts: 1, profiles: false });
    expect(fit.text()).toMatch(/^fit \([\w-]+, 1 start, 95 % intervals\)/);
    expect(shown.at(-1)).toMatch(/^fit: 1 start in \d+\.\d s$/);
  });

  it('names the field of a bad option', async () => {
    const twin = createTwinApi(targetCellLimited);
    await expect(twin.fit(HAYDEN, { estimate: ['beta'] })).rejects.toThrow(/3 groups; choose one with \{ group/);
    await expect(twin.fit(HAYDEN, { estimate: ['beta'], group: 'none' })).rejects.toThrow(
      /group "none" is not in the data; allowed: treated-29h/,
    );
    await expect(twin.fit(HAYDEN, { estimate: ['beta', 'nope'], group: 'untreated' })).rejects.toThrow(
      /estimate\[1\]: "nope" is not a parameter of "target-cell-limited"/,
    );
    await expect(twin.fit(HAYDEN, { estimate: ['beta'], group: 'untreated', starts: 0 })).rejects.toThrow(
      /starts is 0; allowed: a whole number from 1/,
    );
    await expect(twin.fit(HAYDEN, { estimate: [], group: 'untreated' })).rejects.toThrow(/estimate must list/);
    await expect(twin.fit([{ foo: 1 }], { estimate: ['beta'] })).rejects.toThrow(/data\[0\]\.observable: is required/);
    await expect(
      twin.fit([{ observable: 'log10V', time: [1], values: ['x'] }], { estimate: ['beta'] }),
    ).rejects.toThrow(/experiments\[0\]\.data\[0\]\.name: is required/);
  });

  it('stops at an interrupt and leaves a line saying where', async () => {
    const shown: string[] = [];
    const output = {
      show: (bundle: MimeBundle) => shown.push(String(bundle.data['text/plain'])),
      update: (bundle: MimeBundle) => shown.push(String(bundle.data['text/plain'])),
    };
    let polls = 0;
    const twin = createTwinApi(targetCellLimited, { interrupted: () => ++polls > 3, progressOutput: () => output });
    await expect(
      twin.fit(HAYDEN, { estimate: ['beta', 'p', 'c'], group: 'untreated', starts: 50 }),
    ).rejects.toBeInstanceOf(KeyboardInterrupt);
    expect(shown.at(-1)).toMatch(/^fit stopped in its starts after \d+ /);
  });

  it('gives the same result to the bit on a worker pool as in this thread', async () => {
    const options = { estimate: ['beta', 'p', 'c'], group: 'untreated', starts: 3, profiles: false };
    const alone = await createTwinApi(targetCellLimited).fit(HAYDEN, options);
    const pool = () => {
      const made = createInlinePool(builtInDescriptors);
      pools.push(made);
      return made;
    };
    const pooled = await createTwinApi(targetCellLimited, { pool }).fit(HAYDEN, options);
    expect(pooled.result).toEqual(alone.result);
    expect(parseObservationsCsv(HAYDEN).length).toBe(3);
  });
});
