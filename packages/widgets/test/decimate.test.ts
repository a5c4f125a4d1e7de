import { describe, expect, it } from 'vitest';
import { simulateSync } from '@immunotwin/engine';
import { targetCellLimited, targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import { buildFigure, decimateMinMax, MERGED_POINT_BUDGET, seriesFromRuns } from '../src/index.js';

// A 30-day run at 0.1 day: 301 samples with a sharp viral peak, the kind of line an ensemble streams.
const run = simulateSync(targetCellLimited, { model: 'target-cell-limited', duration: 30, outputInterval: 0.1 })
  .runs[0];
const time = Array.from(run.time);
const virus = Array.from(run.observables.V);

describe('decimateMinMax', () => {
  it('returns a line that fits unchanged', () => {
    expect(decimateMinMax(time, virus, 400)).toEqual({ time, values: virus });
  });

  it('thins a long line to the budget and keeps its ends, its peak and its trough, in time order', () => {
    const thin = decimateMinMax(time, virus, 60);
    expect(thin.time.length).toBeLessThanOrEqual(60);
    expect(thin.time.length).toBeGreaterThan(40);
    expect(thin.time[0]).toBe(0);
    expect(thin.time.at(-1)).toBe(30);
    const peak = virus.indexOf(Math.max(...virus));
    expect(thin.values).toContain(virus[peak]);
    expect(thin.time[thin.values.indexOf(virus[peak])]).toBe(time[peak]);
    expect(thin.values).toContain(Math.min(...virus));
    for (let i = 1; i < thin.time.length; i++) expect(thin.time[i]).toBeGreaterThan(thin.time[i - 1]);
    // Every kept point is a sample of the line (no invented values).
    thin.time.forEach((t, i) => expect(virus[time.indexOf(t)]).toBe(thin.values[i]));
  });
});

describe('an ensemble streamed into the plot', () => {
  it('draws its finished replicates within the point budget, each replicate’s peak kept', () => {
    // 20 replicates of 301 samples: 6,020 points per observable before thinning.
    const replicates = Array.from({ length: 20 }, (_, r) => ({
      time,
      observables: { V: virus.map((v) => v * (1 + r / 10)) },
    }));
    const live = seriesFromRuns(replicates);
    const figure = buildFigure({ manifest, observables: ['V'], live });
    const merged = figure.data.find((t) => t.connectgaps === false)!;
    const y = (merged.y as (number | null)[]).filter((v): v is number => v !== null);
    expect(y.length).toBeLessThanOrEqual(MERGED_POINT_BUDGET);
    for (const rep of replicates.slice(0, 19)) expect(y).toContain(Math.max(...rep.observables.V));
    // The replicate streaming now is drawn in full.
    expect(figure.data.find((t) => t !== merged && t.name === 'Free virus (TCID50/mL)')!.y).toHaveLength(301);
  });
});
