import { chiSquare1Quantile, type FitResult, type PatientState, type PlotModel } from '@immunotwin/engine';
import type { IPatientView } from '@immunotwin/worker';
import { PALETTE } from '../palette.js';
import type { PlotlyObject } from '../plotlyLoader.js';
import { buildFigure, observableName, type IFigure } from '../traces.js';
import { short } from './patientData.js';

/** The colour of the line at the day reached: a mid grey, seen on the light and the dark theme alike. */
const DAY_LINE = '#888888';

/** The colour of the treated forecast (the palette's bluish green, apart from the data's and forecast's blue). */
export const TREATED_COLOUR = PALETTE[2];

/** The treated forecast's legend label, e.g. "Oseltamivir (dose–response) from day 3". */
export function treatedLabel(view: IPatientView): string | undefined {
  const t = view.treated;
  return t && `${t.label} from ${view.model.timeUnit} ${short(t.start)}`;
}

/** The share of the plot's height the residuals' row takes (below the data, fit and band). */
export const RESIDUAL_ROW = 0.26;

/** The time the twin has reached: the last assimilated of the data's times, or undefined before the first. */
export function dayReached(state: PatientState, view: IPatientView): number | undefined {
  return state.assimilate.day > 0 ? view.times[state.assimilate.day - 1] : undefined;
}

/** The figure's model: the measured quantities (named as in the data) on the model's time axis. */
function plotModel(state: PatientState, view: IPatientView): PlotModel {
  const measured = [...new Set(state.data.map((d) => d.observable))];
  return {
    id: view.model.id,
    title: view.model.title,
    timeUnit: view.model.timeUnit,
    observables: measured.map((id) => ({ id, label: id, unit: state.data.find((d) => d.observable === id)!.unit })),
  };
}

/**
 * The patient's one figure, built by the time series' `buildFigure`: the data (censored points as downward
 * triangles), the twin's curve (dashed, "fitted" once a fit set the scenario), the forecast from the day reached
 * (median with 50 % and 90 % bands) and, when the state tries a treatment, the forecast with it (dotted, in
 * {@link TREATED_COLOUR}), and below, on a second y axis sharing the time axis, the residuals (observed − twin), with
 * a dotted line at the day reached.
 */
export function patientFigure(state: PatientState, view: IPatientView): IFigure {
  const manifest = plotModel(state, view);
  const observables = manifest.observables.map((o) => o.id);
  const curve = Object.fromEntries(observables.map((id) => [id, (view.curve[id] ?? []).map((v) => v ?? NaN)]));
  const figure = buildFigure({
    manifest,
    observables,
    live: { replicates: [] },
    summary: { quantiles: view.forecast.quantiles, time: view.forecast.time, observables: view.forecast.observables },
    pinned: [
      {
        label: state.fitted ? 'fitted twin' : 'twin',
        series: { replicates: [{ time: view.time, observables: curve }] },
      },
      // The treated forecast: its median and bands, dotted, in a colour of its own.
      ...(view.treated
        ? [
            {
              label: treatedLabel(view)!,
              series: { replicates: [] },
              summary: view.treated,
              colour: TREATED_COLOUR,
            },
          ]
        : []),
    ],
    // The data's own names are long ("observations untreated log10V"): the legend says "data" (one group is shown).
    observed: state.data.map((set) => ({ ...set, name: 'data' })),
  });
  const data = figure.data.map((trace) => {
    // The forecasts' medians are named as what they are: "… — forecast", and the treated one by its treatment.
    if (typeof trace.name !== 'string' || !trace.name.endsWith(' median')) return trace;
    const name = trace.name.slice(0, -' median'.length);
    return { ...trace, name: name.includes(' — ') ? name : `${name} — forecast` };
  });
  for (const residual of view.residuals) {
    const colour = PALETTE[Math.max(0, observables.indexOf(residual.observable)) % PALETTE.length];
    const name = `${observableName(manifest, residual.observable)} residual`;
    const pick = (censored: boolean) => residual.time.map((_, k) => k).filter((k) => residual.censored[k] === censored);
    for (const censored of [false, true]) {
      const ks = pick(censored);
      if (ks.length === 0) continue;
      data.push({
        type: 'scatter',
        mode: 'markers',
        xaxis: 'x',
        yaxis: 'y2',
        x: ks.map((k) => residual.time[k]),
        y: ks.map((k) => residual.values[k]),
        name: censored ? `${name} (below detection limit)` : name,
        showlegend: false,
        marker: { color: colour, symbol: censored ? 'triangle-down-open' : 'diamond', size: 7 },
      });
    }
  }
  const day = dayReached(state, view);
  const layout: PlotlyObject = {
    ...figure.layout,
    xaxis: { ...(figure.layout.xaxis as PlotlyObject), anchor: 'y2' },
    yaxis: { ...(figure.layout.yaxis as PlotlyObject), domain: [RESIDUAL_ROW + 0.08, 1] },
    yaxis2: { domain: [0, RESIDUAL_ROW], anchor: 'x', title: { text: 'residual' }, zeroline: true },
    legend: { ...(figure.layout.legend as PlotlyObject), font: { size: 11 } },
    shapes:
      day === undefined
        ? []
        : [
            {
              type: 'line',
              xref: 'x',
              yref: 'paper',
              x0: day,
              x1: day,
              y0: 0,
              y1: 1,
              line: { dash: 'dot', width: 1, color: DAY_LINE },
            },
          ],
  };
  return { data, layout, live: [] };
}

/** The text alternative of the patient figure: what it shows, with numbers. */
export function patientDescription(state: PatientState, view: IPatientView): string {
  const points = state.data.reduce((n, d) => n + d.time.length, 0);
  const censored = view.residuals.reduce((n, r) => n + r.censored.filter(Boolean).length, 0);
  const day = dayReached(state, view);
  const unit = view.model.timeUnit;
  const worst = Math.max(0, ...view.residuals.flatMap((r) => r.values.map(Math.abs)));
  return (
    `${points} measurements (${censored} below the detection limit) of ${[...new Set(state.data.map((d) => d.observable))].join(', ')} ` +
    `against ${unit}, the ${state.fitted ? 'fitted ' : ''}twin's curve, and the forecast ` +
    (day === undefined
      ? `from the start, before any observation,`
      : `from ${unit} ${day}, after ${state.assimilate.day} of ${view.times.length} observation times,`) +
    ` with 50 % and 90 % bands` +
    (view.treated ? `, and the same forecast with ${treatedLabel(view)} (dotted)` : '') +
    `; below, the residuals (largest ${worst.toPrecision(2)}).`
  );
}

/**
 * The profile likelihood of each fitted parameter, one panel each side by side: −log L minus its minimum against the
 * parameter (a log axis on a log scale) and the threshold χ²₁(level)/2 (1.92 at 95 %) as a dashed line: the interval
 * is where the curve lies below it.
 */
export function profileFigure(result: FitResult): { data: PlotlyObject[]; layout: PlotlyObject } {
  const withProfiles = result.parameters.filter((p) => p.profile && p.profile.points.length > 0);
  const threshold = chiSquare1Quantile(result.level) / 2;
  const n = withProfiles.length;
  const gap = n > 1 ? 0.06 : 0;
  const width = (1 - gap * (n - 1)) / Math.max(1, n);
  const data: PlotlyObject[] = [];
  const layout: PlotlyObject = {
    margin: { t: 8, r: 16, b: 40, l: 56 },
    showlegend: false,
    yaxis: { title: { text: 'Δ −log L' }, rangemode: 'tozero' },
  };
  withProfiles.forEach((p, i) => {
    const suffix = i === 0 ? '' : String(i + 1);
    const points = [...p.profile!.points].sort((a, b) => a.value - b.value);
    const colour = PALETTE[i % PALETTE.length];
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      xaxis: `x${suffix}`,
      yaxis: 'y',
      x: points.map((q) => q.value),
      y: points.map((q) => q.negLogLikelihood - result.negLogLikelihood),
      name: p.id,
      line: { color: colour },
      marker: { size: 4 },
    });
    const [low, high] = [points[0]!.value, points[points.length - 1]!.value];
    data.push({
      type: 'scatter',
      mode: 'lines',
      xaxis: `x${suffix}`,
      yaxis: 'y',
      x: [low, high],
      y: [threshold, threshold],
      name: `${Math.round(result.level * 100)} % threshold`,
      line: { dash: 'dash', width: 1, color: '#888' },
      hoverinfo: 'name',
    });
    layout[`xaxis${suffix}`] = {
      domain: [i * (width + gap), i * (width + gap) + width],
      type: p.scale === 'log' ? 'log' : 'linear',
      // Few short labels: three panels share the width (a narrow log range would crowd "2×10⁻⁶"-style labels).
      exponentformat: 'e',
      nticks: 3,
      tickfont: { size: 10 },
      title: { text: p.id },
      anchor: 'y',
    };
  });
  return { data, layout };
}
