/**
 * Fit benchmark (two parts). First: the least-squares fit of the Hayden et al. 1996 untreated arm (target-cell-limited model, log10 V on
 * days 0–8, β, p and c on log10 scales; the objective of test/python/test_fit_scipy.py at the solvers' default
 * tolerances) by the engine's Levenberg–Marquardt from one start, in this thread: its wall time and the ODE runs per
 * second it rests on. Measured side by side against the same fit done by scipy.optimize.least_squares (trust-region
 * reflective, 2-point Jacobian) over libroadrunner (PyPI, in .venv: CVODE at rtol 1e-8, atol 1e-10, as the engine's
 * Dormand–Prince) on the model exported by `immunotwin export-sbml`, from the same start, in one Python process.
 * Second: the patient widget's fit of the same arm (its `PatientService`: 4 starts and the profile likelihoods of β, p
 * and c) on a pool of 2 Node worker threads, as the widget's worker runs it on nested workers, against the same
 * service in one thread, alternated, with a check that both give the same estimates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseGroup, fitFromStart, parseObservationsCsv, scenarioFitProblem } from '@immunotwin/engine';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { PatientService } from '@immunotwin/worker';
import { createNodePool } from '@immunotwin/worker/node';
import { toSBML } from '@immunotwin/sbml';
import { median, report } from './harness.mjs';

const csv = readFileSync(new URL('../examples/data/hayden1996.csv', import.meta.url), 'utf8');
const untreated = parseObservationsCsv(csv, { fileName: 'hayden1996.csv' }).find((d) => d.group === 'untreated');
const plugin = builtInRegistry().get('target-cell-limited');
const parameters = [
  { id: 'beta', lower: 1e-7, upper: 1, scale: 'log' },
  { id: 'p', lower: 1e-6, upper: 10, scale: 'log' },
  { id: 'c', lower: 0.1, upper: 100, scale: 'log' },
];
const problem = scenarioFitProblem({
  plugin,
  experiments: [{ scenario: { model: 'target-cell-limited', duration: 8 }, data: [untreated] }],
  observation: {
    observations: [
      { observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 1 }, censor: false },
    ],
  },
  parameters,
});
/** The start: the model's defaults (β 3.2e-5, p 0.046, c 5.2). */
const start = [3.2e-5, 4.6e-2, 5.2];

function engineFit() {
  const begin = performance.now();
  return fitFromStart(problem, start).then((fit) => ({ fit, seconds: (performance.now() - begin) / 1000 }));
}

await engineFit();
const samples = [];
for (let i = 0; i < 5; i++) samples.push(await engineFit());
const { fit } = samples[0];
const seconds = median(samples.map((s) => s.seconds));
const runsPerSecond = median(samples.map((s) => s.fit.evaluations / s.seconds));
const cost = fit.negLogLikelihood - untreated.time.length * 0.5 * Math.log(2 * Math.PI);

const python = fileURLToPath(new URL('../.venv/bin/python', import.meta.url));
if (!existsSync(python)) {
  console.log(
    `  engine: ${seconds.toFixed(3)} s per fit, ${Math.round(runsPerSecond)} ODE runs/s, ${fit.evaluations} runs`,
  );
  console.log('  (libroadrunner peer skipped: no .venv; `node scripts/ensure-venv.mjs` makes it)');
  report({
    name: 'least-squares fit of the Hayden untreated arm, one thread',
    unit: 'ODE runs/s',
    engine: runsPerSecond,
    baseline: runsPerSecond,
    baselineLabel: 'itself (no peer)',
    notes: [],
  });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'immunotwin-bench-'));
  try {
    writeFileSync(join(dir, 'model.xml'), toSBML(plugin.manifest));
    writeFileSync(
      join(dir, 'fit.json'),
      JSON.stringify({
        times: untreated.time.map((t) => t / 24),
        values: untreated.values,
        parameters,
        start,
      }),
    );
    const script = fileURLToPath(new URL('./fitRoadrunner.py', import.meta.url));
    const peer = JSON.parse(execFileSync(python, [script, dir], { encoding: 'utf8' }));
    const notes = [
      `engine: ${fit.evaluations} ODE runs, cost ½Σr² ${cost.toPrecision(8)}; scipy + libroadrunner: ${peer.runs} runs, cost ${peer.cost.toPrecision(8)}`,
      `estimates (engine / scipy): ${fit.theta.map((v, i) => `${parameters[i].id} ${v.toPrecision(5)} / ${peer.x[i].toPrecision(5)}`).join(', ')}`,
    ];
    report({
      name: 'least-squares fit of the Hayden untreated arm, one thread',
      unit: 'fits/s',
      engine: 1 / seconds,
      baseline: 1 / peer.seconds,
      baselineLabel: `scipy ${peer.scipy} least_squares over libroadrunner ${peer.version}`,
      notes,
    });
    report({
      name: 'the ODE runs that fit rests on',
      unit: 'runs/s',
      engine: runsPerSecond,
      baseline: peer.runs / peer.seconds,
      baselineLabel: `libroadrunner ${peer.version} (CVODE) inside scipy`,
      notes: [],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The patient widget's fit: 4 starts and the profiles, on a pool of 2 worker threads against one thread.
const patientState = {
  version: 1,
  scenario: { model: 'target-cell-limited', parameters: { eclipse: 1 }, duration: 9 },
  data: chooseGroup(parseObservationsCsv(csv), 'untreated').datasets,
  fit: {
    parameters,
    observation: {
      observations: [
        { observable: 'log10V', expression: 'log10(V)', noise: { kind: 'gaussian', sigma: 1 }, censor: false },
      ],
    },
    starts: 4,
  },
  assimilate: { estimate: { beta: 1, p: 1 }, day: 0 },
};
const onPool = new PatientService({ pool: (plugins) => createNodePool({ plugins, size: 2 }) });
const inThread = new PatientService();
await onPool.addPlugins(builtInDescriptors);
await inThread.addPlugins(builtInDescriptors);
/** Seconds of one fit by `service`, and the fit. */
async function patientFit(service) {
  const begin = performance.now();
  const result = await service.fit(patientState);
  return { result, seconds: (performance.now() - begin) / 1000 };
}
try {
  await patientFit(onPool); // the pool's workers start and load the models
  await patientFit(inThread);
  const pooled = [];
  const local = [];
  for (let i = 0; i < 3; i++) {
    pooled.push(await patientFit(onPool));
    local.push(await patientFit(inThread));
  }
  const same = JSON.stringify(pooled[0].result.parameters) === JSON.stringify(local[0].result.parameters);
  if (!same) throw new Error('the patient fit on the pool gave other estimates than in one thread');
  const { parameters: estimates } = local[0].result;
  report({
    name: "the patient widget's fit (4 starts and profiles), on a pool of 2 workers",
    unit: 'fits/s',
    engine: 1 / median(pooled.map((s) => s.seconds)),
    baseline: 1 / median(local.map((s) => s.seconds)),
    baselineLabel: 'the same service in one thread',
    notes: [
      `the same estimates both ways: ${estimates.map((p) => `${p.id} ${p.estimate.toPrecision(4)}`).join(', ')}; medians of 3 fits each, alternated`,
    ],
  });
} finally {
  onPool.dispose();
}
