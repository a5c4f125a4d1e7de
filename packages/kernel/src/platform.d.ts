// The kernel's executor compiles against ES2022 only (no DOM, no Node typings): it runs in a browser Web
// Worker and in Node alike. These are the few host APIs it uses that both provide; they merge with the full
// DOM or Node declarations in any consumer's compilation.

/** The subset of the standard AbortSignal the executor relies on. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
