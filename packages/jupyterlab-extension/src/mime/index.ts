/**
 * The MIME renderer extension (the package's `jupyterlab.mimeExtension`): ImmunoTwin plots drawn with
 * plotly.js, studies (the figures of sweeps and sensitivity analyses), live workbenches, tissue views and twins of one
 * patient; each loads
 * its code on first use.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { PATIENT_MIME_TYPE, patientRendererFactory } from './patientRenderer';
import { PLOT_MIME_TYPE, plotRendererFactory } from './plotRenderer';
import { STUDY_MIME_TYPE, studyRendererFactory } from './studyRenderer';
import { TISSUE_MIME_TYPE, tissueRendererFactory } from './tissueRenderer';
import { WORKBENCH_MIME_TYPE, workbenchRendererFactory } from './workbenchRenderer';

export { PATIENT_MIME_TYPE, PatientRenderer, patientRendererFactory } from './patientRenderer';
export { PLOT_MIME_TYPE, PlotRenderer, plotRendererFactory } from './plotRenderer';
export { STUDY_MIME_TYPE, StudyRenderer, studyRendererFactory } from './studyRenderer';
export { WORKBENCH_MIME_TYPE, WorkbenchRenderer, workbenchRendererFactory } from './workbenchRenderer';
export { TISSUE_MIME_TYPE, TissueRenderer, tissueRendererFactory } from './tissueRenderer';

const plotExtension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:plot-renderer',
  description: `Renders ${PLOT_MIME_TYPE} outputs (plot bundles of twin results) with the widgets' plotly time series.`,
  rendererFactory: plotRendererFactory,
  rank: 50,
  dataType: 'json',
};

const studyExtension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:study-renderer',
  description: `Renders ${STUDY_MIME_TYPE} outputs (figures of twin sweeps and sensitivity analyses) with the widgets' plotly study view.`,
  rendererFactory: studyRendererFactory,
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

const tissueExtension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:tissue-renderer',
  description: `Renders ${TISSUE_MIME_TYPE} outputs (pictures of a twin's tissue over a run) with a time slider.`,
  rendererFactory: tissueRendererFactory,
  rank: 40,
  dataType: 'json',
};

const patientExtension: IRenderMime.IExtension = {
  id: '@immunotwin/jupyterlab-extension:patient-renderer',
  description: `Renders ${PATIENT_MIME_TYPE} outputs as a live twin of one patient (fits and forecasts in a Web Worker).`,
  rendererFactory: patientRendererFactory,
  rank: 40,
  dataType: 'json',
};

export default [plotExtension, studyExtension, workbenchExtension, tissueExtension, patientExtension];
