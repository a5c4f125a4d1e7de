import * as engine from '@immunotwin/engine';
import type { ModelManifest, ModelRegistry, WorkbenchPlugin } from '@immunotwin/engine';
import type { FromSbmlOptions } from '@immunotwin/sbml';
import type { MimeBundle } from './mime.js';
import { pluginFrom, pluginModuleUrl, SELF_CONTAINED } from './pluginModule.js';

/** One line of `models.list()`. */
export interface ModelListing {
  /** Model id (what `models.get` takes). */
  id: string;
  /** Human-readable title. */
  title: string;
  /** Simulation methods. */
  methods: string;
  /** Number of parameters. */
  parameters: number;
}

/** A model registered from a cell: shown as a line of text; `dispose()` takes it out again. */
export class ModelRegistration {
  /**
   * @param id the model id
   * @param title its title
   * @param undo takes it out of the kernel's registry
   */
  constructor(
    readonly id: string,
    readonly title: string,
    private readonly undo: () => void,
  ) {}

  /** Takes the model out of the kernel (twins already made from it keep working). */
  dispose(): void {
    this.undo();
  }

  /** A line saying what was registered and how to use it. */
  toMimeBundle(): MimeBundle {
    const text = `Registered the model "${this.id}" (${this.title}): twin.create(${JSON.stringify(this.id)}) makes a twin of it.`;
    return { data: { 'text/plain': text }, metadata: {} };
  }
}

/** The `models` object cells see. */
export interface ModelsApi {
  /** Every registered model, one row each (shown as a table). */
  list(): ModelListing[];
  /** The manifest of model `id`; throws listing the known ids if there is none. */
  get(id: string): ModelManifest;
  /**
   * Adds a model to this kernel: a manifest (object or JSON text) of a reaction network, or a plugin with
   * code ({ manifest, createStepped }, e.g. from `defineModel`). Its workbenches carry it, so they run where
   * the model is not installed (code only in a trusted notebook). Throws the engine's ValidationError if the
   * model is malformed or its id is taken.
   */
  register(model: unknown): Promise<ModelRegistration>;
  /**
   * A reaction-network manifest from SBML text (Level 2 or 3 core; see `@immunotwin/sbml`), to pass to
   * `register`. Anything SBML has that the manifest cannot hold is refused, naming the element.
   */
  fromSBML(text: string, options?: FromSbmlOptions): Promise<ModelManifest>;
}

/** Where the models a kernel registered from cells come from, by id (what their workbench outputs carry). */
export type CellPlugins = Map<string, WorkbenchPlugin>;

/** Who provides a model registered in a cell. */
export const CELL_PROVIDER = 'a notebook cell';

/**
 * The `models` facade over a registry. A model with code is registered as the workbench's worker will load it:
 * from the module `pluginModuleUrl` makes of it, so a factory that is not self-contained fails here, at once.
 */
export function createModelsApi(registry: ModelRegistry, cellPlugins: CellPlugins = new Map()): ModelsApi {
  return {
    list: () =>
      registry.list().map(({ manifest }) => ({
        id: manifest.id,
        title: manifest.title,
        methods: manifest.methods.join(', '),
        parameters: manifest.parameters.length,
      })),
    get: (id) => registry.get(id).manifest,
    async fromSBML(text, options) {
      if (typeof text !== 'string') throw new TypeError('models.fromSBML: expects the SBML document as text');
      // The SBML reader (and its XML parser) loads only when a cell asks for it.
      const { fromSBML } = await import('@immunotwin/sbml');
      return fromSBML(text, options);
    },
    async register(model) {
      const given = pluginFrom(model);
      const module = pluginModuleUrl(given);
      const descriptor = { manifest: structuredClone(given.manifest), module, provider: CELL_PROVIDER };
      const [registration] = await registry.registerDescriptors([descriptor], { host: engine });
      const plugin = registry.get(descriptor.manifest.id);
      if (plugin.createStepped) {
        try {
          // A model instance at the defaults: a name the code takes from the notebook fails now, not in a workbench.
          const parameters = Object.fromEntries(plugin.manifest.parameters.map((p) => [p.id, p.default]));
          plugin.createStepped({ parameters, initial: {}, rng: engine.createRng(0, 0) });
        } catch (error) {
          registration!.dispose();
          throw new Error(`${SELF_CONTAINED}: ${(error as Error).message}`, { cause: error });
        }
      }
      const { id, title } = plugin.manifest;
      cellPlugins.set(id, { provider: CELL_PROVIDER, manifest: descriptor.manifest, ...(module ? { module } : {}) });
      return new ModelRegistration(id, title, () => {
        registration!.dispose();
        cellPlugins.delete(id);
      });
    },
  };
}
