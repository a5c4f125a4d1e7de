import type { ModelManifest } from '../schema/index.js';
import type { InterventionEvent } from './types.js';
import type { InterventionFieldId, InterventionKind } from './typedManifest.js';

/** An intervention event of kind `Kind` whose field values are named by `FieldId`. */
export interface TypedInterventionEvent<
  Kind extends string = string,
  FieldId extends string = string,
> extends InterventionEvent {
  /** The intervention kind. */
  readonly kind: Kind;
  /** Field values (defaults filled in), by field id. */
  readonly values: Readonly<Record<FieldId, number>>;
}

/** The event a handler of kind `K` of manifest `M` receives. */
export type InterventionEventOf<M extends ModelManifest, K extends InterventionKind<M>> = TypedInterventionEvent<
  K,
  InterventionFieldId<M, K>
>;

/**
 * What a stepped model does when an intervention of one kind starts and, for a lasting one, stops. The
 * handler gets the event and the model instance `create()` returned.
 */
export interface InterventionHandler<Event extends InterventionEvent, Model> {
  /** Called when the intervention starts (or a one-off happens). */
  start(event: Event, model: Model): void;
  /** Called when a lasting intervention (`hasStop: true`) stops; required for those kinds. */
  stop?(event: Event, model: Model): void;
}

/** One handler for every intervention kind manifest `M` declares, and no other. */
export type InterventionHandlers<M extends ModelManifest, Model> = {
  readonly [K in InterventionKind<M>]: InterventionHandler<InterventionEventOf<M, K>, Model>;
};

/**
 * Checks that `handlers` answers exactly the kinds `manifest` declares (with a `stop` for each lasting kind),
 * throwing an error that names what is missing or unknown. The compiler checks the same for typed manifests;
 * this catches plain JavaScript and manifests typed as plain `ModelManifest`.
 */
export function checkInterventionHandlers(
  manifest: ModelManifest,
  handlers: Readonly<Record<string, InterventionHandler<InterventionEvent, unknown>>>,
): void {
  const declared = manifest.interventions.map((spec) => spec.kind);
  const problems: string[] = [];
  for (const spec of manifest.interventions) {
    const handler = Object.hasOwn(handlers, spec.kind) ? handlers[spec.kind] : undefined;
    if (!handler) problems.push(`no handler for intervention "${spec.kind}"`);
    else if (spec.hasStop && !handler.stop)
      problems.push(`intervention "${spec.kind}" lasts until a stop, but its handler has no stop()`);
  }
  for (const kind of Object.keys(handlers)) {
    if (!declared.includes(kind)) problems.push(`a handler for "${kind}", which the manifest does not declare`);
  }
  if (problems.length > 0) {
    throw new Error(
      `model "${manifest.id}": ${problems.join('; ')} (declared interventions: ${declared.join(', ') || '(none)'})`,
    );
  }
}

/**
 * What a stepped model's `apply(event)` does: looks the handler up by the event's kind and calls its `start` or
 * `stop` with the model. An event of a kind the model has no handler for is an error naming the known kinds.
 * `defineModel` uses it; a model class constructed directly can too (`apply(e) { dispatch(e, this); }`).
 */
export function interventionDispatcher<Model>(
  manifest: ModelManifest,
  handlers: Readonly<Record<string, InterventionHandler<InterventionEvent, Model>>>,
): (event: InterventionEvent, model: Model) => void {
  const byKind = new Map(Object.entries(handlers));
  return (event, model) => {
    const handler = byKind.get(event.kind);
    if (!handler) {
      throw new Error(
        `model "${manifest.id}" has no intervention "${event.kind}"; it handles: ${[...byKind.keys()].join(', ') || '(none)'}`,
      );
    }
    if (event.phase === 'start') handler.start(event, model);
    else if (handler.stop) handler.stop(event, model);
    else throw new Error(`intervention "${event.kind}" of model "${manifest.id}" is a one-off event: it cannot stop`);
  };
}
