// The MIME types of ImmunoTwin outputs, declared once for their producers (the kernel's twin API) and their
// readers (the widgets, the JupyterLab renderers). A module of its own with no imports, published as
// `@immunotwin/engine/mimeTypes`, so a first-load bundle can name the types without pulling in the engine.

/** MIME type of an ImmunoTwin plot: the plot bundle (data, not a drawing; schema/plot.schema.json). */
export const PLOT_MIME_TYPE = 'application/vnd.immunotwin.plot+json';

/** MIME type of the workbench's saved state: `{ version: 1, scenario, … }` (schema/workbench-state.schema.json). */
export const WORKBENCH_MIME_TYPE = 'application/vnd.immunotwin.workbench+json';

/** MIME type of tissue pictures: a stepped model's lattice at chosen times (`TissueJson`). */
export const TISSUE_MIME_TYPE = 'application/vnd.immunotwin.tissue+json';

/** MIME type of a study: figures of a sweep, a sensitivity analysis or a cohort (schema/study.schema.json). */
export const STUDY_MIME_TYPE = 'application/vnd.immunotwin.study+json';

/** MIME type of a twin of one patient: data, fit and assimilation settings, never results (schema/patient-state.schema.json). */
export const PATIENT_MIME_TYPE = 'application/vnd.immunotwin.patient+json';
