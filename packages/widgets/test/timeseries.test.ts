// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { simulateSync, summarizeEnsemble } from '@immunotwin/engine';
import { targetCellLimited, targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import { buildFigure, seriesFromRuns, type TwinTimeseriesElement } from '../src/index.js';
import { mount, PlotlyRecorder } from './helpers.js';

afterEach(() => document.body.replaceChildren());

const run = simulateSync(targetCellLimited, { model: 'target-cell-limited', duration: 5, outputInterval: 0.5 }).runs[0];

/** The run split into frames of `size` samples, as a session streams it. */
function frames(
  size: number,
  replicate = 0,
): { replicate: number; start: number; time: Float64Array; observables: Record<string, Float64Array> }[] {
  const out = [];
  for (let start = 0; start < run.time.length; start += size) {
    const end = Math.min(run.time.length, start + size);
    out.push({
      replicate,
      start,
      time: run.time.slice(start, end),
      observables: Object.fromEntries(Object.entries(run.observables).map(([id, v]) => [id, v.slice(start, end)])),
    });
  }
  return out;
}

async function plot(
  properties: Partial<TwinTimeseriesElement> = {},
): Promise<{ el: TwinTimeseriesElement; plotly: PlotlyRecorder }> {
  const plotly = new PlotlyRecorder();
  const el = await mount<TwinTimeseriesElement>('twin-timeseries', {
    manifest,
    plotlyLoader: plotly.loader,
    ...properties,
  });
  return { el, plotly };
}

describe('<twin-timeseries>', () => {
  it('streams frames: one react for the new traces, then extendTraces with only the new points', async () => {
    const { el, plotly } = await plot({ observables: ['V', 'I'] });
    el.beginRun();
    const [first, ...rest] = frames(3);
    el.appendFrame(first);
    await el.flushed();
    const reacts = plotly.calls.filter((c) => c.name === 'react');
    expect(reacts.at(-1)!.data.map((t) => t.name)).toEqual([
      'Free virus (TCID50/mL)',
      'Productively infected cells (cells)',
    ]);
    const before = plotly.calls.length;
    for (const frame of rest) {
      el.appendFrame(frame);
      await el.flushed();
    }
    const later = plotly.calls.slice(before);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((c) => c.name === 'extendTraces')).toBe(true);
    expect(plotly.trace('Free virus').x).toEqual(Array.from(run.time));
    expect(plotly.trace('Free virus').y).toEqual(Array.from(run.observables.V));
    expect(plotly.trace('Productively infected').y).toEqual(Array.from(run.observables.I));
    expect(plotly.loads).toBe(1);
  });

  it('keeps the previous run on screen until the next run’s first frame (no blank plot between runs)', async () => {
    const { el, plotly } = await plot({ observables: ['V'] });
    el.beginRun();
    for (const frame of frames(4)) el.appendFrame(frame);
    el.endRun();
    await el.flushed();
    const shown = plotly.trace('Free virus').y.length;
    expect(shown).toBe(run.time.length);
    const before = plotly.calls.length;
    el.beginRun();
    await el.flushed();
    expect(plotly.calls.length).toBe(before); // nothing drawn: the old curve stays
    expect(plotly.trace('Free virus').y.length).toBe(shown);
    el.appendFrame(frames(2)[0]);
    await el.flushed();
    expect(plotly.calls.at(-1)!.name).toBe('react'); // the new run replaces it in one draw
    expect(plotly.trace('Free virus').y).toEqual(Array.from(run.observables.V.slice(0, 2)));
  });

  it('batches frames that arrive within one animation frame into one plotly call', async () => {
    const { el, plotly } = await plot({ observables: ['V'] });
    el.beginRun();
    const all = frames(1);
    el.appendFrame(all[0]);
    await el.flushed();
    const before = plotly.calls.length;
    for (const frame of all.slice(1)) el.appendFrame(frame);
    await el.flushed();
    expect(plotly.calls.slice(before)).toHaveLength(1);
    expect(plotly.trace('Free virus').y).toEqual(Array.from(run.observables.V));
  });

  it('switches the y axis between linear and log without redrawing the traces', async () => {
    const { el, plotly } = await plot();
    el.showRun(seriesFromRuns([run]));
    await el.flushed();
    expect((plotly.layout.yaxis as { type: string }).type).toBe('linear');
    el.logY = true;
    await el.flushed();
    // The largest value drawn, by a plain loop over the run's observables (all are shown).
    let largest = 0;
    for (const { id } of manifest.observables) for (const v of run.observables[id]!) largest = Math.max(largest, v);
    expect(largest).toBeGreaterThan(1e3);
    expect(plotly.calls.at(-1)).toEqual({
      name: 'relayout',
      update: { 'yaxis.type': 'log', 'yaxis.autorangeoptions.clipmin': largest / 1e12 },
    });
    el.logY = false;
    await el.flushed();
    expect(plotly.calls.at(-1)).toEqual({
      name: 'relayout',
      update: { 'yaxis.type': 'linear', 'yaxis.autorangeoptions.clipmin': null },
    });
  });

  it('stops a log axis 12 decades below the largest value, however close to 0 a series falls', async () => {
    // A virus cleared to 1e-36: the axis's floor is 1e6 / 1e12, not 1e-36; a linear axis has no floor.
    const time = Float64Array.from({ length: 20 }, (_, i) => i);
    const V = Float64Array.from(time, (t) => (t < 10 ? 10 ** (t - 3) : 10 ** (6 - 4.2 * (t - 9))));
    expect(Math.max(...V)).toBe(1e6);
    expect(Math.min(...V)).toBeLessThan(1e-30);
    const live = { replicates: [{ time, observables: { V } }] } as unknown as Parameters<typeof buildFigure>[0]['live'];
    const log = buildFigure({ manifest, observables: ['V'], live, logY: true });
    expect(log.layout.yaxis).toMatchObject({ type: 'log', autorangeoptions: { clipmin: 1e-6 } });
    expect(buildFigure({ manifest, observables: ['V'], live }).layout.yaxis).not.toHaveProperty('autorangeoptions');
  });

  it('raises a log axis’s floor as a streamed run grows, by relayouts only when it rose tenfold', async () => {
    const { el, plotly } = await plot({ observables: ['V'], logY: true });
    el.beginRun();
    const all = frames(1);
    const floors: number[] = [];
    let largest = 0;
    let set = -Infinity;
    for (const frame of all) {
      el.appendFrame(frame);
      await el.flushed();
      largest = Math.max(largest, frame.observables.V![0]!);
      // The floor the test expects: the first one, then each one ten times the last set.
      if (largest / 1e12 >= 10 * set || set === -Infinity) floors.push((set = largest / 1e12));
    }
    const set_ = plotly.calls
      .filter((c) => c.name === 'relayout')
      .map((c) => (c.update as Record<string, number>)['yaxis.autorangeoptions.clipmin']);
    const first = plotly.calls.find((c) => c.name === 'react')!;
    expect((first.layout.yaxis as { autorangeoptions: { clipmin: number } }).autorangeoptions.clipmin).toBe(floors[0]);
    expect(set_).toEqual(floors.slice(1));
    expect(floors.length).toBeGreaterThan(2);
    // The last floor set is within tenfold of the run's peak / 10^12 (here 3.6e5 / 1e12: the peak, 6.9e5, came next).
    const ideal = Math.max(...run.observables.V!) / 1e12;
    expect(floors.at(-1)).toBeLessThanOrEqual(ideal);
    expect(floors.at(-1)! * 10).toBeGreaterThan(ideal);
  });

  it('draws pinned runs dashed and observed data as markers', async () => {
    const pinnedRun = simulateSync(targetCellLimited, {
      model: 'target-cell-limited',
      duration: 5,
      outputInterval: 0.5,
      parameters: { c: 10 },
    }).runs[0];
    const { el, plotly } = await plot({
      observables: ['V'],
      pinned: [{ label: 'c = 10', series: seriesFromRuns([pinnedRun]) }],
      observed: [
        {
          name: 'volunteer',
          source: 'test',
          observable: 'V',
          unit: 'TCID50/mL',
          time: [1, 2],
          values: [3, 4],
          sd: [1, 1],
        },
      ],
    });
    el.showRun(seriesFromRuns([run]));
    await el.flushed();
    const pinned = plotly.trace('Free virus (TCID50/mL) — c = 10');
    expect((pinned.line as { dash: string }).dash).toBe('dash');
    expect(pinned.y).toEqual(Array.from(pinnedRun.observables.V));
    const observed = plotly.trace('volunteer (observed)');
    expect(observed.mode).toBe('markers');
    expect(observed.y).toEqual([3, 4]);
    expect(observed.error_y).toMatchObject({ array: [1, 1] });
    expect(plotly.trace('Free virus (TCID50/mL)').y).toEqual(Array.from(run.observables.V));
  });

  it('places observed data in hours on a days axis, and draws points below the detection limit apart', async () => {
    const { el, plotly } = await plot({
      observables: ['V'],
      observed: [
        {
          name: 'untreated',
          source: 'Hayden et al. 1996',
          observable: 'V',
          unit: 'log10 TCID50/mL',
          timeUnit: 'hour',
          time: [24, 48, 192],
          values: [0.97, 2.73, 0],
          detectionLimit: 0.5,
        },
      ],
    });
    el.showRun(seriesFromRuns([run]));
    await el.flushed();
    const measured = plotly.trace('untreated (observed)');
    expect(measured.x).toEqual([1, 2]);
    expect(measured.y).toEqual([0.97, 2.73]);
    const censored = plotly.trace('untreated (below detection limit)');
    expect(censored.x).toEqual([8]);
    // Drawn at the limit (the value is at most 0.5), not at the 0 recorded.
    expect(censored.y).toEqual([0.5]);
    expect((censored.marker as { symbol: string }).symbol).toBe('triangle-down-open');
  });

  it('replaces an ensemble’s replicate lines by the median and quantile bands when it ends', async () => {
    const ensemble = simulateSync(targetCellLimited, {
      model: 'target-cell-limited',
      method: 'ssa',
      seed: 3,
      replicates: 5,
      duration: 3,
      outputInterval: 0.5,
      parameters: { U0: 2000, V0: 20 },
    });
    const { el, plotly } = await plot({ observables: ['I'] });
    el.beginRun();
    ensemble.runs.forEach((r, replicate) =>
      el.appendFrame({ replicate, start: 0, time: r.time, observables: { ...r.observables } }),
    );
    await el.flushed();
    // While it streams: the finished replicates merged into one faint trace (gaps between them), the last
    // one on its own (the one being extended).
    const lines = plotly.data.filter((t) => String(t.name).startsWith('Productively'));
    expect(lines).toHaveLength(2);
    const gap = [null];
    expect(lines[0].y).toEqual(
      ensemble.runs.slice(0, 4).flatMap((r, i) => [...(i ? gap : []), ...Array.from(r.observables.I)]),
    );
    expect(lines[0].x).toEqual(ensemble.runs.slice(0, 4).flatMap((r, i) => [...(i ? gap : []), ...Array.from(r.time)]));
    expect(lines[1].y).toEqual(Array.from(ensemble.runs[4].observables.I));
    const summary = summarizeEnsemble(ensemble.runs, [0.05, 0.25, 0.5, 0.75, 0.95]);
    el.endRun(summary);
    await el.flushed();
    expect(plotly.trace('Productively infected cells (cells) median').y).toEqual(
      Array.from(summary.observables.I.median),
    );
    const filled = plotly.data.filter((t) => t.fill === 'tonexty');
    expect(filled.map((t) => t.y)).toEqual([
      Array.from(summary.observables.I.bands[4]),
      Array.from(summary.observables.I.bands[3]),
    ]);
    expect(plotly.data).toHaveLength(5); // two bands (low + high each) and the median
  });

  it('redraws when an earlier replicate (drawn merged) receives more samples, so none are lost', async () => {
    const { el, plotly } = await plot({ observables: ['V'] });
    el.beginRun();
    const [a, b] = frames(5);
    el.appendFrame({ ...a, replicate: 0 });
    el.appendFrame({ ...a, replicate: 1 });
    await el.flushed();
    el.appendFrame({ ...b, replicate: 0 });
    await el.flushed();
    expect(plotly.calls.at(-1)!.name).toBe('react');
    const merged = plotly.data.find((t) => t.connectgaps === false)!;
    expect((merged.y as number[]).length).toBe(a.time.length + b.time.length);
  });

  it('renders an image through plotly.toImage', async () => {
    const { el, plotly } = await plot();
    el.showRun(seriesFromRuns([run]));
    expect(await el.toImage('svg')).toMatch(/^data:image\/svg\+xml/);
    expect(plotly.calls.at(-1)).toEqual({ name: 'toImage', format: 'svg' });
  });

  it('takes its colours from the JupyterLab theme and redraws when the theme changes', async () => {
    const { el, plotly } = await plot();
    el.showRun(seriesFromRuns([run]));
    await el.flushed();
    const reacts = plotly.calls.filter((c) => c.name === 'react').length;
    el.style.setProperty('--jp-ui-font-color1', 'rgb(240, 240, 240)'); // JupyterLab sets it on :root; it inherits
    document.body.setAttribute('data-jp-theme-light', 'false');
    await new Promise((resolve) => setTimeout(resolve, 0)); // mutation observers run after the current task's microtasks
    await el.flushed();
    expect(plotly.calls.filter((c) => c.name === 'react').length).toBe(reacts + 1);
    expect((plotly.layout.font as { color: string }).color).toBe('rgb(240, 240, 240)');
    document.body.removeAttribute('data-jp-theme-light');
  });

  it('describes itself for assistive technology', async () => {
    const { el } = await plot({ observables: ['V'], logY: true });
    expect(el.shadowRoot!.querySelector('.plot')!.getAttribute('aria-label')).toBe(
      'Time series of Free virus over time (days), logarithmic axis',
    );
  });
});
