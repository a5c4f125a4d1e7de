import {
  interventionDispatcher,
  type InterventionEventOf,
  type InterventionHandler,
  type InterventionHandlers,
} from '@immunotwin/engine';
import type { LungModel } from './lungModel.js';
import { lungManifest } from './manifest/manifest.js';
import type { LastingKind } from './treatments.js';

type Manifest = typeof lungManifest;

/** A lasting intervention: a modifier of the model's rates from its start until its stop. */
const lasting = <K extends LastingKind>(): InterventionHandler<InterventionEventOf<Manifest, K>, LungModel> => ({
  start: (event, model) => model.startTreatment(event),
  stop: (event, model) => model.stopTreatment(event),
});

/** What each intervention the Lung Twin declares does to it, keyed by kind. */
export const LUNG_INTERVENTION_HANDLERS: InterventionHandlers<Manifest, LungModel> = {
  antiviral: lasting(),
  entryBlocker: lasting(),
  ifnTherapy: lasting(),
  corticosteroid: lasting(),
  monoclonalAntibody: { start: ({ values: v }, model) => model.infuseAntibody(v.clearance, v.halfLife) },
  tCellDepletion: { start: ({ values: v }, model) => model.depleteTCells(v.fraction) },
};

/** Applies an intervention event to a Lung Twin made directly (not through the plugin), by its kind's handler. */
export const applyLungIntervention = interventionDispatcher(lungManifest, LUNG_INTERVENTION_HANDLERS);
