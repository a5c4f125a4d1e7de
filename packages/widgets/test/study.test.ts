// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { URL as FileUrl } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  BandFigure,
  BarsFigure,
  HeatmapFigure,
  HistogramFigure,
  LineFigure,
  StudyBundle,
} from '@immunotwin/engine';
import { histogramBins, PALETTE, STUDY_MIME_TYPE, studyPlot, type TwinStudyElement } from '../src/index.js';
import { $, $$, mount, PlotlyRecorder } from './helpers.js';

afterEach(() => document.body.replaceChildren());

type Trace = Record<string, unknown> & { x: unknown[]; y: unknown[] };
const traces = (figure: Parameters<typeof studyPlot>[0]) => studyPlot(figure).data as Trace[];
const close = (actual: number[], expected: number[]) => actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));

const vPeak = { label: 'Peak viral load V.peak', unit: 'TCID50/mL', log: true };

const heatmap: HeatmapFigure = {
  kind: 'heatmap',
  title: 'V.peak over β and p',
  x: { label: 'β', unit: '(TCID50/mL)^-1 day^-1', log: true, values: [1e-5, 1e-4, 1e-3] },
  y: { label: 'p', unit: 'TCID50/mL per cell per day', values: [1, 2] },
  z: [
    [1e3, 1e4, 1e5],
    [1e4, null, 1e7],
  ],
  value: vPeak,
};

const sobol: BarsFigure = {
  kind: 'bars',
  title: "Sobol' indices",
  categories: ['beta', 'p', 'c'],
  series: [
    { name: 'first order', values: [0.6, 0.2, 0.1], low: [0.5, 0.15, null], high: [0.7, 0.3, null] },
    { name: 'total', values: [0.7, 0.25, 0.1], notes: ['p = 0.003', 'p = 0.04', 'p = 0.5'] },
  ],
  value: { label: 'index', unit: '1', range: [0, 1] },
  horizontal: false,
};

describe('study figures → plotly', () => {
  it('a heatmap: cells centred on the swept values (even in decades on a log axis), colours by log10 z, a titled colour bar', () => {
    const plot = studyPlot(heatmap);
    const [trace] = plot.data as Trace[];
    expect(trace.type).toBe('heatmap');
    close(trace.x as number[], [10 ** -5.5, 10 ** -4.5, 10 ** -3.5, 10 ** -2.5]);
    expect(trace.y).toEqual([0.5, 1.5, 2.5]);
    expect(trace.z).toEqual([
      [3, 4, 5],
      [4, null, 7],
    ]);
    expect((trace.customdata as unknown[][][])[1][2]).toEqual([1e-3, 2, 1e7]);
    expect([trace.zmin, trace.zmax]).toEqual([3, 7]);
    const colorbar = trace.colorbar as { title: { text: string }; tickvals: number[]; ticktext: string[] };
    expect(colorbar.title.text).toBe('Peak viral load V.peak<br>(TCID50/mL)'); // the unit on a line of its own
    expect(colorbar.tickvals).toEqual([3, 4, 5, 6, 7]);
    expect(colorbar.ticktext[0]).toBe('10<sup>3</sup>');
    const layout = plot.layout as Record<string, { type: string; title: { text: string } }>;
    expect(layout.xaxis.type).toBe('log');
    expect(layout.yaxis.type).toBe('linear');
    expect(layout.xaxis.title.text).toBe('β ((TCID50/mL)^-1 day^-1)');
    expect(plot.remark).toMatch(/^1 of 6 cells are empty/);
    expect(plot.description).toContain('from 1000 at β = 1 × 10^-5, p = 1 to 1 × 10^7 at β = 0.001, p = 2.');
  });

  it('a line: the interval shaded between low and high (lower edge, then the upper filled to it), then the line', () => {
    const figure: LineFigure = {
      kind: 'line',
      title: 'V.peak along c',
      x: { label: 'c', unit: '1/day', values: [1, 2, 4] },
      series: [
        { name: 'median', values: [30, 20, null], low: [25, 15, null], high: [35, 26, null] },
        { name: 'no interval', values: [3, 2, 1] },
      ],
      value: { label: 'V.peak', unit: 'TCID50/mL' },
    };
    const [low, high, median, other] = traces(figure);
    expect([low.y, high.y, median.y]).toEqual([
      [25, 15, null],
      [35, 26, null],
      [30, 20, null],
    ]);
    expect(high.fill).toBe('tonexty');
    expect(low.fill).toBeUndefined();
    expect([low.showlegend, high.showlegend, median.name]).toEqual([false, false, 'median']);
    expect(median.x).toEqual([1, 2, 4]);
    const layout = studyPlot(figure).layout as Record<string, { dtick?: string; title: { text: string } }>;
    expect(layout.yaxis.title.text).toBe('V.peak (TCID50/mL)');
    expect((median.line as { color: string }).color).toBe(PALETTE[0]);
    expect((other.line as { color: string }).color).toBe(PALETTE[1]);
    expect(traces(figure)).toHaveLength(4);
    expect(studyPlot(figure).layout.showlegend).toBe(true);
  });

  it('bars: grouped, error bars from low/high in the ink colour, notes in the hover, the fixed value range', () => {
    const plot = studyPlot(sobol, { ink: '#eeeeee', shade: 0.4 });
    const [first, total] = plot.data as Trace[];
    expect(first).toMatchObject({ type: 'bar', orientation: 'v', x: ['beta', 'p', 'c'], y: [0.6, 0.2, 0.1] });
    const error = first.error_y as { array: number[]; arrayminus: number[]; symmetric: boolean; color: string };
    close(error.array.slice(0, 2), [0.1, 0.1]);
    close(error.arrayminus.slice(0, 2), [0.1, 0.05]);
    expect([error.array[2], error.arrayminus[2], error.symmetric, error.color]).toEqual([null, null, false, '#eeeeee']);
    expect(total.error_y).toBeUndefined();
    expect(total.hovertext).toEqual(['p = 0.003', 'p = 0.04', 'p = 0.5']);
    expect(total.hovertemplate).toContain('%{hovertext}');
    const layout = plot.layout as Record<string, Record<string, unknown>> & { barmode: string };
    expect(layout.barmode).toBe('group');
    expect(layout.yaxis).toMatchObject({ range: [0, 1], autorange: false, title: { text: 'index' } });
    expect(layout.xaxis.type).toBe('category');
    expect(plot.description).toContain('total: beta 0.7 (p = 0.003), p 0.25 (p = 0.04), c 0.1 (p = 0.5)');
  });

  it('a tornado: horizontal bars, the parameters down the y axis with the first at the top, error bars along x', () => {
    const plot = studyPlot({ ...sobol, horizontal: true, value: { label: 'PRCC', unit: '1', range: [-1, 1] } });
    const [first] = plot.data as Trace[];
    expect(first).toMatchObject({ orientation: 'h', y: ['beta', 'p', 'c'], x: [0.6, 0.2, 0.1] });
    expect(first.error_x).toBeDefined();
    expect(first.error_y).toBeUndefined();
    const layout = plot.layout as Record<string, Record<string, unknown>>;
    expect(layout.yaxis).toMatchObject({ type: 'category', autorange: 'reversed' });
    expect(layout.xaxis).toMatchObject({ range: [-1, 1], zeroline: true });
    expect(plot.description).toMatch(/^Tornado chart of PRCC for 3 parameters/);
  });

  it('a histogram: bins even in decades on a log axis, bars spanning them, runs without a value said', () => {
    const figure: HistogramFigure = {
      kind: 'histogram',
      title: 'V.peak',
      values: [1, 10, 100, 1000, 1000, null, null],
      value: vPeak,
    };
    const bins = histogramBins(figure.values, true);
    expect(bins.counts.reduce((a, b) => a + b)).toBe(5);
    expect(bins.counts).toHaveLength(5);
    close(bins.edges.map(Math.log10), [0, 0.6, 1.2, 1.8, 2.4, 3]);
    expect([bins.missing, bins.nonPositive, bins.counted]).toEqual([2, 0, 5]);
    const plot = studyPlot(figure);
    const [bars] = plot.data as Trace[];
    expect(bars.y).toEqual(bins.counts);
    // Each bar lies inside its bin (a small gap either side), on the log axis as well.
    (bars.x as number[]).forEach((middle, i) => {
      const half = (bars.width as number[])[i] / 2;
      expect(middle - half).toBeGreaterThan(bins.edges[i]);
      expect(middle + half).toBeLessThan(bins.edges[i + 1]);
    });
    expect((plot.layout.xaxis as { type: string }).type).toBe('log');
    expect(plot.remark).toBe('2 of 7 runs have no value.');
    expect(histogramBins([-1, 0, 5], true)).toMatchObject({ counted: 1, nonPositive: 2, counts: [1] });
    expect(histogramBins([2, 2, 2], false).edges).toEqual([1.9, 2.1]);
  });

  it('a band: the quantile band shaded under the median, named by its quantiles', () => {
    const figure: BandFigure = {
      kind: 'band',
      title: 'V over time',
      time: [0, 1, 2],
      timeUnit: 'day',
      median: [3, 100, 10],
      low: [2, 20, 2],
      high: [4, 400, 50],
      quantiles: [0.05, 0.95],
      value: { label: 'Free virus', unit: 'TCID50/mL', log: true },
    };
    const plot = studyPlot(figure);
    const [low, high, median] = plot.data as Trace[];
    expect([low.y, high.y, median.y]).toEqual([figure.low, figure.high, figure.median]);
    expect(high).toMatchObject({ fill: 'tonexty', name: '5–95 % of runs' });
    expect(median.name).toBe('median');
    expect((plot.layout.xaxis as { title: { text: string } }).title.text).toBe('time (days)');
    expect((plot.layout.yaxis as { type: string }).type).toBe('log');
    expect(plot.description).toContain('the median peaks at 100 at time 1');
    // 2 to 400 is under two and a half decades: ticks at 1, 2 and 5 of each, not at every digit; a long title wraps.
    expect((plot.layout.yaxis as { dtick: string }).dtick).toBe('D2');
    const long = studyPlot({ ...figure, value: { ...figure.value, label: 'Free virus in the upper tract' } });
    expect((long.layout.yaxis as { title: { text: string } }).title.text).toBe(
      'Free virus in the upper tract<br>(TCID50/mL)',
    );
  });

  it('text from the bundle is shown as written, never as plotly markup', () => {
    const figure: BarsFigure = { ...sobol, categories: ['<b>beta</b>', 'a&b', 'c'], series: [sobol.series[0]] };
    const [trace] = traces(figure);
    expect(trace.x).toEqual(['&lt;b&gt;beta&lt;/b&gt;', 'a&amp;b', 'c']);
  });
});

/** A small study with one figure of each kind. */
function bundle(): StudyBundle {
  return structuredClone({
    version: 1,
    model: {
      id: 'target-cell-limited',
      title: 'Target-cell-limited virus infection',
      timeUnit: 'day',
      observables: [{ id: 'V', label: 'Free virus', unit: 'TCID50/mL' }],
    },
    title: 'Which parameters decide the viral peak?',
    runs: 2048,
    figures: [
      heatmap,
      { ...sobol, caption: 'First-order and total indices.' },
      { kind: 'histogram', title: 'V.peak', values: [1, 2, 3, null], value: vPeak },
    ],
  } satisfies StudyBundle);
}

describe('<twin-study>', () => {
  it('draws every figure with its text alternative, under the title, the model and the number of runs', async () => {
    const plotly = new PlotlyRecorder();
    const el = await mount<TwinStudyElement>('twin-study', { bundle: bundle(), plotlyLoader: plotly.loader });
    await el.flushed();
    expect($(el, '[aria-level="2"]').textContent).toBe('Which parameters decide the viral peak?');
    expect($(el, 'header .muted').textContent).toBe('Target-cell-limited virus infection · 2,048 runs');
    const figures = $$(el, 'figure');
    expect(figures.map((f) => f.dataset.kind)).toEqual(['heatmap', 'bars', 'histogram']);
    expect($$(el, 'figure [aria-level="3"]').map((t) => t.textContent)).toEqual([
      'V.peak over β and p',
      "Sobol' indices",
      'V.peak',
    ]);
    const plots = $$(el, '.plot[role="img"]');
    expect(plots.map((p) => p.getAttribute('aria-label')?.split(' ')[0])).toEqual(['Heatmap', 'Bar', 'Histogram']);
    expect(figures[1].querySelector('figcaption')?.textContent).toContain('First-order and total indices.');
    expect(figures[2].querySelector('figcaption')?.textContent).toContain('1 of 4 runs have no value.');
    const reacts = plotly.calls.filter((c) => c.name === 'react');
    expect(reacts.map((c) => (c.name === 'react' ? c.data[0].type : ''))).toEqual(['heatmap', 'bar', 'bar']);
    expect(plotly.loads).toBe(1);
    // The theme's colours: transparent backgrounds, themed grid and zero lines.
    const layout = reacts[1].name === 'react' ? reacts[1].layout : {};
    expect(layout.paper_bgcolor).toBe('rgba(0,0,0,0)');
    expect(layout.yaxis).toMatchObject({ gridcolor: '#e0e0e0', zerolinecolor: '#bdbdbd' });
    expect(layout.font).toMatchObject({ size: 11, color: '#1f1f1f' });
  });

  it('shows a bad bundle as the parser’s message naming the field, not a blank', async () => {
    const plotly = new PlotlyRecorder();
    const bad = bundle();
    (bad.figures[0] as HeatmapFigure).z[1] = [1, 2];
    const el = await mount<TwinStudyElement>('twin-study', { bundle: bad, plotlyLoader: plotly.loader });
    await el.flushed();
    const alert = $(el, '[role="alert"]');
    expect(alert.textContent).toContain('figures[0].z[1]: has 2 values; expected 3');
    expect(el.error).toMatch(/^Invalid study bundle/);
    expect(plotly.calls).toEqual([]);
    el.bundle = JSON.stringify({ ...bundle(), version: 2 });
    await el.flushed();
    expect($(el, '[role="alert"]').textContent).toMatch(/version/);
    el.bundle = bundle();
    await el.flushed();
    expect($$(el, '[role="alert"]')).toEqual([]);
    expect(plotly.calls.filter((c) => c.name === 'react')).toHaveLength(3);
  });

  it('redraws in the dark theme’s colours when JupyterLab switches theme, with bands shaded more strongly', async () => {
    const plotly = new PlotlyRecorder();
    const study = bundle();
    study.figures = [
      {
        kind: 'band',
        title: 'V over time',
        time: [0, 1],
        timeUnit: 'day',
        median: [1, 2],
        low: [0.5, 1],
        high: [2, 4],
        quantiles: [0.05, 0.95],
        value: { label: 'V', unit: 'TCID50/mL' },
      },
    ];
    const el = await mount<TwinStudyElement>('twin-study', { bundle: study, plotlyLoader: plotly.loader });
    await el.flushed();
    const fill = () =>
      (plotly.calls.filter((c) => c.name === 'react').at(-1) as { data: { fillcolor?: string }[] }).data[1].fillcolor;
    expect(fill()).toBe(`${PALETTE[0]}38`); // 0.22 opacity
    document.body.dataset.jpThemeLight = 'false';
    await new Promise((resolve) => setTimeout(resolve)); // the theme observer's callback
    await el.flushed();
    delete document.body.dataset.jpThemeLight;
    expect(plotly.calls.filter((c) => c.name === 'react')).toHaveLength(2);
    expect(fill()).toBe(`${PALETTE[0]}66`); // 0.4 opacity
  });

  it('reports a plotly that fails to load as a plot-error event', async () => {
    const errors: unknown[] = [];
    document.body.addEventListener('plot-error', (e) => errors.push((e as CustomEvent).detail.error));
    const el = await mount<TwinStudyElement>('twin-study', {
      bundle: bundle(),
      plotlyLoader: () => Promise.reject(new Error('offline')),
    });
    await expect(el.flushed()).rejects.toThrow('offline');
    expect(errors).toHaveLength(1);
  });
});

describe('the end-to-end fixture (ui-tests/fixtures/study.ipynb)', () => {
  it('holds a study bundle with all five figure kinds that parses and maps to plotly', async () => {
    const { parseStudyBundle } = await import('@immunotwin/engine');
    const notebook = JSON.parse(
      // Node's URL: happy-dom replaces the global one.
      readFileSync(new FileUrl('../../../ui-tests/fixtures/study.ipynb', import.meta.url), 'utf8'),
    ) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
    const data = notebook.cells.flatMap((c) => c.outputs ?? []).find((o) => o.data?.[STUDY_MIME_TYPE])?.data;
    const study = parseStudyBundle(data?.[STUDY_MIME_TYPE]);
    expect(new Set(study.figures.map((f) => f.kind))).toEqual(
      new Set(['heatmap', 'line', 'bars', 'histogram', 'band']),
    );
    for (const figure of study.figures) expect(studyPlot(figure).data.length).toBeGreaterThan(0);
  });
});
