/**
 * Node entry of the headless twin kernel: `node kernel.js --model <id>` serves a `TwinKernel` for that model
 * over stdin/stdout (see `stdio.ts`). Run from its bundle (`scripts/bundle-headless-kernel.mjs` writes it into
 * `immunotwin/headless/`, beside the kernel's worker, the study pool's worker and the built-in models' code), so it
 * works from the installed Python package with nothing but `node` on PATH.
 */
import { builtInDescriptors } from '@immunotwin/models/descriptors';
import type { PluginDescriptor } from '@immunotwin/engine';
import { TwinKernel } from '../kernel.js';
import { createNodeKernelWorker } from '../node.js';
import { BUNDLED_MODEL_FILES, HEADLESS_WORKER_FILE } from './files.js';
import { serveKernelOverStdio, writeMessageLine } from './stdio.js';

/** The built-in descriptors with each model's code pointed at its file in this bundle. */
function bundledDescriptors(): PluginDescriptor[] {
  return builtInDescriptors.map((descriptor) => {
    if (!descriptor.module) return descriptor;
    const file = BUNDLED_MODEL_FILES[descriptor.module];
    if (!file) throw new Error(`the headless kernel bundle has no code for "${descriptor.module}"`);
    return { ...descriptor, module: new URL(file, import.meta.url).href };
  });
}

/** The value of `--model`, which must name a built-in model. */
function modelArgument(argv: readonly string[], descriptors: readonly PluginDescriptor[]): string {
  const index = argv.indexOf('--model');
  const model = index >= 0 ? argv[index + 1] : undefined;
  const known = descriptors.filter((d) => d.manifest.kernel).map((d) => d.manifest.id);
  if (!model || !known.includes(model)) {
    throw new Error(`--model must name a twin model with a kernel (${known.join(', ')}); got ${model ?? 'nothing'}`);
  }
  return model;
}

const plugins = bundledDescriptors();
const model = modelArgument(process.argv.slice(2), plugins);
const kernel = new TwinKernel({
  id: `headless-${process.pid}`,
  name: model,
  location: '',
  model,
  plugins: () => plugins,
  createWorker: () => createNodeKernelWorker({ workerUrl: new URL(HEADLESS_WORKER_FILE, import.meta.url) }),
  sendMessage: (msg) => writeMessageLine(process.stdout, msg),
});
await serveKernelOverStdio(kernel);
