/**
 * @immunotwin/model-lung — the Lung Organ Twin: an agent-based section of virus-infected alveolar epithelium with
 * interferon, chemokine, cytokine and ROS fields, macrophages, neutrophils and NK cells, effector CD8 T cells from
 * the vasculature, treatments, host presets, and gas-exchange, oxygenation, damage and blood-marker readouts. A plugin on the public plugin API, like any model from outside the suite.
 */
import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { LUNG_INTERVENTION_HANDLERS } from './interventionHandlers.js';
import { LungModel } from './lungModel.js';
import { lungManifest } from './manifest/index.js';

export { LungModel } from './lungModel.js';
export type { LungModelOptions, LungStepMethod } from './lungModelOptions.js';
export { applyLungIntervention, LUNG_INTERVENTION_HANDLERS } from './interventionHandlers.js';
export * from './treatments.js';
export * from './manifest/index.js';
export * from './organFunction.js';
export * from './lymphNodeCoupling.js';
export * from './tissue/cells.js';
export * from './tissue/epithelium.js';
export * from './tissue/epitheliumKernel.js';
export * from './tissue/tCellKernel.js';
export * from './tissue/innateKernel.js';
export * from './tissue/fields.js';
export * from './tissue/foci.js';
export * from './tissue/innate.js';
export * from './tissue/innateStep.js';
export * from './tissue/moves.js';
export * from './tissue/recruitment.js';
export * from './tissue/tCells.js';
export * from './tissue/vasculature.js';
export * from './tissue/coupledCirculation.js';
export * from './tissue/lymphSignal.js';

/** The Lung Twin as an engine plugin (agent method; kernelspec "Lung Twin"). */
export const lungModel: ModelPlugin = defineModel({
  manifest: lungManifest,
  create: (context) => new LungModel(context),
  interventions: LUNG_INTERVENTION_HANDLERS,
});

/** Every model in this package, for registering with a host's model registry. */
export const lungModels: readonly ModelPlugin[] = [lungModel];
