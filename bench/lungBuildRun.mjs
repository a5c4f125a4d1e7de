/**
 * One Lung Twin run by the build of a checkout, in a process of its own (for bench/lung.mjs's comparison of two
 * builds): `node bench/lungBuildRun.mjs <checkout> <side> <days>` runs a `side²` section for `days` days (seed 1,
 * fieldFloor 1e-9, the active method) with that checkout's built packages and prints one JSON line: the wall time
 * of the steps, the set-up time, the CPU time of both (user + system: on a shared machine the wall time also
 * counts the time other processes had the core), the peak RSS and a hash of the final cells, fields and agents'
 * sites.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [root, side, days] = process.argv.slice(2);
const load = (pkg) => import(pathToFileURL(join(root, 'packages', pkg, 'lib', 'index.js')).href);
const { createRng } = await load('engine');
const { LungModel, lungManifest } = await load('model-lung');
const defaults = Object.fromEntries(lungManifest.parameters.map((q) => [q.id, q.default]));
const parameters = { ...defaults, latticeSize: Number(side), fieldFloor: 1e-9 };
const start = performance.now();
const cpuStart = process.cpuUsage();
const model = new LungModel({ parameters, initial: {}, rng: createRng(1) }, { method: 'active' });
const built = performance.now();
const steps = Math.round(Number(days) / model.dt);
for (let s = 0; s < steps; s++) model.step(model.dt);
const stepped = performance.now();
const cpu = process.cpuUsage(cpuStart);
const view = model.view();
const hash = createHash('sha256');
for (const array of [view.cells, view.agents.sites, ...Object.values(view.fields).map((f) => f.values)]) {
  hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}
console.log(
  JSON.stringify({
    setUp: (built - start) / 1000,
    steps: (stepped - built) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    hash: hash.digest('hex'),
  }),
);
