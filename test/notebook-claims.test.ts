import { readFileSync } from 'node:fs';
import { createTwinApi } from '@immunotwin/kernel';
import { builtInDescriptors } from '@immunotwin/models';
import { immuneModel } from '@immunotwin/model-immune';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { describe, expect, it } from 'vitest';
import { KernelWorker } from '../packages/kernel/src/worker/kernelWorker.js';

// What the templates tell students: notebooks/01-treat-an-infection.ipynb checked with the same twin API its cells
// use, notebooks/03-write-your-own-model.ipynb by running its cells.

const twin = createTwinApi(targetCellLimited);

function peakOf(result: Awaited<ReturnType<typeof twin.run>>) {
  const { time, values } = twin.observe(result, 'V');
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return { titre: values[best], day: time[best] };
}

const lastOf = (result: Awaited<ReturnType<typeof twin.run>>, id: string) => {
  const { values } = twin.observe(result, id);
  return values[values.length - 1];
};

async function treated(start?: number) {
  twin.reset();
  if (start !== undefined) twin.intervene('oseltamivir', { start, stop: 5, dose: 75 });
  const result = await twin.run({ duration: 15 });
  twin.reset();
  return { ...peakOf(result), left: lastOf(result, 'targetFraction') };
}

describe('the treatment notebook', () => {
  it('task 1: R0 = 1 at c = βpU0/δ (about 113/day); above it the infection fails, below it takes off', async () => {
    twin.reset();
    const { beta, p, U0, delta } = twin.parameters;
    const threshold = (beta * p * U0) / delta;
    expect(threshold).toBeCloseTo(113.2, 1);
    twin.set({ c: threshold * 1.5 });
    expect(lastOf(await twin.run({ duration: 30 }), 'targetFraction')).toBeGreaterThan(0.99);
    twin.set({ c: threshold / 3 });
    expect(lastOf(await twin.run({ duration: 30 }), 'targetFraction')).toBeLessThan(0.5);
    twin.reset();
  });

  it('task 2: oseltamivir from day 0.5 to 5 delays the same peak to about day 8; from day 2 halves it; from day 3 does nothing', async () => {
    const none = await treated();
    const early = await treated(0.5);
    const growth = await treated(2);
    const late = await treated(3);
    expect(none.day).toBeCloseTo(2.3, 1);
    // "the peak only moves from day 2 to day 8" (a rebound when the drug stops, as high as untreated)
    expect(early.day).toBeGreaterThan(7);
    expect(early.day).toBeLessThan(9);
    expect(early.titre / none.titre).toBeGreaterThan(0.95);
    // "started at day 2 … it halves the peak"
    expect(growth.titre / none.titre).toBeGreaterThan(0.4);
    expect(growth.titre / none.titre).toBeLessThan(0.6);
    // "started at day 3, after the peak, it changes nothing"
    expect(late.titre / none.titre).toBeCloseTo(1, 3);
    // "nothing but the exhaustion of target cells ends an infection": in every case almost none are left
    for (const run of [none, early, growth, late]) expect(run.left).toBeLessThan(0.02);
  });
});

// What notebooks/02-immune-response.ipynb tells students, with the immune twin and the scenarios its cells run
// (the kernel's default seed, so these are the very numbers the notebook prints).
describe('the immune-response notebook', () => {
  const immune = createTwinApi(immuneModel);
  type ImmuneResult = Awaited<ReturnType<typeof immune.run>>;
  const peakBetween = (result: ImmuneResult, id: string, from: number, to: number) => {
    const { time, values } = immune.observe(result, id);
    let best = 0;
    for (let i = 0; i < values.length; i++) if (time[i] >= from && time[i] <= to) best = Math.max(best, values[i]);
    return best;
  };
  const valueAt = (result: ImmuneResult, id: string, day: number) => {
    const { time, values } = immune.observe(result, id);
    return values[time.findIndex((t) => t >= day)];
  };
  async function vaccinate(adjuvant: number) {
    immune.reset();
    immune.set({ inoculum: 0 });
    immune.intervene('vaccination', { start: 0, dose: 2000, adjuvant });
    immune.intervene('vaccination', { start: 21, dose: 2000, adjuvant });
    immune.intervene('infection', { start: 49, dose: 10 });
    const result = await immune.run({ duration: 63 });
    immune.reset();
    return result;
  }

  it('section 7: an adjuvanted prime-boost leaves IgG and memory, and the challenge peak is ≥ 10× below the naive one', async () => {
    immune.reset();
    const primary = await immune.run();
    const vaccinated = await vaccinate(1);
    expect(valueAt(vaccinated, 'IgG', 49)).toBeGreaterThan(5);
    expect(valueAt(vaccinated, 'cd8Memory', 49)).toBeGreaterThan(1000);
    expect(peakBetween(vaccinated, 'virus', 49, 63) * 10).toBeLessThan(peakBetween(primary, 'virus', 0, 21));
  }, 60_000);

  it('section 7: "try adjuvant: 0 … without help they make only short-lived IgM"', async () => {
    const plain = await vaccinate(0);
    expect(peakBetween(plain, 'IgM', 0, 49)).toBeGreaterThan(0);
    expect(valueAt(plain, 'IgG', 49)).toBeLessThan(0.1);
    expect(valueAt(plain, 'IgM', 49)).toBeLessThan(0.5 * peakBetween(plain, 'IgM', 0, 49));
  }, 60_000);
});

describe('the "Write your own model" notebook, run cell by cell in a twin kernel worker', () => {
  /** The printed lines of every code cell of notebooks/03-write-your-own-model.ipynb, run in order. */
  async function printedLines(): Promise<string> {
    const notebook = JSON.parse(
      readFileSync(new URL('../notebooks/03-write-your-own-model.ipynb', import.meta.url), 'utf8'),
    ) as {
      cells: { cell_type: string; source: string | string[] }[];
    };
    const worker = new KernelWorker();
    await worker.initialize({ model: 'target-cell-limited', plugins: builtInDescriptors });
    let printed = '';
    let count = 0;
    for (const cell of notebook.cells.filter((c) => c.cell_type === 'code')) {
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      const reply = await worker.execute(source, ++count, {
        output: (event) => {
          if (event.kind === 'stream') printed += event.text;
        },
      });
      if (reply.status === 'error') throw new Error(`cell ${count}: ${reply.ename}: ${reply.evalue}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    return printed;
  }

  it('says regrowth leaves U0/R0 of the target cells (R0 = βpU0/(cδ) from the built-in parameters), and none without it', async () => {
    const printed = await printedLines();
    const [, withRegrowth, without] = /target cells left on day 20: (\d+) % with regrowth, (\d+) % without/.exec(
      printed,
    )!;
    const { beta, p, U0, c, delta } = createTwinApi(targetCellLimited).parameters;
    const r0 = (beta * p * U0) / (c * delta);
    expect(r0).toBeGreaterThan(20);
    // The equilibrium of infection with regrowth, U* = U0/R0, printed as a whole per cent.
    expect(Math.abs(Number(withRegrowth) - 100 / r0)).toBeLessThanOrEqual(1);
    expect(Number(without)).toBe(0);

    // The clone: a birth process in steps of 0.01 day grows on average by (1 + r·dt) a step, from day 4 to day 8
    // (400 steps at r = 3/day) from 10 cells. Twenty runs must bracket that mean, and spread less than tenfold.
    const [, low, high] = /peak clone size over 20 runs: (\d+) to (\d+) cells/.exec(printed)!;
    const mean = 10 * (1 + 3 * 0.01) ** 400;
    expect(Number(low)).toBeLessThan(mean);
    expect(Number(high)).toBeGreaterThan(mean);
    expect(Number(high) / Number(low)).toBeLessThan(10);
  }, 120_000);
});
