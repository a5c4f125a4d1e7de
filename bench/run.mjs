/**
 * Runs every benchmark (each in its own Node process, so one's JIT state cannot favour another) and
 * prints a table of figures against their baselines or peers measured side by side in the same run.
 * Usage: `npm run bench` (builds first), or `node bench/run.mjs [math|ode|ssa|immune|lung|coupling|pool|browserPool|browserLung|sweep|fit|assimilation|aggregate|widgets|tissueView …]`
 * after `tsc -b` (browserPool and widgets: a real Chromium, `/usr/bin/chromium` or `CHROMIUM_PATH`).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatRate, RESULT_PREFIX } from './harness.mjs';

const BENCHMARKS = [
  'math',
  'ode',
  'ssa',
  'immune',
  'lung',
  'coupling',
  'pool',
  'browserPool',
  'browserLung',
  'sweep',
  'fit',
  'aggregate',
  'widgets',
  'tissueView',
  'assimilation',
];

function runBenchmark(name) {
  return new Promise((resolve, reject) => {
    const file = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const results = [];
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)));
        else console.log(line);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || results.length === 0) reject(new Error(`benchmark ${name} failed (exit code ${code})`));
      else resolve(results);
    });
  });
}

function table(rows) {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows
    .map((r) =>
      r
        .map((cell, j) => (j === 0 || j >= 4 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

const selected = process.argv.length > 2 ? process.argv.slice(2) : BENCHMARKS;
const unknown = selected.filter((n) => !BENCHMARKS.includes(n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; allowed: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const results = [];
let failed = false;
for (const name of selected) {
  console.log(`\n== ${name} ==`);
  try {
    results.push(...(await runBenchmark(name)));
  } catch (error) {
    console.error(`bench: ${error.message}`);
    failed = true;
  }
}

console.log(
  `\nBenchmarks (median of interleaved samples unless a row says p95 or longest; node ${process.version}; ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
);
console.log(
  table([
    ['benchmark', 'engine', 'baseline', 'ratio', 'unit', 'baseline is'],
    ...results.map((r) => [
      r.name,
      formatRate(r.engine),
      formatRate(r.baseline),
      `${r.ratio.toFixed(r.ratio < 10 ? 2 : 1)}×`,
      r.unit,
      r.baselineLabel,
    ]),
  ]),
);
if (failed) process.exitCode = 1;
