// The engine compiles against ES2022 only (no DOM, no Node typings) so that nothing platform-specific
// creeps in. These are the few host APIs it uses that both browsers/workers and Node provide; they merge
// with the full DOM or Node declarations in any consumer's compilation.

/** The subset of the standard AbortSignal the engine relies on. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
}

/** Standard base64 encoding of a binary string, available in browsers, workers and Node ≥ 16. */
declare function btoa(data: string): string;
/** Standard base64 decoding to a binary string, available in browsers, workers and Node ≥ 16. */
declare function atob(data: string): string;

/** Standard deep copy of plain data, available in browsers, workers and Node ≥ 17. */
declare function structuredClone<T>(value: T): T;

/** Standard timer, available in browsers, workers and Node. */
declare function setTimeout(callback: () => void, milliseconds?: number): unknown;

/**
 * The part of the standard WebAssembly JavaScript API the engine uses: validating and synchronously compiling
 * a small module, instantiating it with a memory it imports. Declared under its own name rather than as the global
 * `WebAssembly` namespace (which the DOM and Node typings declare in full, and would clash): the engine reads
 * `globalThis.WebAssembly` through this type, and treats it as possibly absent.
 */
interface WasmHost {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports?: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

/** The part of a standard `WebAssembly.Memory` the engine uses. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
