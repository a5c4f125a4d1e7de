import { createRegistry } from '@immunotwin/cli';
import { ModelRegistry } from '@immunotwin/engine';
import { describe, expect, it } from 'vitest';
import { builtInModels, builtInRegistry } from '../src/index.js';
import { builtInDescriptors } from '../src/descriptors.js';

describe('the built-in models', () => {
  it('register without error, each under its own id', () => {
    const ids = builtInModels.map((plugin) => plugin.manifest.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(builtInRegistry().ids()).toEqual([...ids].sort());
    expect(ids).toContain('target-cell-limited');
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

  it('load from their descriptors: data plugins as manifests, the immune twin from its module', async () => {
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
