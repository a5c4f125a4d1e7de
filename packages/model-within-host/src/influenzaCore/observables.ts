import { speciesObservable } from '@immunotwin/engine';
import { INFLUENZA_SPECIES } from './species.js';

/** The core species recorded as they are. */
export const INFLUENZA_OBSERVABLES = {
  U: speciesObservable(INFLUENZA_SPECIES.U),
  E: speciesObservable(INFLUENZA_SPECIES.E),
  I: speciesObservable(INFLUENZA_SPECIES.I),
  V: speciesObservable(INFLUENZA_SPECIES.V),
};
