/**
 * @immunotwin/model-lung — the Lung Organ Twin: an agent-based section of virus-infected alveolar epithelium with
 * interferon, chemokine, cytokine and ROS fields, effector CD8 T cells from the vasculature, and gas-exchange,
 * oxygenation and damage readouts. A plugin on the public plugin API, like any model from outside the suite.
 */
import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { LungModel } from './lungModel.js';
import { lungManifest } from './manifest/index.js';

export { LungModel } from './lungModel.js';
export * from './manifest/index.js';
export * from './organFunction.js';
export * from './tissue/cells.js';
export * from './tissue/epithelium.js';
export * from './tissue/fields.js';
export * from './tissue/foci.js';
export * from './tissue/tCells.js';
export * from './tissue/vasculature.js';

/** The Lung Twin as an engine plugin (agent method; kernelspec "Lung Twin"). */
export const lungModel: ModelPlugin = defineModel({
  manifest: lungManifest,
  create: (context) => new LungModel(context),
  interventions: {},
});

/** Every model in this package, for registering with a host's model registry. */
export const lungModels: readonly ModelPlugin[] = [lungModel];
