import type { ModelManifest } from '../schema/index.js';
import { ValidationError } from '../validation/validationError.js';
import { disposable, type Disposable } from './disposable.js';

/** Anything a catalog holds: a plugin with its code, or a descriptor that only says where the code is. */
export interface CatalogEntry {
  /** The model's manifest; its `id` is the key. */
  readonly manifest: ModelManifest;
}

/** A change to a catalog: a model added or removed. */
export interface CatalogChange<T extends CatalogEntry> {
  /** `added` when registered, `removed` when its registration was disposed. */
  readonly type: 'added' | 'removed';
  /** The entry. */
  readonly entry: T;
}

/**
 * Models by id, refusing a second model with a taken id. `register` returns a {@link Disposable} that takes
 * the model out again, and every change goes to the listeners of `onChange` (what keeps kernelspecs and
 * launchers in step with plugins that come and go). It checks nothing else, so it loads no validator:
 * {@link ModelRegistry} adds the schema checks and scenario resolution that running a model needs, and a page
 * that only lists models holds {@link PluginDescriptor}s in a catalog of its own.
 */
export class ModelCatalog<T extends CatalogEntry = CatalogEntry> {
  private readonly entries = new Map<string, T>();
  private readonly listeners = new Set<(change: CatalogChange<T>) => void>();

  /**
   * Adds an entry; throws ValidationError if its id is taken. Disposing the returned registration removes
   * it (only if it is still this entry).
   */
  register(entry: T): Disposable {
    const { id } = entry.manifest;
    if (this.entries.has(id)) {
      throw new ValidationError('model registration', [
        {
          path: 'manifest.id',
          message: `a model "${id}" is already registered; choose another id (registered: ${this.ids().join(', ')})`,
        },
      ]);
    }
    this.entries.set(id, entry);
    this.emit({ type: 'added', entry });
    return disposable(() => {
      if (this.entries.get(id) !== entry) return;
      this.entries.delete(id);
      this.emit({ type: 'removed', entry });
    });
  }

  /** Calls `listener` after every change; returns a registration that stops it. */
  onChange(listener: (change: CatalogChange<T>) => void): Disposable {
    this.listeners.add(listener);
    return disposable(() => this.listeners.delete(listener));
  }

  /** Whether a model id is registered. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The entry for `id`; throws ValidationError listing the known models if there is none. */
  get(id: string): T {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new ValidationError('scenario', [
        {
          path: 'model',
          message: `unknown model ${JSON.stringify(id)}; known models: ${this.ids().join(', ') || '(none registered)'}`,
        },
      ]);
    }
    return entry;
  }

  /** Registered model ids, sorted. */
  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Registered entries, sorted by id. */
  list(): T[] {
    return this.ids().map((id) => this.entries.get(id)!);
  }

  private emit(change: CatalogChange<T>): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
