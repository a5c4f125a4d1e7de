import { builtInDescriptors } from '@immunotwin/models/descriptors';
import { KernelSpecs } from '@jupyterlite/services';
import { describe, expect, it } from 'vitest';
import { builtInModuleUrl } from '../src/builtInModules.js';
import { registerTwinKernels } from '../src/kernelspecs.js';
import { ModelRegistry } from '../src/modelRegistry.js';
import type { IModelRegistry } from '../src/tokens.js';

const [targetCellLimited] = builtInDescriptors;
/** A model an outside plugin would register: a manifest that asks for a kernel, and code at a URL. */
const outside = {
  manifest: { ...targetCellLimited!.manifest, id: 'hiv-latent', kernel: { displayName: 'HIV Latent Reservoir Twin' } },
  module: 'https://example.org/static/hiv.js',
  provider: 'immunotwin-model-hiv',
};

describe('the page model registry (IModelRegistry)', () => {
  it('emits changed on register and on dispose, with the manifest, and takes the model out', () => {
    const registry = new ModelRegistry();
    const seen: IModelRegistry.IChangedArgs[] = [];
    registry.changed.connect((_, change) => seen.push(change));
    const registration = registry.register(outside);
    expect(registry.has('hiv-latent')).toBe(true);
    expect(registry.get('hiv-latent')).toBe(outside);
    registration.dispose();
    registration.dispose();
    expect(registry.has('hiv-latent')).toBe(false);
    expect(seen).toEqual([
      { type: 'added', manifest: outside.manifest },
      { type: 'removed', manifest: outside.manifest },
    ]);
  });

  it('refuses a duplicate id with a message naming it, emitting nothing', () => {
    const registry = new ModelRegistry();
    registry.register(outside);
    let emitted = 0;
    registry.changed.connect(() => emitted++);
    expect(() => registry.register({ ...outside, provider: 'a second plugin' })).toThrow(
      /a model "hiv-latent" is already registered; choose another id/,
    );
    expect(registry.get('hiv-latent').provider).toBe('immunotwin-model-hiv');
    expect(emitted).toBe(0);
  });
});

describe('twin kernelspecs follow the registry', () => {
  it('gets a kernelspec for a model registered after start, once, naming the model in its metadata', () => {
    const registry = new ModelRegistry();
    for (const descriptor of builtInDescriptors) registry.register(descriptor);
    const kernelSpecs = new KernelSpecs();
    const atStart = registerTwinKernels(kernelSpecs, registry);
    expect(atStart).toBe(builtInDescriptors.filter((d) => d.manifest.kernel).length);
    // Both service plugins may call it on the same kernelspecs: it must not follow the registry twice.
    expect(registerTwinKernels(kernelSpecs, registry)).toBe(0);
    let changes = 0;
    kernelSpecs.changed.connect(() => changes++);
    registry.register(outside);
    expect(changes).toBe(1);
    const spec = kernelSpecs.specs?.kernelspecs['immunotwin-hiv-latent'];
    expect(spec).toMatchObject({
      display_name: 'HIV Latent Reservoir Twin',
      metadata: { immunotwin: { model: 'hiv-latent' } },
    });
  });

  it('refuses to start the kernel of a model whose registration was disposed, naming the model', async () => {
    const registry = new ModelRegistry();
    const kernelSpecs = new KernelSpecs();
    registerTwinKernels(kernelSpecs, registry);
    registry.register(outside).dispose();
    const factory = kernelSpecs.factories.get('immunotwin-hiv-latent');
    await expect(factory!({} as never)).rejects.toThrow(
      'the ImmunoTwin model "hiv-latent" is no longer registered (its plugin was removed)',
    );
  });
});

describe('the built-in models’ code URLs', () => {
  it('point into the extension’s static folder, where the build puts the immune and lung twins’ modules', () => {
    const base = 'http://localhost:8888/lab/extensions/@immunotwin/jupyterlab-extension/static/';
    const urls = builtInDescriptors
      .filter((d) => d.module !== undefined)
      .map((d) => [d.manifest.id, builtInModuleUrl(d.module!, base)]);
    expect(urls).toEqual([
      ['immune-system', `${base}models/model-immune.js`],
      ['lung', `${base}models/model-lung.js`],
    ]);
    expect(() => builtInModuleUrl('@someone/else', base)).toThrow('ImmunoTwin serves no module for "@someone/else"');
  });
});
