export * from './types.js';
export * from './checkManifest.js';
export * from './disposable.js';
export * from './pluginDescriptor.js';
export * from './loadPlugins.js';
export * from './modelCatalog.js';
export * from './registry.js';
