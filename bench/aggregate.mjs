/**
 * Streaming aggregation benchmark: the memory of an `EnsembleAggregate` staying flat as the number of runs
 * grows, and its throughput against today's way (keep every run, then `summarizeEnsemble` sorts each cell),
 * measured side by side. Runs are synthetic but of a realistic size: 601 samples × 9 observables, drawn once
 * into a pool of distinct runs that is cycled (the cost of aggregating does not depend on the values). The
 * baseline's memory is computed (runs × samples × observables × 8 bytes), since cycling a pool shares arrays;
 * its timing at 1e4 runs is likewise optimistic (the kept runs are not really allocated).
 */
import { performance } from 'node:perf_hooks';
import { createRng, EnsembleAggregate, summarizeEnsemble } from '@immunotwin/engine';
import { compare, report } from './harness.mjs';

const SAMPLES = 601;
const OBSERVABLES = 9;
const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const POOL = 128;
const time = Float64Array.from({ length: SAMPLES }, (_, i) => i * 0.05);

/** A pool of distinct synthetic runs: lognormal, normal and uniform observables. */
const pool = Array.from({ length: POOL }, (_, r) => {
  const rng = createRng(11, r);
  const observables = {};
  for (let j = 0; j < OBSERVABLES; j++) {
    const column = new Float64Array(SAMPLES);
    for (let i = 0; i < SAMPLES; i++) {
      const t = time[i];
      column[i] =
        j % 3 === 0 ? Math.exp(rng.normal(t / 10, 1.5)) : j % 3 === 1 ? rng.normal(1e6, 1e3 * t) : rng.uniform();
    }
    observables[`x${j}`] = column;
  }
  return { time, observables, metadata: {}, work: 0 };
});

/** Bytes of the typed arrays that keeping `runs` runs holds (their sample times are shared). */
const keptBytes = (runs) => runs * SAMPLES * OBSERVABLES * 8;
const MB = 1024 * 1024;

// Throughput, side by side: aggregate n runs and summarise, against keeping n runs and summarising them.
const throughput = (runs, samples) =>
  compare(
    {
      streaming: () => {
        const aggregate = new EnsembleAggregate({ quantiles: QUANTILES });
        for (let r = 0; r < runs; r++) aggregate.add(pool[r % POOL]);
        aggregate.summary();
        return runs;
      },
      keepEveryRun: () => {
        const kept = [];
        for (let r = 0; r < runs; r++) kept.push(pool[r % POOL]);
        summarizeEnsemble(kept, QUANTILES);
        return runs;
      },
    },
    { warmupMs: 1, sampleMs: 1, samples },
  );
const rates = { 1e3: throughput(1e3, 5), 1e4: throughput(1e4, 1) };

// Memory as the runs grow, on one aggregate: byteSize after 1e3, 1e4 and (if it fits in 20 s) 1e5 runs.
const aggregate = new EnsembleAggregate({ quantiles: QUANTILES });
const sizes = [];
let added = 0;
const started = performance.now();
for (const target of [1e3, 1e4, 1e5]) {
  const elapsed = (performance.now() - started) / 1000;
  if (target === 1e5 && (elapsed / added) * (target - added) > 20) break;
  for (; added < target; added++) aggregate.add(pool[added % POOL]);
  const before = performance.now();
  aggregate.summary();
  sizes.push({ runs: target, bytes: aggregate.byteSize(), summaryMs: performance.now() - before });
}
const addRate = added / ((performance.now() - started) / 1000);
const flat = sizes.every((s) => s.bytes === sizes[0].bytes);
if (!flat) throw new Error(`aggregate: byteSize changed with the number of runs: ${JSON.stringify(sizes)}`);

const notes = [
  `runs of ${SAMPLES} samples × ${OBSERVABLES} observables; quantiles ${QUANTILES.join(', ')}; KLL k = ${aggregate.k}`,
  `byteSize: ${sizes.map((s) => `${s.runs.toLocaleString('en-US')} runs ${(s.bytes / MB).toFixed(1)} MB`).join(', ')} (flat; memoryBound ${(EnsembleAggregate.memoryBound(SAMPLES, OBSERVABLES) / MB).toFixed(1)} MB)`,
  `summary() at ${sizes.map((s) => `${s.runs.toLocaleString('en-US')}: ${s.summaryMs.toFixed(0)} ms`).join(', ')}; ${Math.round(addRate).toLocaleString('en-US')} runs/s added up to ${added.toLocaleString('en-US')} runs`,
  `rank error bound (δ = 1e-3) at ${added.toLocaleString('en-US')} runs: ${aggregate.rankErrorBound(1e-3).toFixed(0)} runs (${((100 * aggregate.rankErrorBound(1e-3)) / added).toFixed(2)} %)`,
];
for (const [runs, rate] of Object.entries(rates)) {
  report({
    name: `aggregate ${Number(runs).toLocaleString('en-US')} runs + summary`,
    unit: 'runs/s',
    engine: rate.streaming.rate,
    baseline: rate.keepEveryRun.rate,
    baselineLabel: 'keep every run + summarizeEnsemble',
    notes: runs === '1000' ? notes : [],
  });
}
for (const { runs, bytes } of sizes) {
  report({
    name: `aggregate memory at ${runs.toLocaleString('en-US')} runs`,
    unit: 'MB (lower is better)',
    engine: bytes / MB,
    baseline: keptBytes(runs) / MB,
    baselineLabel: 'the kept runs’ typed arrays (computed)',
    notes: [],
  });
}
