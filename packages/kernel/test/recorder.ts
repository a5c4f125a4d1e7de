import type { ExecutionContext, MimeBundle, StreamName } from '../src/index.js';

/** One output of a cell, in the order it happened. */
export type OutputEvent = { kind: 'display'; bundle: MimeBundle } | { kind: StreamName; text: string };

/** An execution context that records every output in a single ordered list. */
export function recorder(extra: Partial<ExecutionContext> = {}): ExecutionContext & { events: OutputEvent[] } {
  const events: OutputEvent[] = [];
  return {
    events,
    display: (bundle) => events.push({ kind: 'display', bundle }),
    stream: (name, text) => events.push({ kind: name, text }),
    ...extra,
  };
}
