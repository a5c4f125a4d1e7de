import { createRegistry } from '@immunotwin/cli';
import { describe, expect, it } from 'vitest';
import { builtInModels, builtInRegistry } from '../src/index.js';
import { builtInManifests } from '../src/manifests.js';

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

  it('have their manifests in the manifests-only list, equal and in the same order', () => {
    expect(builtInManifests).toHaveLength(builtInModels.length);
    builtInManifests.forEach((manifest, i) => expect(manifest).toStrictEqual(builtInModels[i]!.manifest));
  });
});
