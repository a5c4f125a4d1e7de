import { describe, expect, it } from 'vitest';
import {
  loadPlugins,
  ModelCatalog,
  ModelRegistry,
  resolveScenario,
  runScenarioSync,
  ValidationError,
  type CatalogChange,
  type CatalogEntry,
  type ModelPlugin,
} from '../src/index.js';
import * as engine from '../src/index.js';
import { decayModel } from './fixtures/decayModel.js';
import { dyingAgentsModel } from './fixtures/dyingAgents.js';

/** An ES module's source as a data: URL (a real module, imported by the host's own import()). */
const moduleUrl = (source: string): string => `data:text/javascript,${encodeURIComponent(source)}`;

/** A stepped model written as module source: one agent pool that halves each step, using the host engine's RNG type check. */
const halvingModule = (id: string): string =>
  moduleUrl(`
    const manifest = ${JSON.stringify({ ...dyingAgentsModel.manifest, id })};
    export default (engine) => ({
      manifest,
      createStepped(context) {
        if (typeof engine.createRng !== 'function') throw new Error('no engine');
        let n = context.parameters.N0;
        return {
          dt: 1,
          step() { n = Math.floor(n / 2); },
          observe(out) { out[0] = n; out[1] = 0; },
          apply() {},
          snapshot() { return n; },
          restore(s) { n = s; },
        };
      },
    });`);

describe('ModelCatalog: the registry contract', () => {
  it('registers, lists, and takes a model out again when its registration is disposed', () => {
    const catalog = new ModelCatalog();
    const registration = catalog.register(decayModel);
    expect(catalog.ids()).toEqual(['decay-test']);
    expect(catalog.get('decay-test')).toBe(decayModel);
    expect(registration.isDisposed).toBe(false);
    registration.dispose();
    expect(registration.isDisposed).toBe(true);
    expect(catalog.has('decay-test')).toBe(false);
    // A second dispose does nothing; the id is free again.
    registration.dispose();
    catalog.register(decayModel);
    expect(catalog.ids()).toEqual(['decay-test']);
  });

  it('reports every change, in order, to its listeners until they stop listening', () => {
    const catalog = new ModelCatalog();
    const changes: string[] = [];
    const listening = catalog.onChange((change: CatalogChange<CatalogEntry>) =>
      changes.push(`${change.type} ${change.entry.manifest.id}`),
    );
    const decay = catalog.register(decayModel);
    catalog.register(dyingAgentsModel);
    decay.dispose();
    decay.dispose();
    listening.dispose();
    catalog.register(decayModel);
    expect(changes).toEqual(['added decay-test', 'added dying-agents-test', 'removed decay-test']);
  });

  it('refuses a taken id with a ValidationError naming the id and the registered ones, changing nothing', () => {
    const catalog = new ModelCatalog();
    catalog.register(decayModel);
    let changes = 0;
    catalog.onChange(() => changes++);
    const twin = { ...decayModel, manifest: { ...decayModel.manifest, title: 'another' } };
    expect(() => catalog.register(twin)).toThrow(ValidationError);
    expect(() => catalog.register(twin)).toThrow(
      'Invalid model registration: manifest.id: a model "decay-test" is already registered; choose another id (registered: decay-test)',
    );
    expect(catalog.get('decay-test')).toBe(decayModel);
    expect(changes).toBe(0);
  });

  it('does not take out a newer registration of the same id when an old one is disposed', () => {
    const catalog = new ModelCatalog();
    const first = catalog.register(decayModel);
    first.dispose();
    const again = { ...decayModel };
    catalog.register(again);
    first.dispose();
    expect(catalog.get('decay-test')).toBe(again);
  });

  it('validates what it runs: ModelRegistry refuses a malformed manifest before it is listed', () => {
    const registry = new ModelRegistry();
    const bad = {
      manifest: { ...decayModel.manifest, parameters: [{ ...decayModel.manifest.parameters[0], min: 5, max: 1 }] },
    };
    expect(() => registry.register(bad as ModelPlugin)).toThrow(ValidationError);
    expect(registry.ids()).toEqual([]);
  });
});

describe('loadPlugins: descriptors to runnable plugins', () => {
  it('takes a data plugin as its manifest, with no import', async () => {
    const [plugin] = await loadPlugins([{ manifest: decayModel.manifest }], {
      importModule: () => Promise.reject(new Error('must not import')),
    });
    expect(plugin).toEqual({ manifest: decayModel.manifest });
  });

  it('finds a code model among a module’s exports: a plugin, a list, or a default function of the host API', async () => {
    const descriptors = [
      { manifest: { ...dyingAgentsModel.manifest, id: 'halving-a' }, module: halvingModule('halving-a') },
      {
        manifest: { ...dyingAgentsModel.manifest, id: 'listed' },
        module: moduleUrl(
          `export const models = [{ manifest: { id: 'other' } }, { manifest: { id: 'listed' }, createStepped: () => 42 }];`,
        ),
      },
    ];
    const [halving, listed] = await loadPlugins(descriptors, { host: engine });
    expect(halving!.manifest.id).toBe('halving-a');
    expect((listed!.createStepped as unknown as () => number)()).toBe(42);
  });

  it('runs a model loaded from module source with the same results as the same model registered in process', async () => {
    const registry = new ModelRegistry();
    await registry.registerDescriptors(
      [{ manifest: dyingAgentsModel.manifest, module: halvingModule('dying-agents-test') }],
      {
        host: engine,
      },
    );
    const result = runScenarioSync(
      resolveScenario(registry.get('dying-agents-test'), {
        model: 'dying-agents-test',
        duration: 3,
        outputInterval: 1,
      }),
    );
    // N0 = 2000 halves once a day: 2000, 1000, 500, 250.
    expect([...result.runs[0]!.observables.alive!]).toEqual([2000, 1000, 500, 250]);
  });

  it('imports each module once, however many models it offers', async () => {
    const imported: string[] = [];
    const source = halvingModule('m1');
    await loadPlugins(
      [
        { manifest: { ...dyingAgentsModel.manifest, id: 'm1' }, module: source },
        { manifest: { ...dyingAgentsModel.manifest, id: 'm1' }, module: source },
      ],
      {
        host: engine,
        importModule: (specifier) => {
          imported.push(specifier);
          return import(/* @vite-ignore */ specifier) as Promise<Record<string, unknown>>;
        },
      },
    );
    expect(imported).toHaveLength(1);
  });

  it('names the model, the module and the provider when the module does not offer the model', async () => {
    const module = moduleUrl(`export const plugin = { manifest: { id: 'something-else' } };`);
    await expect(
      loadPlugins([{ manifest: { ...decayModel.manifest, id: 'wanted' }, module, provider: 'my-plugin' }]),
    ).rejects.toThrow(
      `the module of model "wanted" (code at ${module}, provided by my-plugin) does not export it; it exports "something-else"`,
    );
  });

  it('names the model and the provider when the module cannot be imported, keeping the cause', async () => {
    const failure = loadPlugins([
      {
        manifest: { ...decayModel.manifest, id: 'gone' },
        module: 'file:///no/such/module.js',
        provider: 'gone-plugin',
      },
    ]);
    await expect(failure).rejects.toThrow(
      /^could not load the code of model "gone" \(code at file:\/\/\/no\/such\/module\.js, provided by gone-plugin\): /,
    );
    await expect(failure).rejects.toHaveProperty('cause');
  });

  it('registers all of a batch or none: a failing descriptor leaves the registry as it was', async () => {
    const registry = new ModelRegistry();
    const bad = { ...decayModel.manifest, id: 'bad', parameters: [] };
    await expect(registry.registerDescriptors([{ manifest: decayModel.manifest }, { manifest: bad }])).rejects.toThrow(
      ValidationError,
    );
    expect(registry.ids()).toEqual([]);
  });
});
