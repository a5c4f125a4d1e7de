/**
 * The output formats of ImmunoTwin notebooks, one JSON Schema each (TypeBox, written to `schema/` by
 * `npm run schemas`), with their TypeScript types derived from the schema and a parser that checks a value
 * and names what is wrong: the plot bundle (`twin.plot()`), the study bundle (`twin.sweep()`,
 * `twin.sensitivity()`), the workbench state (`twin.controls()`, the Python `Workbench`) and the tissue bundle (`twin.tissue()`, in `space/tissueBundle.ts`).
 */
export * from './plotBundle.js';
export * from './studyBundle.js';
export * from './workbenchState.js';
export * from './patientState.js';
