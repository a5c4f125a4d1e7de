/**
 * The influenza A virus core the virus models share — parameters with Baccam et al.'s values, the species
 * U, E, I, V, the eclipse, death, production and clearance reactions, inoculation and a production inhibitor —
 * so each model builds these records from one definition and writes only what its biology changes.
 */
export { BACCAM, BACCAM_NO_ECLIPSE, INFLUENZA_CORE, KAMAL } from './parameters.js';
export { INFLUENZA_SPECIES } from './species.js';
export { INFLUENZA_REACTIONS, coreBuilders } from './reactions.js';
export { inoculation, inoculumDose, productionInhibitor } from './interventions.js';
export { INFLUENZA_OBSERVABLES } from './observables.js';
