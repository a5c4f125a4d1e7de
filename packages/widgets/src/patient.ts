/**
 * `@immunotwin/widgets/patient`: the patient element alone, registered on import, with the state's parser and the
 * browser worker's factory. The extension's patient renderer loads this entry rather than the whole package.
 */
import { TwinPatientElement } from './twinPatient.js';

export { parsePatientState, PATIENT_MIME_TYPE, type PatientState } from '@immunotwin/engine';
export { TwinPatientElement, type PatientSession, type PatientSessionFactory } from './twinPatient.js';
export { browserPatientFactory } from './browserPatient.js';

if (!customElements.get('twin-patient')) customElements.define('twin-patient', TwinPatientElement);
