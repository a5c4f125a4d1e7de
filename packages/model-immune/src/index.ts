/**
 * @immunotwin/model-immune — the agent-based immune system twin: an infected tissue lattice and its draining
 * lymph node, innate and adaptive responses, clonal selection, germinal centres and memory.
 */
import type { ModelPlugin } from '@immunotwin/engine';
import { ImmuneModel } from './immuneModel.js';
import { immuneManifest } from './manifest/index.js';

export { ImmuneModel, EXPANDED_CLONE_SIZE } from './immuneModel.js';
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
export const immuneModel: ModelPlugin = {
  manifest: immuneManifest,
  createStepped: (context) => new ImmuneModel(context),
};

/** Every model in this package, for registering with a host's model registry. */
export const immuneModels: readonly ModelPlugin[] = [immuneModel];
