/**
 * Entry point of the browser Web Worker behind `<twin-patient>`: serves a `PatientService` (fits, curves, forecasts)
 * on the worker's global scope, so nothing heavy runs on the page's main thread. Its fits run their starts, profile
 * points and bootstrap replicates on a pool of nested workers (one per logical core), made at the first fit;
 * terminating this worker ends them too.
 */
import type { Endpoint } from 'comlink';
import { holdLifeLock } from './browserLifeLock.js';
import { createBrowserPool } from './browserPool.js';
import { exposePatientService } from './patient/patientService.js';

// First, so that the page can tell when this worker dies (when its name carries a life lock).
holdLifeLock();
exposePatientService(globalThis as unknown as Endpoint, { pool: (plugins) => createBrowserPool({ plugins }) });
