/**
 * @immunotwin/worker — twin sessions over comlink: create from a scenario, set parameters, run in chunks
 * with progress, pause/resume, cancel, snapshot/restore, results and frames as transferables. This entry
 * is browser-safe; `@immunotwin/worker/node` adds Node `worker_threads` sessions.
 */
export * from './types.js';
export * from './abortError.js';
export * from './workerDeath.js';
export * from './session.js';
export * from './sessionSnapshot.js';
export * from './sessionTissue.js';
export * from './errorTransfer.js';
export * from './transferables.js';
export * from './expose.js';
export * from './client.js';
export * from './pool/poolTask.js';
export * from './pool/workerPool.js';
export * from './pool/poolWorkerService.js';
export * from './pool/inlinePool.js';
export * from './pool/fitTaskRunner.js';
export * from './pool/forecastRunner.js';
export * from './patient/patientTypes.js';
export * from './patient/patientService.js';
