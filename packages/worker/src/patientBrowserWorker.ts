/**
 * Entry point of the browser Web Worker behind `<twin-patient>`: serves a `PatientService` (fits, curves, forecasts)
 * on the worker's global scope, so nothing heavy runs on the page's main thread.
 */
import type { Endpoint } from 'comlink';
import { holdLifeLock } from './browserLifeLock.js';
import { exposePatientService } from './patient/patientService.js';

// First, so that the page can tell when this worker dies (when its name carries a life lock).
holdLifeLock();
exposePatientService(globalThis as unknown as Endpoint);
