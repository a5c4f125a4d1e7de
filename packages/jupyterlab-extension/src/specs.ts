import type { CatalogEntry } from '@immunotwin/engine';

/** What a twin kernelspec needs from a model. */
export interface ITwinKernelSpec {
  /** Kernel name (the model id, prefixed): unique among the server's and the browser's kernels. */
  readonly name: string;
  /** The model the kernel's `twin` is. */
  readonly model: string;
  /** Display name, from the manifest's `kernel.displayName`. */
  readonly displayName: string;
}

/** The prefix of every twin kernel name. */
export const KERNEL_NAME_PREFIX = 'immunotwin-';

/** One kernelspec per model whose manifest asks for a kernel (has a `kernel` section), in registry order. */
export function twinKernelSpecs(models: readonly CatalogEntry[]): ITwinKernelSpec[] {
  return models.flatMap(({ manifest }) =>
    manifest.kernel
      ? [{ name: `${KERNEL_NAME_PREFIX}${manifest.id}`, model: manifest.id, displayName: manifest.kernel.displayName }]
      : [],
  );
}
