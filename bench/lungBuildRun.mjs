/**
 * One Lung Twin run by the build of a checkout, in a process of its own (for bench/lung.mjs's comparison of two
 * builds, and of the cytokine on voxels): `node bench/lungBuildRun.mjs <checkout> <side> <days> [overrides]` runs a
 * `side²` section for `days` days (seed 1, fieldFloor 1e-9, the active method; `overrides`, a JSON object of
 * parameters, on top) with that checkout's built packages and prints one JSON line: the wall time of the steps,
 * the set-up time, the CPU time of both (user + system: on a shared machine the wall time also counts the time
 * other processes had the core), the peak RSS of the run (before the final view), a hash of the final cells, fields and agents' sites, and the final
 * damage, infected cells, T cells, neutrophils and CRP proxy.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [root, side, days, overrides] = process.argv.slice(2);
const load = (pkg) => import(pathToFileURL(join(root, 'packages', pkg, 'lib', 'index.js')).href);
/** Where Node finds `@immunotwin/engine` from the checkout's model-lung: up from its real directory. */
function engineSeenFrom(dir) {
  for (let at = realpathSync(dir); ; at = dirname(at)) {
    const path = join(at, 'node_modules', '@immunotwin', 'engine');
    if (existsSync(path)) return path;
    if (dirname(at) === at) return undefined;
  }
}
// The checkout's model-lung must import the checkout's own engine: with another's (a checkout whose node_modules
// links to this one's), the generator made here is not the one its kernels know, they decline, and the run takes
// the JavaScript loops — the same bits, far slower, and a comparison that says nothing.
const engineSeen = engineSeenFrom(join(root, 'packages', 'model-lung'));
if (!engineSeen || realpathSync(engineSeen) !== realpathSync(join(root, 'packages', 'engine'))) {
  throw new Error(
    `${root}: its model-lung imports @immunotwin/engine from ${engineSeen ? realpathSync(engineSeen) : 'nowhere'}, ` +
      `not its own packages/engine; link ${join(root, 'node_modules', '@immunotwin')}/* to its own packages`,
  );
}
const { createRng } = await load('engine');
const { LungModel, lungManifest } = await load('model-lung');
const defaults = Object.fromEntries(lungManifest.parameters.map((q) => [q.id, q.default]));
const parameters = { ...defaults, latticeSize: Number(side), fieldFloor: 1e-9, ...JSON.parse(overrides ?? '{}') };
const start = performance.now();
const cpuStart = process.cpuUsage();
const model = new LungModel({ parameters, initial: {}, rng: createRng(1) }, { method: 'active' });
const built = performance.now();
const steps = Math.round(Number(days) / model.dt);
for (let s = 0; s < steps; s++) model.step(model.dt);
const stepped = performance.now();
const cpu = process.cpuUsage(cpuStart);
// The run's own peak, before the view below copies the fields for the hash.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const view = model.view();
const out = new Float64Array(lungManifest.observables.length);
model.observe(out);
const observed = Object.fromEntries(
  ['damage', 'infected', 'tCells', 'neutrophils', 'crp'].map((id) => [
    id,
    out[lungManifest.observables.findIndex((o) => o.id === id)],
  ]),
);
const hash = createHash('sha256');
for (const array of [view.cells, view.agents.sites, ...Object.values(view.fields).map((f) => f.values)]) {
  hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}
console.log(
  JSON.stringify({
    setUp: (built - start) / 1000,
    steps: (stepped - built) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
    peakRssMb,
    hash: hash.digest('hex'),
    observed,
  }),
);
