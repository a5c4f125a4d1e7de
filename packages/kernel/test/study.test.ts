/**
 * `twin.sweep()` and `twin.sensitivity()`: the same numbers as the runs done one by one, figures that pass the
 * study bundle's schema, the same bits whatever the pool, readable errors, and — through a real kernel on a
 * worker thread — a progress line updated in place and an interrupt that stops the workers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KernelMessage } from '@jupyterlab/services';
import {
  designPoints,
  parseStudyBundle,
  peakValue,
  prcc,
  runScenarioSync,
  saltelliLayout,
  sobolIndices,
  STUDY_MIME_TYPE,
  type BandFigure,
  type BarsFigure,
  type HeatmapFigure,
} from '@immunotwin/engine';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { lungModel, lymphNodeCoupling } from '@immunotwin/model-lung';
import { targetCellLimited } from '@immunotwin/model-within-host';
import { createInlinePool, type WorkerPool } from '@immunotwin/worker';
import { createTwinApi } from '../src/twinApi.js';
import { KernelWorker } from '../src/worker/kernelWorker.js';
import type { SensitivityOptions, SweepOptions } from '../src/twin/studyOptions.js';
import { buildKernelPackage, execute, outputs, startKernel, type KernelUnderTest } from './kernelHarness.js';

const registry = builtInRegistry();
const pools: WorkerPool[] = [];
const inline = (): WorkerPool => {
  const pool = createInlinePool(builtInDescriptors);
  pools.push(pool);
  return pool;
};
afterAll(() => pools.forEach((p) => p.dispose()));

/** The twin with its studies on a pool in this thread. */
const twinOn = (pool: () => WorkerPool = inline) => createTwinApi(targetCellLimited, { pool });

/** The peak viral load of one run of the target-cell-limited twin with these parameters, done here directly. */
function peakOf(parameters: Record<string, number>, duration = 10): number {
  const run = runScenarioSync(registry.resolve({ model: 'target-cell-limited', duration, parameters })).runs[0]!;
  return peakValue(run.time, run.observables.V!);
}

describe('twin.sweep', () => {
  it('runs each point coupled to partner models, as twin.run({ coupling }) does, the numbers of the runs done one by one', async () => {
    // The Lung Twin with the Immune System Twin's lymph node supplying its effector T cells (model-lung's README).
    const coupling = lymphNodeCoupling(30);
    const lung = createTwinApi(lungModel, { pool: inline });
    lung.set({ latticeSize: 30 });
    const study = await lung.sweep({
      parameters: { lymphDrainage: { values: [0.25, 1] } },
      outcomes: ['tCellSupply.peak', 'antigenOut.peak'],
      duration: 4,
      coupling,
    });
    expect(study.design.scenario.coupling).toEqual(coupling);
    for (const [run, lymphDrainage] of [0.25, 1].entries()) {
      const alone = runScenarioSync(
        registry.resolve({ model: 'lung', duration: 4, parameters: { latticeSize: 30, lymphDrainage }, coupling }),
      ).runs[0]!;
      expect(study.rows()[run]).toMatchObject({
        lymphDrainage,
        'tCellSupply.peak': peakValue(alone.time, alone.observables.tCellSupply!),
        'antigenOut.peak': peakValue(alone.time, alone.observables.antigenOut!),
      });
    }
    // More drainage carries more antigen to the node: the coupling is live in every run, not only the first.
    const rows = study.rows();
    expect(rows[1]!['antigenOut.peak']).toBeGreaterThan(rows[0]!['antigenOut.peak'] as number);
  });

  it('draws a heatmap of an outcome over two parameters, each cell the run done on its own', async () => {
    const study = await twinOn().sweep({
      parameters: { beta: { range: [1e-5, 1e-4], scale: 'log' }, c: { range: [2, 10], scale: 'linear' } },
      design: { kind: 'grid', levels: 3 },
      outcomes: ['V.peak'],
    });
    const bundle = parseStudyBundle(study.toMimeBundle().data[STUDY_MIME_TYPE]);
    expect(bundle.runs).toBe(9);
    const heatmap = bundle.figures[0] as HeatmapFigure;
    expect(heatmap.kind).toBe('heatmap');
    expect(heatmap.x.values).toEqual([1e-5, 10 ** -4.5, 1e-4].map((v) => expect.closeTo(v, 15)));
    expect(heatmap.y.values).toEqual([2, 6, 10]);
    expect(heatmap.x.log).toBe(true);
    // Axis titles name the parameter once: "Virus clearance rate c", not "… c (c)".
    expect(heatmap.y.label).toBe(targetCellLimited.manifest.parameters.find((p) => p.id === 'c')!.label);
    expect(heatmap.y.label.endsWith(' c')).toBe(true);
    expect(heatmap.value).toMatchObject({ label: 'V.peak', unit: 'TCID50/mL' });
    for (const [row, c] of heatmap.y.values.entries()) {
      for (const [column, beta] of heatmap.x.values.entries()) {
        expect(heatmap.z[row]![column]).toBe(peakOf({ beta, c }));
      }
    }
    // The runs as rows, and the design that made them (what `immunotwin sweep` reads).
    expect(study.rows()[4]).toMatchObject({ run: 4, beta: heatmap.x.values[1], c: 6 });
    expect(study.design.design).toEqual({ kind: 'grid', levels: 3 });
  });

  it('of a virtual cohort gives histograms and a median with a 5–95 % band, the same bits on any pool', async () => {
    const cohort = {
      parameters: {
        beta: {
          distribution: {
            kind: 'log-normal',
            mu: Math.log(3.2e-5),
            sigma: 0.4,
            truncate: { lower: 1e-6, upper: 1e-3 },
          },
        },
      },
      design: { kind: 'lhs', n: 40, seed: 5 },
      outcomes: ['V.peak', 'V.timeToPeak'],
      duration: 8,
    } satisfies SweepOptions;
    const here = await twinOn().sweep(cohort);
    const bundle = parseStudyBundle(here.bundle());
    expect(bundle.figures.map((f) => f.kind)).toEqual(['histogram', 'histogram', 'band']);
    const band = bundle.figures[2] as BandFigure;
    expect(band.quantiles).toEqual([0.05, 0.95]);
    band.median.forEach((m, i) => {
      expect(band.low[i]!).toBeLessThanOrEqual(m!);
      expect(band.high[i]!).toBeGreaterThanOrEqual(m!);
    });
    // Each histogram value is a run of the cohort done on its own.
    const points = designPoints(here.design, targetCellLimited.manifest);
    const histogram = bundle.figures[0] as { values: number[] };
    expect(histogram.values[7]).toBe(peakOf({ beta: points[7]!.beta! }, 8));
    // A Node pool of 2 worker threads gives the same bits (outcomes and band) as the pool in this thread.
    const { createNodePool } = await import('@immunotwin/worker/node');
    const threads = createNodePool({ plugins: builtInDescriptors, size: 2 });
    pools.push(threads);
    const there = await twinOn(() => threads).sweep(cohort);
    expect(JSON.stringify(there.bundle())).toBe(JSON.stringify(here.bundle()));
  });

  it('says what is wrong with bad options, naming the field and what is allowed', async () => {
    const twin = twinOn();
    await expect(twin.sweep({ parameters: { beta: { range: [1e-5, 1e-4] } }, outcomes: ['W.peak'] })).rejects.toThrow(
      'twin.sweep: outcomes[0]: unknown observable "W"; allowed: U, E, I, V',
    );
    await expect(twin.sweep({ parameters: { beta: { range: [1e-5, 1e-4] } }, outcomes: ['V.top'] })).rejects.toThrow(
      'unknown summary "top"; allowed: peak, timeToPeak, clearanceTime, auc, final',
    );
    await expect(twin.sweep({ parameters: { gamma: { range: [0, 1] } } })).rejects.toThrow(
      /"gamma" is not a parameter of target-cell-limited/,
    );
    await expect(twin.sweep({ parameters: {} })).rejects.toThrow('parameters must name at least one parameter');
    await expect(createTwinApi(targetCellLimited).sweep({ parameters: { c: { range: [2, 10] } } })).rejects.toThrow(
      'twin.sweep: no worker pool is available here',
    );
  });
});

describe('twin.sensitivity', () => {
  const parameters: SensitivityOptions['parameters'] = {
    beta: { range: [1e-5, 1e-4], scale: 'log' },
    p: { range: [0.02, 0.1] },
    c: { range: [2, 10] },
  };

  it("Sobol': the indices of the same Saltelli runs done one by one, drawn with their intervals", async () => {
    const study = await twinOn().sensitivity({ parameters, n: 32, outcomes: ['V.peak'] });
    const points = designPoints(study.design, targetCellLimited.manifest);
    const y = points.map((point) => peakOf(point));
    const layout = saltelliLayout(32, 3);
    const rows = (at: (j: number) => number) => Float64Array.from({ length: 32 }, (_, j) => y[at(j)]!);
    const expected = sobolIndices({
      fA: rows(layout.a),
      fB: rows(layout.b),
      fAB: [0, 1, 2].map((i) => rows((j) => layout.ab(j, i))),
    });
    const [result] = study.sensitivity;
    expect(result!.method).toBe('sobol');
    if (result!.method !== 'sobol') return;
    expect(Array.from(result!.indices.total)).toEqual(Array.from(expected.total));
    expect(Array.from(result!.indices.firstOrder)).toEqual(Array.from(expected.firstOrder));
    const bars = parseStudyBundle(study.bundle()).figures[0] as BarsFigure;
    expect(bars.categories).toEqual(['beta', 'p', 'c']);
    expect(bars.series.map((s) => s.name)).toEqual(['first order', 'total']);
    bars.series[1]!.values.forEach((v, i) => {
      expect(bars.series[1]!.low![i]!).toBeLessThan(v!);
      expect(bars.series[1]!.high![i]!).toBeGreaterThan(v!);
    });
    expect(String(study.toMimeBundle().data['text/plain'])).toMatch(/beta: first order -?\d\.\d{3} ± \d\.\d{3}/);
  });

  it('PRCC: a tornado, largest |PRCC| on top, with p-values, as the engine computes on the same runs', async () => {
    const study = await twinOn().sensitivity({ parameters, analysis: 'prcc', n: 60, outcomes: ['V.peak'] });
    const points = designPoints(study.design, targetCellLimited.manifest);
    const expected = prcc(
      ['beta', 'p', 'c'].map((id) => points.map((point) => point[id]!)),
      points.map((point) => peakOf(point)),
    );
    const bars = parseStudyBundle(study.bundle()).figures[0] as BarsFigure;
    expect(bars.horizontal).toBe(true);
    const shown = bars.categories.map((id, i) => ({ id, value: bars.series[0]!.values[i]! }));
    const magnitudes = shown.map((s) => Math.abs(s.value));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => a - b)); // plotly draws the last category on top
    for (const { id, value } of shown) expect(value).toBe(expected[['beta', 'p', 'c'].indexOf(id)]!.coefficient);
    expect(bars.series[0]!.notes!.every((note) => /^p (<|=) /.test(note))).toBe(true);
  });
});

describe("a kernel's study pool", () => {
  it('is started once and kept across studies, and started again when a cell registers another model', async () => {
    const started: number[] = [];
    const worker = new KernelWorker([], {
      createPool: (plugins) => {
        started.push(plugins.length);
        return inline();
      },
    });
    await worker.initialize({ model: 'target-cell-limited', plugins: builtInDescriptors });
    const run = async (code: string) => {
      const reply = await worker.execute(code, 1, { output: () => undefined });
      expect(reply.status, code).toBe('ok');
    };
    const sweep = "await twin.sweep({ parameters: { c: { values: [2, 5] } }, design: { kind: 'grid' }, duration: 1 });";
    const network = {
      ...targetCellLimited.manifest,
      id: 'tcl-copy',
      title: 'A copy of the target-cell-limited model',
      kernel: undefined,
    };
    await run(`await models.register(${JSON.stringify(network)});`);
    await run(sweep);
    await run(sweep);
    expect(started).toEqual([builtInDescriptors.length + 1]);
    await run(`await models.register(${JSON.stringify({ ...network, id: 'tcl-copy-two' })});`);
    await run(sweep);
    expect(started).toEqual([builtInDescriptors.length + 1, builtInDescriptors.length + 2]);
  });
});

describe('studies in a running kernel', () => {
  type Content = Record<string, unknown>;
  const content = (m: KernelMessage.IMessage): Content => m.content as Content;
  let k: KernelUnderTest | undefined;
  beforeAll(() => buildKernelPackage(), 120_000);
  afterEach(() => k?.kernel.dispose());

  it('show a progress line updated in place, then the figures', async () => {
    k = startKernel();
    const { reply, iopub } = await k.request(
      'execute_request',
      execute(
        "await twin.sweep({ parameters: { beta: { range: [1e-5, 1e-4], scale: 'log' }, c: { range: [2, 10] } }, design: { kind: 'grid', levels: 12 } })",
      ),
    );
    expect(content(reply)).toMatchObject({ status: 'ok' });
    const shown = outputs(iopub);
    const types = shown.map((m) => m.header.msg_type);
    expect(types[0]).toBe('display_data');
    const id = (content(shown[0]!).transient as { display_id: string }).display_id;
    expect(id).toMatch(/^immunotwin-progress-/);
    const updates = shown.filter((m) => m.header.msg_type === 'update_display_data');
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) expect(content(update).transient).toEqual({ display_id: id });
    expect((content(updates.at(-1)!).data as Content)['text/plain']).toMatch(/^sweep: 144 runs in \d+\.\d s$/);
    const result = shown.at(-1)!;
    expect(result.header.msg_type).toBe('execute_result');
    expect((content(result).data as Content)[STUDY_MIME_TYPE]).toBeDefined();
  });

  it('stop at an interrupt, leaving a line that says where, and the kernel works on', async () => {
    k = startKernel();
    const pending = k.request(
      'execute_request',
      execute(
        "await twin.sensitivity({ parameters: { beta: { range: [1e-5, 1e-4], scale: 'log' }, c: { range: [2, 10] } }, n: 4096 })",
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await k.kernel.interrupt();
    const { reply, iopub } = await pending;
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    const lines = outputs(iopub)
      .filter((m) => m.header.msg_type === 'update_display_data')
      .map((m) => String((content(m).data as Content)['text/plain']));
    expect(lines.at(-1)).toMatch(/^sensitivity stopped after \d+ of 16384 runs/);
    const next = await k.request('execute_request', execute('1 + 1'));
    expect(content(next.reply)).toMatchObject({ status: 'ok' });
    expect(k.workersStarted()).toBe(1);
  });
});
