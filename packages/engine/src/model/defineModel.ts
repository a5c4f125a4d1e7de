import type { ModelManifest } from '../schema/index.js';
import {
  checkInterventionHandlers,
  interventionDispatcher,
  type InterventionHandler,
  type InterventionHandlers,
} from './interventionHandlers.js';
import { observableIndex, type ObservableIndex } from './observableIndex.js';
import type { ObservableId, ParameterId } from './typedManifest.js';
import type { InterventionEvent, ModelPlugin, SteppedModel, SteppedModelContext } from './types.js';

/** What the `create()` of a model written with `defineModel` receives: typed parameters and observable slots. */
export interface TypedSteppedContext<M extends ModelManifest> extends SteppedModelContext {
  /** Every parameter's value, by id (a misspelt id does not compile). */
  readonly parameters: Readonly<Record<ParameterId<M>, number>>;
  /** Each observable's position in the row `observe(out)` fills: `out[observables.V] = …`. */
  readonly observables: ObservableIndex<ObservableId<M>>;
}

/**
 * A stepped model as its author writes it: a `SteppedModel` whose `apply` `defineModel` supplies from the
 * intervention handlers. A class may keep an `apply` of its own for direct use (calling the same handlers
 * through `interventionDispatcher`); on instances made by the plugin the handlers' `apply` stands in front of it.
 */
export type SteppedModelCore = Omit<SteppedModel, 'apply'> & { apply?(event: InterventionEvent): void };

/** A reaction-network model: its manifest is the whole model (the engine derives every simulator from it). */
export interface NetworkModelDefinition<M extends ModelManifest> {
  /** The manifest, with `network`. */
  readonly manifest: M;
  /** Network models have no factory. */
  readonly create?: undefined;
  /** Network models declare their interventions' effects in the manifest. */
  readonly interventions?: undefined;
}

/** A stepped (agent-based or custom) model: the manifest, a factory and one handler per intervention kind. */
export interface SteppedModelDefinition<M extends ModelManifest, Model extends SteppedModelCore> {
  /** The manifest (write it with the typed builders so ids are literal types). */
  readonly manifest: M;
  /** Creates one instance for one replicate; all randomness must come from `context.rng`. */
  create(context: TypedSteppedContext<M>): Model;
  /** What each declared intervention kind does to the instance, at its start and (lasting kinds) its stop. */
  readonly interventions: InterventionHandlers<M, Model>;
}

type AnyHandlers<Model> = Readonly<Record<string, InterventionHandler<InterventionEvent, Model>>>;

/**
 * Typed model authoring that returns a plain `ModelPlugin`, so registries, runners and workers take it like any
 * other plugin. A reaction-network model is its manifest (write it with `networkBuilders` so rate parameters
 * and species are checked): `defineModel({ manifest })`. The manifest itself is checked by the registry.
 */
export function defineModel<M extends ModelManifest>(definition: NetworkModelDefinition<M>): ModelPlugin;
/**
 * A stepped model: `create()` gets typed parameters and the observables' row positions, resolved once; the
 * instance it returns is the one the runner steps (nothing sits between them), and it gets an own `apply()`
 * that calls the handler of the event's kind. The handlers are checked against the manifest here (one per declared
 * kind, a `stop` for lasting kinds), by the compiler for typed manifests and at definition time for any.
 */
export function defineModel<M extends ModelManifest, Model extends SteppedModelCore>(
  definition: SteppedModelDefinition<M, Model>,
): ModelPlugin;
export function defineModel<M extends ModelManifest, Model extends SteppedModelCore>(
  definition: NetworkModelDefinition<M> | SteppedModelDefinition<M, Model>,
): ModelPlugin {
  const { manifest } = definition;
  if (definition.create === undefined) {
    if (definition.interventions !== undefined) {
      throw new Error(`model "${manifest.id}": intervention handlers need a create() (a stepped model)`);
    }
    return { manifest, definition };
  }
  const { create } = definition;
  const handlers = definition.interventions as AnyHandlers<Model>;
  checkInterventionHandlers(manifest, handlers as AnyHandlers<unknown>);
  const observables = observableIndex(manifest);
  return {
    manifest,
    definition,
    createStepped: (context) => {
      const parameters = context.parameters as TypedSteppedContext<M>['parameters'];
      const model = create({ ...context, parameters, observables });
      const dispatch = interventionDispatcher(manifest, handlers);
      return withApply(manifest, model, (event) => dispatch(event, model));
    },
  };
}

/** The instance itself, given `apply` as an own non-enumerable property (so snapshots and views are unchanged). */
function withApply<Model extends SteppedModelCore>(
  manifest: ModelManifest,
  model: Model,
  apply: (event: InterventionEvent) => void,
): SteppedModel {
  if (typeof model !== 'object' || model === null || Object.isFrozen(model)) {
    throw new Error(`model "${manifest.id}": create() must return an object that can take an apply() (not frozen)`);
  }
  Object.defineProperty(model, 'apply', { value: apply, enumerable: false });
  return model as unknown as SteppedModel;
}
