import { ModelCatalog, type PluginDescriptor } from '@immunotwin/engine';
import type { IDisposable } from '@lumino/disposable';
import { Signal, type ISignal } from '@lumino/signaling';
import type { IModelRegistry } from './tokens.js';

/**
 * The page's {@link IModelRegistry}: the engine's catalog of descriptors (ids unique, registrations
 * disposable), with its changes as a Lumino signal. It checks no schema, so the page loads no validator;
 * every worker that runs a model validates it as it registers it.
 */
export class ModelRegistry implements IModelRegistry {
  constructor() {
    this._catalog.onChange(({ type, entry }) => this._changed.emit({ type, manifest: entry.manifest }));
  }

  /** {@inheritDoc IModelRegistry.changed} */
  get changed(): ISignal<IModelRegistry, IModelRegistry.IChangedArgs> {
    return this._changed;
  }

  /** {@inheritDoc IModelRegistry.register} */
  register(descriptor: PluginDescriptor): IDisposable {
    return this._catalog.register(descriptor);
  }

  /** {@inheritDoc IModelRegistry.has} */
  has(id: string): boolean {
    return this._catalog.has(id);
  }

  /** {@inheritDoc IModelRegistry.get} */
  get(id: string): PluginDescriptor {
    return this._catalog.get(id);
  }

  /** {@inheritDoc IModelRegistry.list} */
  list(): PluginDescriptor[] {
    return this._catalog.list();
  }

  private readonly _catalog = new ModelCatalog<PluginDescriptor>();
  private readonly _changed = new Signal<IModelRegistry, IModelRegistry.IChangedArgs>(this);
}

/**
 * The registry of this page. One instance, shared by the plugin that provides the token and by the MIME
 * renderers (a MIME extension cannot require tokens; both entry points of this package share its modules).
 */
export const pageModelRegistry = new ModelRegistry();
