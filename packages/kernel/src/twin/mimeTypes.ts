/** MIME type of an ImmunoTwin plot: a plotly figure (`{ data, layout }`) as JSON. */
export const PLOT_MIME_TYPE = 'application/vnd.immunotwin.plot+json';

/** MIME type of the workbench widget bundle: `{ version: 1, scenario, … }` (the widgets' saved state). */
export const WORKBENCH_MIME_TYPE = 'application/vnd.immunotwin.workbench+json';

/** MIME type of tissue pictures: a stepped model's lattice at chosen times (`TissueJson`, for `<twin-tissue>`). */
export const TISSUE_MIME_TYPE = 'application/vnd.immunotwin.tissue+json';
