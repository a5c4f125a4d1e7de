/**
 * `@immunotwin/widgets/timeseries`: the time-series element alone, registered on import, with what a plot
 * output needs to show a plot bundle. The extension's plot renderer loads this entry rather than the whole
 * package, so a notebook's first plot fetches the plot and its validator, not the workbench.
 */
import { TwinTimeseriesElement } from './twinTimeseries.js';

export { parsePlotBundle, type PlotBundle, type PlotModel } from '@immunotwin/engine';
export type { IReplicateSeries, IRunSeries } from './runBuffer.js';
export { TwinTimeseriesElement } from './twinTimeseries.js';

if (!customElements.get('twin-timeseries')) customElements.define('twin-timeseries', TwinTimeseriesElement);
