/**
 * Widgets benchmark (issue 4): what a student feels in the browser. A real Chromium shows the real
 * `<twin-workbench>` of the target-cell-limited model (30-day runs) with the real plotly.js, and measures
 *   1. slider → first updated frame: the `c` slider is moved with the keyboard (alternately one step right
 *      and left, as a user would), and the time from the `input` event to the first plotly call that draws
 *      points of the new run is taken in the page's clock; median and p95, with the default (no debounce:
 *      the newest change cancels the run in flight and starts at once) and with the former 150 ms debounce;
 *   2. the longest main-thread task during a run: every task of the page's main thread from a Chromium
 *      trace, and the Long Tasks API (the target: none of 50 ms or more); for 30-day ODE runs and for an
 *      SSA ensemble that keeps the twin busy for seconds.
 * The peer, measured side by side in the same page and interleaved, is the same workbench with an
 * in-process `TwinSession` on the main thread instead of the production worker session
 * (`browserSessionFactory()`). The page (bench/widgets/) is built with vite into dist/bench-widgets
 * (rebuilt only when its inputs change) and served by a small static server.
 */
import { join } from 'node:path';
import { buildPage, launchChromium, ROOT, serve } from './browserPage.mjs';
import { median, report } from './harness.mjs';

const PAGE = join(ROOT, 'bench', 'widgets');
const OUT = join(ROOT, 'dist', 'bench-widgets');
/** Slider moves per session kind and debounce setting (split over the interleaved rounds). */
const CHANGES = 40;
const ROUNDS = 2;
/** 30-day ODE runs per session kind and round, traced together. */
const ODE_RUNS = 5;
/** The default (0: start at once, cancel the run in flight) and the former default debounce, 150 ms. */
const DEBOUNCES = [0, 150];
/** An ensemble that keeps the twin busy for seconds: exact SSA, 1e5 target cells (R0 as in bench/ssa.mjs). */
const U0 = 1e5;
const ENSEMBLE = {
  method: 'ssa',
  parameters: { U0, V0: 10, beta: 3.2e-5 * (4e8 / U0) },
  replicates: 20,
  seed: 2026,
};
const ENSEMBLE_LABEL = `exact SSA, ${ENSEMBLE.replicates} replicates × 30 days, U0 = 1e5`;

// --- measuring ---

/** The p-th percentile (nearest rank) of a list of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs `during` while Chromium traces the page; returns its result and the durations (ms) of the page
 * main thread's tasks that overlap a window the page marked with `console.timeStamp('bench:start')` …
 * `console.timeStamp('bench:end')`, longest first (with the window's index; the three longest with the
 * names of the longest events inside them).
 */
async function traced(browser, page, during) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let result;
  let buffer;
  try {
    result = await during();
  } finally {
    buffer = await browser.stopTracing();
  }
  const trace = JSON.parse(buffer.toString('utf8'));
  const events = trace.traceEvents ?? trace;
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.isOutermostMainFrame)?.processId;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain',
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === pid && e.tid === main.tid);
  const marks = onMain.filter((e) => e.name === 'TimeStamp').map((e) => ({ ts: e.ts, message: e.args?.data?.message }));
  const windows = [];
  for (const mark of marks) {
    if (mark.message === 'bench:start') windows.push({ from: mark.ts, to: Infinity });
    else if (mark.message === 'bench:end' && windows.length > 0) windows[windows.length - 1].to = mark.ts;
  }
  if (windows.length === 0) throw new Error('the page marked no window in the trace');
  const windowOf = (e) => windows.findIndex((w) => e.ts <= w.to && e.ts + e.dur >= w.from);
  const tasks = onMain
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && windowOf(e) >= 0)
    .map((e) => ({ ms: e.dur / 1000, ts: e.ts, dur: e.dur, window: windowOf(e), what: '' }))
    .sort((a, b) => b.ms - a.ms);
  for (const task of tasks.slice(0, 3)) {
    const inside = onMain.filter(
      (e) => e.ph === 'X' && e.name !== 'RunTask' && e.ts >= task.ts && e.ts < task.ts + task.dur,
    );
    task.what = inside
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 3)
      .map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`)
      .join(', ');
  }
  return { result, tasks };
}

async function measureSession(browser, page, kind, round, figures) {
  await page.evaluate(({ kind }) => window.bench.mount(kind, 0), { kind });
  await page.evaluate(() => window.bench.focusSlider('c'));
  const move = async (i, record) => {
    const mark = await page.evaluate(() => window.bench.mark());
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    const latency = await page.evaluate((m) => window.bench.afterInput(m), mark);
    if (record) record.push(latency);
  };
  for (let i = 0; i < 2; i++) await move(i); // warm-up (JIT, plotly paths), not recorded
  for (const debounce of DEBOUNCES) {
    await page.evaluate((d) => window.bench.setDebounce(d), debounce);
    const record = figures[kind].latency[debounce];
    const n = CHANGES / ROUNDS;
    for (let i = 0; i < n; i++) await move(i, record);
  }
  const ode = await traced(browser, page, async () => {
    const runs = [];
    for (let i = 0; i < ODE_RUNS; i++) runs.push(await page.evaluate(() => window.bench.run()));
    return runs;
  });
  figures[kind].ode.tasks.push(...ode.tasks);
  for (let i = 0; i < ode.result.length; i++) {
    figures[kind].ode.perRun.push(Math.max(0, ...ode.tasks.filter((t) => t.window === i).map((t) => t.ms)));
  }
  for (const run of ode.result) {
    figures[kind].ode.wall.push(run.settled);
    figures[kind].ode.longTasks.push(...run.longTasks);
  }
  const ensemble = await traced(browser, page, () => page.evaluate((s) => window.bench.run(s), ENSEMBLE));
  figures[kind].ensemble.tasks.push(...ensemble.tasks);
  figures[kind].ensemble.wall.push(ensemble.result.settled);
  figures[kind].ensemble.runEnd.push(ensemble.result.runEnd);
  figures[kind].ensemble.longTasks.push(...ensemble.result.longTasks);
  figures[kind].ensemble.plot.push(ensemble.result.plot);
  await page.evaluate(() => window.bench.unmount());
  console.log(`  round ${round + 1}: ${kind} session measured`);
}

const rebuilt = await buildPage({
  page: PAGE,
  out: OUT,
  packages: ['engine', 'model-within-host', 'models', 'worker', 'widgets'],
  inputs: [join(ROOT, 'node_modules', 'plotly.js-basic-dist-min', 'package.json')],
});
if (rebuilt) console.log(`  built the page into ${OUT}`);
const browser = await launchChromium('widgets');
const server = await serve(OUT);
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const fresh = () => ({
    latency: Object.fromEntries(DEBOUNCES.map((d) => [d, []])),
    ode: { tasks: [], perRun: [], wall: [], longTasks: [] },
    ensemble: { tasks: [], wall: [], runEnd: [], longTasks: [], plot: [] },
  });
  const figures = { worker: fresh(), main: fresh() };
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of round % 2 ? ['main', 'worker'] : ['worker', 'main']) {
      await measureSession(browser, page, kind, round, figures);
    }
  }
  if (errors.length > 0) throw errors[0];

  const version = browser.version();
  const { worker, main } = figures;
  const peer = 'main-thread TwinSession peer';
  const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  const longest = (tasks) => Math.max(0, ...tasks);
  const longestTask = (tasks) => tasks.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, what: '' });
  const busy = (tasks) => tasks.reduce((a, b) => a + b.ms, 0);
  /** "12 react (1,234 ms; longest 40 ms for 30000 points), …" averaged over the runs (the longest: of all). */
  const plotCalls = (runs) => {
    const kinds = [...new Set(runs.flatMap((r) => Object.keys(r)))];
    const mean = (kind, key) => runs.reduce((a, r) => a + (r[kind]?.[key] ?? 0), 0) / runs.length;
    const longestCall = (kind) =>
      runs.reduce((a, r) => ((r[kind]?.longest ?? 0) > a.longest ? r[kind] : a), { longest: 0, points: 0 });
    return kinds
      .map((k) => {
        const top = longestCall(k);
        return `${Math.round(mean(k, 'calls'))} ${k} (${ms(mean(k, 'ms'))}; longest ${ms(top.longest)} for ${top.points} points)`;
      })
      .join(', ');
  };
  const over50 = (list) =>
    list.length === 0 ? 'none ≥ 50 ms' : `${list.length} ≥ 50 ms (longest ${ms(longest(list.map((t) => t.duration)))})`;
  for (const debounce of DEBOUNCES) {
    const pick = (kind, key) => figures[kind].latency[debounce].map((l) => l[key]);
    const label = debounce ? `debounce ${debounce} ms (the former default)` : 'default: no debounce';
    report({
      name: `slider → first frame, median, ${label}`,
      unit: 'ms',
      engine: median(pick('worker', 'firstData')),
      baseline: median(pick('main', 'firstData')),
      baselineLabel: `${peer} (lower is better)`,
      notes: [
        `Chromium ${version}; ${CHANGES} keyboard moves of the c slider per session (${ROUNDS} interleaved rounds), ${label}`,
        `worker: first plot update (old curve cleared) median ${ms(median(pick('worker', 'firstUpdate')))}, that draw took ${ms(median(pick('worker', 'draw')))}, run drawn to the end ${ms(median(pick('worker', 'settled')))}`,
        `main thread: first plot update median ${ms(median(pick('main', 'firstUpdate')))}, that draw took ${ms(median(pick('main', 'draw')))}, run drawn to the end ${ms(median(pick('main', 'settled')))}`,
      ],
    });
    report({
      name: `slider → first frame, p95, ${label}`,
      unit: 'ms',
      engine: percentile(pick('worker', 'firstData'), 95),
      baseline: percentile(pick('main', 'firstData'), 95),
      baselineLabel: `${peer} (lower is better)`,
      notes: [],
    });
  }
  report({
    name: 'longest main-thread task, 30-day ODE run',
    unit: 'ms',
    engine: longestTask(worker.ode.tasks).ms,
    baseline: longestTask(main.ode.tasks).ms,
    baselineLabel: `${peer} (lower is better)`,
    notes: [
      `${ODE_RUNS * ROUNDS} full-speed runs per session, every task of the page's main thread from a Chromium trace (its overhead included); longest of all runs`,
      `median of each run's longest task: worker ${ms(median(worker.ode.perRun))}, main thread ${ms(median(main.ode.perRun))}`,
      `worker: ${over50(worker.ode.longTasks)}; run drawn in median ${ms(median(worker.ode.wall))}`,
      `main thread: ${over50(main.ode.longTasks)}; run drawn in median ${ms(median(main.ode.wall))}`,
      `longest task inside (longest events, ms): worker: ${longestTask(worker.ode.tasks).what}; main thread: ${longestTask(main.ode.tasks).what}`,
    ],
  });
  report({
    name: `longest main-thread task, ${ENSEMBLE_LABEL}`,
    unit: 'ms',
    engine: longestTask(worker.ensemble.tasks).ms,
    baseline: longestTask(main.ensemble.tasks).ms,
    baselineLabel: `${peer} (lower is better)`,
    notes: [
      `${ROUNDS} runs per session; worker: ${over50(worker.ensemble.longTasks)}; run ended in median ${ms(median(worker.ensemble.runEnd))}, drawn ${ms(median(worker.ensemble.wall))}`,
      `main thread: ${over50(main.ensemble.longTasks)}; run ended in median ${ms(median(main.ensemble.runEnd))}, drawn ${ms(median(main.ensemble.wall))}`,
      `main-thread busy time during the run: worker ${ms(busy(worker.ensemble.tasks) / ROUNDS)}, main thread ${ms(busy(main.ensemble.tasks) / ROUNDS)} (per run)`,
      `plotly per run: worker ${plotCalls(worker.ensemble.plot)}; main thread ${plotCalls(main.ensemble.plot)}`,
      `longest task inside (longest events, ms): worker: ${longestTask(worker.ensemble.tasks).what}; main thread: ${longestTask(main.ensemble.tasks).what}`,
    ],
  });
} finally {
  await browser.close();
  server.close();
}
