/**
 * Data in: observations from CSV and from FHIR R4 Observations into `ObservedDataset`s, with unit and time
 * conversions. Everything here reads the text or JSON it is given and nothing else (no network).
 */
export * from './csvRecords.js';
export * from './observationsCsv.js';
export * from './fhirObservations.js';
export * from './loincCodes.js';
export * from './quantityUnits.js';
export * from './timeUnits.js';
export * from './detectionLimits.js';
export * from './groupChoice.js';
