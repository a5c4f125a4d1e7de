#!/usr/bin/env node
// `npm run fuzz`: runs the property-based fuzz tests (*.fuzz.test.ts) longer than `npm test` does, with a random
// seed it prints first, so that a failure can be replayed:
//   npm run fuzz                              FUZZ_RUNS=2000 cases per property, a random seed
//   FUZZ_RUNS=10000 npm run fuzz              more cases
//   FUZZ_SEED=123456 npm run fuzz             replay a seed (fast-check also prints the failing case's path)
//   npm run fuzz -- sbml.fuzz twinApi.fuzz    only some fuzz test files (vitest file filters)
// The tests read FUZZ_RUNS and FUZZ_SEED (packages/engine/test/fuzz/fuzzSettings.ts); `npm test` sets neither and
// runs each property's fixed count with the fixed seed. Each property prints its outcome counts here.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const runs = process.env.FUZZ_RUNS || '2000';
const seed = process.env.FUZZ_SEED || String(randomInt(2 ** 31));
console.log(
  `fuzz: ${runs} cases per property, seed ${seed} (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`,
);
const filters = process.argv.slice(2);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', ...(filters.length ? filters : ['.fuzz.test.ts'])], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
if (result.status !== 0)
  console.log(`fuzz: failed with seed ${seed}; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`);
process.exit(result.status ?? 1);
