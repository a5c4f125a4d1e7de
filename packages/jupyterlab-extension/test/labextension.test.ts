import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ModelRegistry } from '@immunotwin/engine';
import { withinHostModels } from '@immunotwin/model-within-host';
import { describe, expect, it } from 'vitest';
import { twinKernelSpecs } from '../src/specs.js';

const root = new URL('../../../', import.meta.url);
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

describe('twin kernelspecs', () => {
  it('are one per built-in model whose manifest asks for a kernel, named by the manifest', () => {
    const registry = new ModelRegistry();
    for (const model of withinHostModels) registry.register(model);
    const expected = withinHostModels
      .filter((model) => model.manifest.kernel)
      .map((model) => ({
        name: `immunotwin-${model.manifest.id}`,
        model: model.manifest.id,
        displayName: model.manifest.kernel!.displayName,
      }));
    expect(expected.length).toBeGreaterThan(0);
    expect(twinKernelSpecs(registry.list())).toEqual(expected);
    expect(twinKernelSpecs(registry.list())[0]).toMatchObject({ displayName: 'Within-host Twin' });
  });
});

describe('the built labextension (npm run build)', () => {
  it('declares the extension with the version the Python package takes, and its entry exists', () => {
    const source = readJson('packages/jupyterlab-extension/package.json');
    const built = readJson('immunotwin/labextension/package.json');
    expect(built.name).toBe('@immunotwin/jupyterlab-extension');
    expect(built.version).toBe(source.version);
    const lab = built.jupyterlab as { extension: unknown; _build: { load: string; extension: string } };
    expect(lab.extension).toBe(true);
    expect(lab._build.extension).toBe('./extension');
    expect(existsSync(new URL(`immunotwin/labextension/${lab._build.load}`, root))).toBe(true);
  });

  it('bundles the twin kernel worker as a module Web Worker chunk', () => {
    const load = (readJson('immunotwin/labextension/package.json').jupyterlab as { _build: { load: string } })._build
      .load;
    const remoteEntry = readFileSync(new URL(`immunotwin/labextension/${load}`, root), 'utf8');
    expect(remoteEntry).toContain('@immunotwin/jupyterlab-extension');
    const dir = new URL('immunotwin/labextension/static/', root);
    const chunks = readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(new URL(name, dir), 'utf8'));
    expect(chunks.some((text) => text.includes('new Worker(new URL('))).toBe(true);
  });
});
