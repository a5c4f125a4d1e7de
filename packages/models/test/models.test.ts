import { createRegistry } from '@immunotwin/cli';
import { ModelRegistry } from '@immunotwin/engine';
import { describe, expect, it } from 'vitest';
import { builtInModels, builtInRegistry } from '../src/index.js';
import { builtInDescriptors, IMMUNE_MODULE, LUNG_MODULE } from '../src/descriptors.js';

describe('the built-in models', () => {
  it('register without error, each under its own id', () => {
    const ids = builtInModels.map((plugin) => plugin.manifest.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(builtInRegistry().ids()).toEqual([...ids].sort());
    expect(ids).toEqual([
      'target-cell-limited',
      'virus-innate-adaptive',
      'bacteria-innate',
      'influenza-resistance',
      'immune-system',
      'lung',
    ]);
  });

  it('are the models the command line offers', () => {
    expect(createRegistry().ids()).toEqual(builtInRegistry().ids());
  });

  it('have descriptors with the same manifests, in the same order', () => {
    expect(builtInDescriptors).toHaveLength(builtInModels.length);
    builtInDescriptors.forEach((descriptor, i) =>
      expect(descriptor.manifest).toStrictEqual(builtInModels[i]!.manifest),
    );
  });

  it('name the module of each model with code (the stepped twins); reaction networks need none', () => {
    const modules = Object.fromEntries(builtInDescriptors.map((d) => [d.manifest.id, d.module]));
    expect(modules).toEqual({
      'target-cell-limited': undefined,
      'virus-innate-adaptive': undefined,
      'bacteria-innate': undefined,
      'influenza-resistance': undefined,
      'immune-system': IMMUNE_MODULE,
      lung: LUNG_MODULE,
    });
    expect(LUNG_MODULE).toBe('@immunotwin/model-lung');
  });

  it('load from their descriptors: data plugins as manifests, the immune and lung twins from their modules', async () => {
    const registry = new ModelRegistry();
    await registry.registerDescriptors(builtInDescriptors);
    expect(registry.ids()).toEqual(builtInRegistry().ids());
    for (const plugin of builtInModels) {
      const loaded = registry.get(plugin.manifest.id);
      // The stepped model's factory is the module's own; a reaction network needs none.
      expect(loaded.createStepped).toBe(plugin.createStepped);
      expect(loaded.manifest).toStrictEqual(plugin.manifest);
    }
  });
});
