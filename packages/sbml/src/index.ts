/**
 * SBML for ImmunoTwin: `fromSBML` imports an SBML Level 2 or 3 core model as a reaction-network manifest (a
 * data plugin), `toSBML` writes a reaction-network manifest as SBML Level 3 Version 2 core. DOM-free: runs
 * in Node and in a Web Worker.
 */
export { fromSBML, importSBML, type FromSbmlOptions, type SbmlImport } from './fromSbml.js';
export { toSBML } from './toSbml.js';
export { SbmlImportError } from './errors.js';
export { printExpression } from './printExpression.js';
