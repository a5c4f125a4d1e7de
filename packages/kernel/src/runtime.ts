import { KeyboardInterrupt } from './errors.js';
import type { CellRuntime } from './rewrite.js';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Loads a module for a cell: `import x from 'specifier'` or `import('specifier', options)`. */
export type ModuleLoader = (specifier: string, options?: unknown) => Promise<unknown>;

/** The host's own dynamic import (bundlers are told to leave it alone: the specifier is only known at run time). */
const hostImport: ModuleLoader = (specifier, options) =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ specifier, options as ImportCallOptions);

/** An `await` of cell code that has not settled yet. */
export interface PendingAwait {
  /** Line of the `await` in its cell. */
  readonly line: number;
  /** The cell's id, when the rewriter was given one. */
  readonly cell: number | undefined;
  /** The signal of the execution it waits under. */
  readonly signal: AbortSignal;
}

/**
 * The executor's side of the contract with rewritten cells ({@link CellRuntime}): keeps `const` names
 * read-only on the scope, names anonymous functions, and makes every `await` of a cell interruptible by
 * the signal of the execution in progress.
 */
export class ScopeRuntime implements CellRuntime {
  /** The signal of the execution in progress; an abort rejects every pending `await` of cell code. */
  signal: AbortSignal | undefined;
  private readonly pending = new Set<PendingAwait>();

  /**
   * @param scope the persistent scope the cells' declarations live on
   * @param importModule loads modules for the cells' imports (default: the host's dynamic `import()`)
   */
  constructor(
    private readonly scope: object,
    private readonly importModule: ModuleLoader = hostImport,
  ) {}

  /** {@inheritDoc CellRuntime.import} */
  import(specifier: string, options?: unknown): Promise<unknown> {
    return this.importModule(String(specifier), options);
  }

  /** {@inheritDoc CellRuntime.prepare} */
  prepare(names: readonly string[]): void {
    for (const name of names) {
      const descriptor = Object.getOwnPropertyDescriptor(this.scope, name);
      if (descriptor && descriptor.writable !== false) continue;
      Object.defineProperty(this.scope, name, {
        value: descriptor?.value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }

  /** {@inheritDoc CellRuntime.lock} */
  lock(names: readonly string[]): void {
    for (const name of names) {
      if (Object.prototype.hasOwnProperty.call(this.scope, name)) {
        Object.defineProperty(this.scope, name, { writable: false });
      }
    }
  }

  /** {@inheritDoc CellRuntime.named} */
  named<T>(name: string, value: T): T {
    if (typeof value === 'function') {
      const descriptor = Object.getOwnPropertyDescriptor(value, 'name');
      if (!descriptor || (descriptor.configurable && descriptor.value === '')) {
        Object.defineProperty(value, 'name', { value: name, configurable: true });
      }
    }
    return value;
  }

  /** {@inheritDoc CellRuntime.wait} */
  wait(value: unknown, line: number, cell?: number): unknown {
    const signal = this.signal;
    if (signal?.aborted) {
      if (isThenable(value)) Promise.resolve(value).catch(() => undefined);
      return Promise.reject(new KeyboardInterrupt(line, cell));
    }
    if (!signal || !isThenable(value)) return value;
    const entry: PendingAwait = { line, cell, signal };
    this.pending.add(entry);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.pending.delete(entry);
        reject(new KeyboardInterrupt(line, cell));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(entry);
      };
      Promise.resolve(value).then(
        (result) => {
          settle();
          resolve(result);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  /** The `await`s of cell code pending under `signal` right now, in the order they began. */
  pendingAwaits(signal: AbortSignal): PendingAwait[] {
    return [...this.pending].filter((entry) => entry.signal === signal);
  }
}
