import type { StudyAxis } from '@immunotwin/engine';
import { quantityTitle } from '../axisTitle.js';
import type { PlotlyObject } from '../plotlyLoader.js';
import { plotlyText } from './text.js';

/** "Peak viral load (TCID50/mL)": an axis's label with its unit (none for "1"), as plain text. */
export function axisTitle(axis: StudyAxis): string {
  return quantityTitle(axis.label, axis.unit);
}

/** Titles longer than this put the unit on a second line where space is short (a y axis, a colour bar). */
const LONG_TITLE = 26;

/**
 * An axis title as plotly markup: the label and unit escaped, and with `wrap` a long one broken before the unit —
 * when that shortens its longest line by a quarter or more — so a y axis's title fits the figure's bounded height
 * instead of running off its ends.
 */
export function axisTitleMarkup(axis: StudyAxis, wrap = false): string {
  const title = axisTitle(axis);
  if (!wrap || title.length <= LONG_TITLE || title === axis.label) return plotlyText(title);
  const unit = `(${axis.unit})`;
  if (Math.max(axis.label.length, unit.length) > 0.75 * title.length) return plotlyText(title);
  return `${plotlyText(axis.label)}<br>${plotlyText(unit)}`;
}

/** Whether an axis is logarithmic. */
export function isLog(axis: StudyAxis): boolean {
  return axis.log === true;
}

/** A plotly range for a fixed `[low, high]` in data units (plotly's log axes take decades). */
function plotlyRange(axis: StudyAxis): number[] | undefined {
  if (!axis.range) return undefined;
  if (!isLog(axis)) return [...axis.range];
  const [low, high] = axis.range;
  return low > 0 && high > 0 ? [Math.log10(low), Math.log10(high)] : undefined;
}

/**
 * The tick step of a log axis over `values` (or its fixed range): ticks at 1, 2 and 5 of each decade (`'D2'`) when
 * it spans at most two and a half decades and holds a power of ten (so a labelled decade anchors the 2s and 5s),
 * where plotly's own choice labels every digit and crowds the labels; undefined (plotly's choice) otherwise.
 */
export function logTickStep(axis: StudyAxis, values: Iterable<number | null | undefined>): string | undefined {
  let low = Infinity;
  let high = -Infinity;
  for (const v of axis.range ?? values) {
    if (v === null || v === undefined || !(v > 0) || !Number.isFinite(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  const holdsPower = Math.floor(Math.log10(high)) >= Math.ceil(Math.log10(low));
  return holdsPower && Math.log10(high / low) <= 2.5 ? 'D2' : undefined;
}

/**
 * A plotly axis for a study axis over `values` (what it will show): its title with the unit (broken before the unit
 * when long and `wrap`), a log scale where asked with readable ticks, the fixed range when given, powers of ten for
 * large and small numbers, and margins that grow to fit its labels (the figure's height stays).
 */
export function axisLayout(
  axis: StudyAxis,
  values: Iterable<number | null | undefined> = [],
  options: { wrap?: boolean } = {},
): PlotlyObject {
  const range = plotlyRange(axis);
  const dtick = isLog(axis) ? logTickStep(axis, values) : undefined;
  return {
    title: { text: axisTitleMarkup(axis, options.wrap), standoff: 6 },
    type: isLog(axis) ? 'log' : 'linear',
    exponentformat: 'power',
    automargin: true,
    ...(dtick ? { dtick } : {}),
    ...(range ? { range, autorange: false } : {}),
  };
}

/** A category axis (the parameters of a bar figure): every category labelled, margins grown to fit them. */
export function categoryAxis(reversed: boolean): PlotlyObject {
  return { type: 'category', automargin: true, ...(reversed ? { autorange: 'reversed' } : {}) };
}

/**
 * The edges of the cells centred on `values` (ascending or descending): midway between neighbours — in decades on
 * a log axis, so each cell spans its value evenly there — and the outer edges half a step beyond the ends. A
 * single value gets a cell a decade wide on a log axis and ±0.5 (or ±5 % of the value) on a linear one.
 */
export function cellEdges(values: readonly number[], log: boolean): number[] {
  const useLog = log && values.every((v) => v > 0);
  const to = (v: number): number => (useLog ? Math.log10(v) : v);
  const from = (t: number): number => (useLog ? 10 ** t : t);
  const t = values.map(to);
  if (t.length === 1) {
    const half = useLog ? 0.5 : t[0] === 0 ? 0.5 : Math.abs(t[0]) * 0.05;
    return [from(t[0] - half), from(t[0] + half)];
  }
  const edges = [t[0] - (t[1] - t[0]) / 2];
  for (let i = 1; i < t.length; i++) edges.push((t[i - 1] + t[i]) / 2);
  edges.push(t[t.length - 1] + (t[t.length - 1] - t[t.length - 2]) / 2);
  return edges.map(from);
}
