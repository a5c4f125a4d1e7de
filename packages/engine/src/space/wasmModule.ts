/** A compiled WebAssembly module, to instantiate on a `KernelMemory`. */
export interface WasmModule {
  /** The compiled module (a `WebAssembly.Module`). */
  readonly module: object;
}

/** Compiled modules by their base64 text: compiled once per JavaScript realm; null where they cannot run. */
const compiled = new Map<string, WasmModule | null>();

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function compile(base64: string): WasmModule | null {
  const host = (globalThis as { WebAssembly?: WasmHost }).WebAssembly;
  if (!host) return null;
  try {
    const bytes = decodeBase64(base64);
    // False where the engine lacks a feature the module uses (e.g. fixed-width SIMD). Kernels are kept small
    // (≤ 8 KB): current Chromium compiles such modules synchronously even on the main thread; older Chromium
    // refused more than 4 KB there (an exception: null, and the caller's JavaScript path).
    if (!host.validate(bytes)) return null;
    return { module: new host.Module(bytes) };
  } catch {
    return null; // e.g. a content security policy that forbids compiling WebAssembly
  }
}

/**
 * The WebAssembly module whose binary is `base64`, compiled on the first call and cached; null where this
 * platform cannot run it (no WebAssembly, a feature it lacks, or compilation forbidden). Callers keep a
 * JavaScript path that gives the same results.
 */
export function loadWasmModule(base64: string): WasmModule | null {
  let entry = compiled.get(base64);
  if (entry === undefined) {
    entry = compile(base64);
    compiled.set(base64, entry);
  }
  return entry;
}
