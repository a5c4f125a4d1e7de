export * from './validationError.js';
export * from './schemaValidator.js';
export * from './checkedValidator.js';
export { describeSchemaErrors } from './describeSchemaErrors.js';
export * from './parseJson.js';
export * from './jsonLocation.js';
export * from './isPlainObject.js';
