import {
  interventionDispatcher,
  type InterventionEventOf,
  type InterventionHandler,
  type InterventionHandlers,
} from '@immunotwin/engine';
import type { ImmuneInterventionKind, ImmuneModel, Lineage } from './immuneModel.js';
import { immuneManifest } from './manifest/manifest.js';

type Manifest = typeof immuneManifest;
type Handler<K extends ImmuneInterventionKind> = InterventionHandler<InterventionEventOf<Manifest, K>, ImmuneModel>;

/** A lasting intervention whose effect is a modifier while it is in force (see ImmuneModel.updateModifiers). */
const lasting = <K extends ImmuneInterventionKind>(): Handler<K> => ({
  start: (event, model) => model.startLasting(event),
  stop: (event, model) => model.endLasting(event),
});

/** A depletion: removes a fraction of the lineage at the start, then keeps killing at `rate` until the stop. */
const depletion = (lineage: Lineage): Handler<'depleteCD4' | 'depleteCD8' | 'depleteB'> => ({
  start: (event, model) => {
    model.deplete(lineage, event.values.fraction);
    model.startLasting(event);
  },
  stop: (event, model) => model.endLasting(event),
});

/** What each intervention the immune twin declares does to it, keyed by kind. */
export const IMMUNE_INTERVENTION_HANDLERS: InterventionHandlers<Manifest, ImmuneModel> = {
  infection: { start: ({ values: v }, model) => model.deposit(v.dose, v.x, v.y, v.radius) },
  vaccination: { start: ({ values: v }, model) => model.vaccinate(v.dose, v.adjuvant) },
  antiviral: lasting(),
  monoclonalAntibody: { start: ({ values: v }, model) => model.infuseAntibody(v.dose, v.affinity, v.halfLife) },
  immunosuppression: lasting(),
  depleteCD4: depletion('cd4'),
  depleteCD8: depletion('cd8'),
  depleteB: depletion('b'),
  cytokineBlockade: lasting(),
};

/** Applies an intervention event to a model through the handler of its kind (an unknown kind is an error). */
export const applyImmuneIntervention = interventionDispatcher(immuneManifest, IMMUNE_INTERVENTION_HANDLERS);
