export * from './types.js';
export * from './checkManifest.js';
export * from './registry.js';
