import { networkBuilders } from '@immunotwin/engine';
import { INFLUENZA_CORE } from './parameters.js';
import { INFLUENZA_SPECIES } from './species.js';

/** Builders bound to the core's parameters and species (a model's own builders check its own ids). */
export const coreBuilders = networkBuilders({
  parameters: Object.values(INFLUENZA_CORE),
  species: Object.values(INFLUENZA_SPECIES),
});

const { massAction } = coreBuilders;

/** The reactions every influenza model shares: eclipse exit, infected-cell death, virus production and clearance. */
export const INFLUENZA_REACTIONS = {
  eclipseExit: massAction('eclipseExit', { E: 1 }, { I: 1 }, 'k', 'end of eclipse'),
  infectedDeath: massAction('infectedDeath', { I: 1 }, {}, 'delta', 'infected-cell death'),
  /** Production at p per producing cell (a model whose production is regulated writes its own). */
  production: massAction('production', { I: 1 }, { I: 1, V: 1 }, 'p', 'virus production'),
  clearance: massAction('clearance', { V: 1 }, {}, 'c', 'virus clearance'),
};
