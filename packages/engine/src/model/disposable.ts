/** Something that can be undone once, such as a registration (the shape of Lumino's `IDisposable`). */
export interface Disposable {
  /** Whether `dispose()` has run. */
  readonly isDisposed: boolean;
  /** Undoes it; later calls do nothing. */
  dispose(): void;
}

/** A {@link Disposable} that runs `undo` the first time it is disposed. */
export function disposable(undo: () => void): Disposable {
  let disposed = false;
  return {
    get isDisposed() {
      return disposed;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      undo();
    },
  };
}
