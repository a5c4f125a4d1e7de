/**
 * The MIME renderer extension (the package's `jupyterlab.mimeExtension`): ImmunoTwin plots drawn with
 * plotly.js, and live workbenches; both load their code on first use.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { PLOT_MIME_TYPE, plotRendererFactory } from './plotRenderer';
import { WORKBENCH_MIME_TYPE, workbenchRendererFactory } from './workbenchRenderer';

export { PLOT_MIME_TYPE, PlotRenderer, plotRendererFactory, loadPlotly } from './plotRenderer';
export { WORKBENCH_MIME_TYPE, WorkbenchRenderer, workbenchRendererFactory } from './workbenchRenderer';

const plotExtension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:plot-renderer',
  description: `Renders ${PLOT_MIME_TYPE} outputs (plotly figures of twin results) with plotly.js.`,
  rendererFactory: plotRendererFactory,
  rank: 50,
  dataType: 'json',
};

const workbenchExtension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:workbench-renderer',
  description: `Renders ${WORKBENCH_MIME_TYPE} outputs as a live twin workbench (simulations in a Web Worker).`,
  rendererFactory: workbenchRendererFactory,
  rank: 40,
  dataType: 'json',
};

export default [plotExtension, workbenchExtension];
