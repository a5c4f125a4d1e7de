import { createRegistry } from '@immunotwin/cli';
import { describe, expect, it } from 'vitest';
import { builtInModels, builtInRegistry } from '../src/index.js';

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
});
