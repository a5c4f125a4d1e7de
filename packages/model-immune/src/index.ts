/**
 * @immunotwin/model-immune — the agent-based immune system twin: an infected tissue lattice and its draining
 * lymph node, innate and adaptive responses, clonal selection, germinal centres and memory.
 */
import { defineModel, type ModelPlugin } from '@immunotwin/engine';
import { ImmuneModel } from './immuneModel.js';
import { IMMUNE_INTERVENTION_HANDLERS } from './interventionHandlers.js';
import { immuneManifest } from './manifest/index.js';

export { ImmuneModel, EXPANDED_CLONE_SIZE, type ImmuneInterventionKind, type Lineage } from './immuneModel.js';
export { IMMUNE_INTERVENTION_HANDLERS, applyImmuneIntervention } from './interventionHandlers.js';
export * from './manifest/index.js';
export * from './receptors.js';
export * from './transitQueue.js';
export * from './tissue/agents.js';
export { AgentKernel } from './tissue/agentKernel.js';
export * from './tissue/epithelium.js';
export * from './tissue/fields.js';
export * from './lymphNode/cloneTable.js';
export * from './lymphNode/lymphNode.js';

/** The immune system twin as an engine plugin (agent method). */
export const immuneModel: ModelPlugin = defineModel({
  manifest: immuneManifest,
  create: (context) => new ImmuneModel(context),
  interventions: IMMUNE_INTERVENTION_HANDLERS,
});

/** Every model in this package, for registering with a host's model registry. */
export const immuneModels: readonly ModelPlugin[] = [immuneModel];
