// comlink 4.4 ships `dist/esm/node-adapter.mjs` without a `.d.mts` beside it, so under NodeNext resolution
// TypeScript finds no types for it; this declares the part we use (see its `dist/esm/node-adapter.d.ts`).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** A Node message port: a `worker_threads` Worker, `parentPort` or MessagePort. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (value: unknown) => void): void;
    off(type: string, listener: (value: unknown) => void): void;
    start?: () => void;
  }

  /** Adapts a Node message port to comlink's (DOM-style) Endpoint. */
  export default function nodeEndpoint(endpoint: NodeEndpoint): Endpoint;
}
