export * from './validationError.js';
export * from './schemaValidator.js';
export * from './parseJson.js';
