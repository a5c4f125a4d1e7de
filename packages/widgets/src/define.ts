import { TwinBandControlElement } from './twinBandControl.js';
import { TwinControlsElement } from './twinControls.js';
import { TwinInterventionsElement } from './twinInterventions.js';
import { TwinPatientElement } from './twinPatient.js';
import { TwinStudyElement } from './twinStudy.js';
import { TwinRunTissueElement } from './twinRunTissue.js';
import { TwinTimeseriesElement } from './twinTimeseries.js';
import { TwinTissueElement } from './twinTissue.js';
import { TwinWorkbenchElement } from './twinWorkbench.js';

/** The custom elements of this package by tag name. */
export const ELEMENTS = {
  'twin-band-control': TwinBandControlElement,
  'twin-controls': TwinControlsElement,
  'twin-interventions': TwinInterventionsElement,
  'twin-timeseries': TwinTimeseriesElement,
  'twin-tissue': TwinTissueElement,
  'twin-run-tissue': TwinRunTissueElement,
  'twin-study': TwinStudyElement,
  'twin-workbench': TwinWorkbenchElement,
  'twin-patient': TwinPatientElement,
} as const;

/**
 * Registers every element (idempotent: a tag already defined, e.g. by a second copy of the package, is
 * left alone). Importing the package's main entry calls it.
 */
export function defineWidgets(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}
