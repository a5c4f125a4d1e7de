/**
 * @immunotwin/widgets — lit web components for ImmunoTwin notebooks: `<twin-controls>` (generated from a
 * model's parameter schema), `<twin-interventions>` (a timeline), `<twin-timeseries>` (plotly, streaming),
 * `<twin-band-control>` (one run, replicates or a cohort), `<twin-workbench>` (all of them driving a worker session
 * live, with `<twin-run-tissue>`, the tissue of its run, for a model with a lattice), `<twin-tissue>` (pictures of a
 * model's lattice over a run) and `<twin-study>` (the figures of a sweep or a
 * sensitivity analysis). No JupyterLab imports: the extension's MIME renderers show them. Importing this entry
 * registers the elements.
 */
import { defineWidgets } from './define.js';

// The workbench state format is the engine's (one schema for every producer and reader); re-exported here.
export {
  defaultWorkbenchState,
  parseWorkbenchState,
  WORKBENCH_MIME_TYPE,
  WORKBENCH_STATE_VERSION,
  WorkbenchStateSchema,
  type PinnedScenario,
  type WorkbenchState,
  type WorkbenchView,
} from '@immunotwin/engine';
// So is the plot bundle, which `<twin-timeseries>` draws in the extension's plot renderer.
export { parsePlotBundle, PLOT_MIME_TYPE, type PlotBundle, type PlotModel } from '@immunotwin/engine';
// And the study bundle, which `<twin-study>` draws in the extension's study renderer.
export { parseStudyBundle, STUDY_MIME_TYPE, type StudyBundle, type StudyFigure } from '@immunotwin/engine';
// And the patient state, which `<twin-patient>` reads.
export { parsePatientState, PATIENT_MIME_TYPE, type PatientState } from '@immunotwin/engine';
export * from './events.js';
export * from './numberRange.js';
export * from './plotlyLoader.js';
export * from './interventionEdits.js';
export * from './traces.js';
export * from './palette.js';
export * from './axisTitle.js';
export * from './decimate.js';
export * from './runBuffer.js';
export * from './exportCsv.js';
export * from './scenarioCode.js';
export * from './twinControls.js';
export * from './twinBandControl.js';
export * from './bandCaption.js';
export * from './twinInterventions.js';
export * from './twinTimeseries.js';
export * from './twinWorkbench.js';
export * from './playback.js';
export * from './workbenchHold.js';
export * from './workProgress.js';
export * from './twinTissue.js';
export * from './twinRunTissue.js';
export * from './tissue/tissueHistory.js';
export * from './twinStudy.js';
export * from './study/figures.js';
export * from './study/studyPlot.js';
export * from './study/histogramBins.js';
export * from './tissue/tissueImage.js';
export * from './runController.js';
export * from './pinLabel.js';
export * from './twinPatient.js';
export * from './patient/patientData.js';
export * from './patient/patientFigure.js';
export * from './define.js';

defineWidgets();
