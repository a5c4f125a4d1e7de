import { createTwinApi } from '@immunotwin/kernel';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { describe, expect, it } from 'vitest';

// What notebooks/01-treat-an-infection.ipynb tells students, checked with the same twin API its cells use.

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
