export * from './types.js';
export * from './checkManifest.js';
export * from './modelCatalog.js';
export * from './registry.js';
