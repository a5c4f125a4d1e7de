/**
 * @packageDocumentation
 * `@immunotwin/create-model`: generates a standalone ImmunoTwin model plugin package (model, JupyterLab
 * extension, test, Python package). The command is `create-immunotwin-model`; `npm init @immunotwin/model` runs it.
 */
export { generate, pluginFiles, type GenerateOptions, type GenerateResult } from './generate.js';
export { main, USAGE, type MainIo } from './main.js';
export { idFromDirectory, isModelId, pluginNames, titleFromId, type PluginNames } from './names.js';
export { suiteDependencies, SUITE_PACKAGES, type SuiteSource } from './dependencies.js';
export { packageJson, type PackageJsonOptions } from './packageJson.js';
export { fillIn, templateFiles, TEMPLATE_DIR, type GeneratedFile } from './template.js';
