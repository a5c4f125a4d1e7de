/**
 * The MIME renderer extension (the package's `jupyterlab.mimeExtension`): ImmunoTwin plots drawn with
 * plotly.js, loaded on first use.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { PLOT_MIME_TYPE, plotRendererFactory } from './plotRenderer';

export { PLOT_MIME_TYPE, PlotRenderer, plotRendererFactory, loadPlotly } from './plotRenderer';

const extension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:plot-renderer',
  description: `Renders ${PLOT_MIME_TYPE} outputs (plotly figures of twin results) with plotly.js.`,
  rendererFactory: plotRendererFactory,
  rank: 50,
  dataType: 'json',
};

export default extension;
