import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import {
  resultsToCsv,
  resultsToJson,
  ResultsJsonSchema,
  SchemaValidator,
  simulateSync,
  type ResultsJson,
} from '@immunotwin/engine';
import { lungModel, lymphNodeCoupling } from '@immunotwin/model-lung';
import { targetCellLimited, targetCellLimitedManifest as manifest } from '@immunotwin/model-within-host';
import { cli, parseCsv, tempDir, type TempDir } from './helpers.js';

const MODEL = 'target-cell-limited';
const defaults = Object.fromEntries(manifest.parameters.map((p) => [p.id, p.default]));
const observableIds = manifest.observables.map((o) => o.id);

/** A small stochastic population, so SSA runs take milliseconds. */
const smallStochastic = {
  model: MODEL,
  parameters: { U0: 300, V0: 30, beta: 0.02, p: 5 },
  duration: 4,
  outputInterval: 0.5,
};

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

describe('immunotwin run (ODE)', () => {
  it('writes a CSV with the observables as columns and duration/outputInterval + 1 rows starting at the defaults', async () => {
    await dir.write('s.json', { model: MODEL, duration: 30, outputInterval: 0.5 });
    const { code, stdout, stderr } = await cli(['run', 's.json', '--out', 'out.csv'], { cwd: dir.path });
    expect(stderr).toMatch(
      /^run: done in [\d.]+ s: 1 replicate of "target-cell-limited" \(ode\), 61 samples to t = 30 day; wrote out\.csv\n$/,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const { header, rows } = parseCsv(await readFile(join(dir.path, 'out.csv'), 'utf8'));
    expect(header).toEqual(['time', ...observableIds]);
    expect(header).toEqual(expect.arrayContaining(['U', 'E', 'I', 'V']));
    expect(rows).toHaveLength(30 / 0.5 + 1);
    const first = Object.fromEntries(header.map((h, j) => [h, rows[0][j]]));
    expect(first).toMatchObject({ time: 0, U: 4e8, E: 0, I: 0, V: 7.5e-2 });
    expect(first.U).toBe(defaults.U0);
    expect(first.V).toBe(defaults.V0);
    expect(rows.at(-1)![0]).toBeCloseTo(30, 12);
    // The infection takes off and burns through the target cells.
    expect(Math.max(...rows.map((r) => r[header.indexOf('V')]))).toBeGreaterThan(1e3);
    expect(await dir.files()).toEqual(['out.csv', 's.json']);
  });

  it('writes CSV to stdout without --out, and --quiet silences stderr', async () => {
    await dir.write('s.json', { model: MODEL, duration: 2, outputInterval: 0.25 });
    const { code, stdout, stderr } = await cli(['run', 's.json', '--quiet'], { cwd: dir.path });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { header, rows } = parseCsv(stdout);
    expect(header[0]).toBe('time');
    expect(rows).toHaveLength(9);
    expect(await dir.files()).toEqual(['s.json']);
  });

  it('writes JSON that validates against the results schema', async () => {
    await dir.write('s.json', { model: MODEL, duration: 10, outputInterval: 1, parameters: { beta: 4e-5 } });
    const { code, stderr } = await cli(['run', 's.json', '-o', 'out.json', '-q'], { cwd: dir.path });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(await readFile(join(dir.path, 'out.json'), 'utf8')) as unknown;
    const results: ResultsJson = new SchemaValidator(ResultsJsonSchema, 'results').parse(json);
    expect(results.runs).toHaveLength(1);
    expect(results.summary).toBeUndefined();
    expect(results.runs[0].time).toHaveLength(11);
    expect(results.runs[0].metadata.parameters).toEqual({ ...defaults, beta: 4e-5 });
    expect(results.runs[0].metadata.method).toBe('ode');
    expect(Object.keys(results.runs[0].observables)).toEqual(observableIds);
  });
});

describe('immunotwin run (the Lung Twin, an agent-based model loaded from its module)', () => {
  it('writes the run the model gives in process, bit for bit', async () => {
    const scenario = { model: 'lung', seed: 3, duration: 2, outputInterval: 0.5, parameters: { latticeSize: 30 } };
    await dir.write('lung.json', scenario);
    const { code, stderr } = await cli(['run', 'lung.json', '-o', 'out.json', '-q'], { cwd: dir.path });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(await readFile(join(dir.path, 'out.json'), 'utf8')) as ResultsJson;
    const [run] = results.runs;
    expect(run.metadata.method).toBe('agent');
    expect(run.time).toEqual([0, 0.5, 1, 1.5, 2]);
    const inProcess = simulateSync(lungModel, scenario).runs[0];
    for (const id of ['healthy', 'infected', 'virions', 'spo2']) {
      expect(run.observables[id]).toEqual(Array.from(inProcess.observables[id]));
    }
    // The 30 × 30 section starts healthy and the focus takes hold.
    expect(run.observables.healthy[0]).toBe(900);
    expect(Math.max(...run.observables.infected)).toBeGreaterThan(0);
  });
  it('runs a scenario coupled to the Immune System Twin (the partner found among the built-in models)', async () => {
    const coupling = lymphNodeCoupling(30);
    const scenario = {
      model: 'lung',
      seed: 1,
      duration: 4,
      outputInterval: 1,
      parameters: { latticeSize: 30 },
      coupling,
    };
    await dir.write('coupled.json', scenario);
    const { code, stderr } = await cli(['run', 'coupled.json', '-o', 'out.json', '-q'], { cwd: dir.path });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [run] = (JSON.parse(await readFile(join(dir.path, 'out.json'), 'utf8')) as ResultsJson).runs;
    // No effectors before the node has been primed (DCs take a day to reach it); the node's expansion by day 4.
    expect(run.observables.tCellSupply.slice(0, 2)).toEqual([0, 0]);
    expect(run.observables.tCellSupply[4]).toBeGreaterThan(0);

    await dir.write('bad.json', {
      ...scenario,
      coupling: { ...coupling, links: [{ from: 'node.cd8', to: 'lung.effectorSupply' }] },
    });
    const bad = await cli(['run', 'bad.json'], { cwd: dir.path });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('coupling.links[0].from: "node" has no observable "cd8"; its observables: virus,');
  });
});

describe.each(['ssa', 'tau-leaping'])('immunotwin run --replicates (%s)', (method) => {
  it('gives every replicate in CSV and a summary in JSON', async () => {
    await dir.write('s.json', { ...smallStochastic, method });
    const csv = await cli(['run', 's.json', '--replicates', '3', '--seed', '42', '--out', 'out.csv'], {
      cwd: dir.path,
    });
    expect(csv.stderr).toMatch(/3 replicates of "target-cell-limited" \(/);
    expect(csv.code).toBe(0);
    const { header, rows } = parseCsv(await readFile(join(dir.path, 'out.csv'), 'utf8'));
    expect(header).toEqual(['replicate', 'time', ...observableIds]);
    expect(rows).toHaveLength(3 * (4 / 0.5 + 1));
    expect([...new Set(rows.map((r) => r[0]))]).toEqual([0, 1, 2]);
    // Whole counts, starting from the scenario's initial state.
    for (const r of rows.filter((row) => row[1] === 0)) expect(r.slice(2, 6)).toEqual([300, 0, 0, 30]);
    expect(rows.every((r) => r.slice(2, 6).every(Number.isInteger))).toBe(true);

    const json = await cli(['run', 's.json', '--replicates=3', '--seed=42', '--out=out.json', '--quiet'], {
      cwd: dir.path,
    });
    expect(json.code).toBe(0);
    const results = new SchemaValidator(ResultsJsonSchema, 'results').parse(
      JSON.parse(await readFile(join(dir.path, 'out.json'), 'utf8')) as unknown,
    );
    expect(results.runs.map((r) => r.metadata.replicate)).toEqual([0, 1, 2]);
    expect(results.runs.every((r) => r.metadata.seed === 42 && r.metadata.method === method)).toBe(true);
    expect(results.summary).toBeDefined();
    expect(Object.keys(results.summary!.observables)).toEqual(observableIds);
    expect(results.summary!.observables.V.mean).toHaveLength(9);
    // The same seed gives the same replicates in both formats.
    const v = header.indexOf('V');
    expect(results.runs[2].observables.V).toEqual(rows.filter((r) => r[0] === 2).map((r) => r[v]));
  });
});

describe('immunotwin run: bad input fails clearly and writes nothing', () => {
  const valid = { model: MODEL, duration: 5, outputInterval: 0.5 };
  const cases: { name: string; scenario: unknown; args?: string[]; code?: number; message: RegExp }[] = [
    {
      name: 'malformed JSON (trailing comma)',
      scenario: '{\n  "model": "target-cell-limited",\n  "duration": 30,\n}\n',
      message: /s\.json: malformed JSON at line 4, column 1: /,
    },
    {
      name: 'malformed JSON (bad literal)',
      scenario: '{\n  "model": "target-cell-limited",\n  "duration": tru\n}',
      message: /s\.json: malformed JSON at line 3, column 1[58]: /,
    },
    {
      name: 'truncated JSON',
      scenario: '{\n  "model": "target-cell-limited",\n',
      message: /malformed JSON at (the end of the text \()?line 3, column 1/,
    },
    {
      name: 'empty file',
      scenario: '',
      message: /s\.json: malformed JSON at the end of the text \(line 1, column 1\): Unexpected end of JSON input/,
    },
    {
      name: 'unknown model',
      scenario: { ...valid, model: 'sir' },
      message: /model: unknown model "sir"; known models: .*target-cell-limited/,
    },
    { name: 'missing model', scenario: { duration: 5 }, message: /model: is required but missing/ },
    {
      name: 'unknown parameter',
      scenario: { ...valid, parameters: { gamma: 1 } },
      message: /parameters\.gamma: unknown parameter for model "target-cell-limited"; known parameters: U0, V0, beta/,
    },
    {
      name: 'out-of-range value',
      scenario: { ...valid, parameters: { beta: 2 } },
      message: /parameters\.beta: 2 is out of range; allowed: 1e-14 to 1 \(TCID50\/mL\)\^-1 day\^-1/,
    },
    {
      name: 'non-integer switch',
      scenario: { ...valid, parameters: { eclipse: 0.5 } },
      message: /parameters\.eclipse: must be a whole number; got 0\.5/,
    },
    { name: 'negative duration', scenario: { ...valid, duration: -5 }, message: /duration: must be > 0; got -5/ },
    {
      name: 'wrong type',
      scenario: { ...valid, duration: '30' },
      message: /duration: must be a finite number; got "30"/,
    },
    {
      name: 'unknown top-level field',
      scenario: { ...valid, durration: 3 },
      message: /durration: is not a known property here; allowed: .*duration/,
    },
    {
      name: 'unknown method',
      scenario: { ...valid, method: 'agent' },
      message: /method: "agent" is not available for model "target-cell-limited"; allowed: ode, ssa, tau-leaping/,
    },
    {
      name: 'unknown intervention',
      scenario: { ...valid, interventions: [{ kind: 'vaccine', start: 1 }] },
      message:
        /interventions\[0\]\.kind: unknown intervention "vaccine" for model "target-cell-limited"; allowed: inoculation, entryInhibitor/,
    },
    {
      name: 'unknown intervention field',
      scenario: { ...valid, interventions: [{ kind: 'entryInhibitor', start: 1, stop: 2, dose: 3 }] },
      message: /interventions\[0\]\.dose: unknown field for "entryInhibitor"; allowed: kind, start, stop, efficacy/,
    },
    {
      name: 'stop before start',
      scenario: { ...valid, interventions: [{ kind: 'entryInhibitor', start: 3, stop: 1 }] },
      message: /interventions\[0\]\.stop: must be after start \(3\); got 1/,
    },
    {
      name: 'several problems',
      scenario: { ...valid, parameters: { beta: 2, c: -1 } },
      message:
        /parameters\.beta: 2 is out of range.*\(and 1 more problem\)\n {2}parameters\.c: -1 is out of range; allowed: 0\.001 to 1000 1\/day\n$/,
    },
    {
      name: 'unknown extension',
      scenario: valid,
      args: ['--out', 'out.txt'],
      code: 2,
      message: /cannot tell the format of "out\.txt" .*; allowed: \.csv, \.json/,
    },
    {
      name: 'no extension',
      scenario: valid,
      args: ['--out', 'out'],
      code: 2,
      message: /extension \(none\); allowed: \.csv, \.json/,
    },
    {
      name: 'zero --replicates',
      scenario: valid,
      args: ['--replicates', '0'],
      code: 2,
      message: /--replicates must be a positive whole number \(1 to 100000\); got "0"/,
    },
    {
      name: 'fractional --replicates',
      scenario: valid,
      args: ['--replicates', '2.5'],
      code: 2,
      message: /--replicates must be a positive whole number.*got "2\.5"/,
    },
    {
      name: 'text --replicates',
      scenario: valid,
      args: ['-n', 'many'],
      code: 2,
      message: /--replicates must be a positive whole number.*got "many"/,
    },
    {
      name: 'missing --replicates value',
      scenario: valid,
      args: ['--replicates'],
      code: 2,
      message: /option --replicates needs a value/,
    },
    {
      name: 'negative --seed',
      scenario: valid,
      args: ['--seed', '-1'],
      code: 2,
      message: /--seed must be a whole number from 0 to 4294967295; got "-1"/,
    },
    {
      name: 'too large --seed',
      scenario: valid,
      args: ['--seed', '4294967296'],
      code: 2,
      message: /--seed must be a whole number from 0 to 4294967295/,
    },
    {
      name: '--replicates on a deterministic run',
      scenario: valid,
      args: ['--replicates', '3'],
      message: /replicates \(from --replicates\): 3 replicates of a deterministic \(ode\) run would all be identical/,
    },
    {
      name: 'output directory missing',
      scenario: valid,
      args: ['--out', 'nowhere/out.csv'],
      message: /cannot write "nowhere\/out\.csv": its directory does not exist/,
    },
    {
      name: 'output is a directory',
      scenario: valid,
      args: ['--out', 'sub.csv'],
      message: /cannot write "sub\.csv": it is a directory/,
    },
  ];

  it.each(cases)('$name', async ({ scenario, args = ['--out', 'out.csv'], code = 1, message }) => {
    await dir.write('s.json', scenario);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir.path, 'sub.csv'));
    const before = await dir.files();
    const result = await cli(['run', 's.json', ...args], { cwd: dir.path });
    expect(result.stderr).toMatch(/^immunotwin: error: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(await dir.files()).toEqual(before);
  });

  it('refuses a number too large for a double (1e400 parses to Infinity), naming the field', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir.path, 's.json'), '{"model":"target-cell-limited","initial":{"V":1e400}}');
    const result = await cli(['run', 's.json', '--out', 'out.csv'], { cwd: dir.path });
    expect(result.stderr).toBe(
      'immunotwin: error: s.json: Invalid scenario: initial.V: must be a finite number; got Infinity\n',
    );
    expect(result.code).toBe(1);
    expect(await dir.files()).toEqual(['s.json']);
  });

  it('refuses a run whose results would not fit the memory limit at once, and runs it with --max-memory', async () => {
    // Runs stream to the file one at a time, so the rule bites on one run: 1000 days sampled every 0.001 day
    // (the most samples a run may have) against a 10 MB limit.
    const big = { ...smallStochastic, method: 'ssa', duration: 1000, outputInterval: 0.001 };
    await dir.write('big.json', big);
    const refused = await cli(['run', 'big.json', '--out', 'out.csv', '--max-memory', '10MB'], { cwd: dir.path });
    expect(refused.stderr).toBe(
      'immunotwin: error: big.json: Invalid scenario: outputInterval: the results would take 48 MB in memory (1 ' +
        'replicate × 1000001 samples × 6 columns × 8 bytes), above the limit of 10 MB; lower replicates, raise ' +
        'outputInterval or shorten duration, or raise the limit on purpose (maxMemory; --max-memory on the command line)\n',
    );
    expect(refused.code).toBe(1);
    expect(await dir.files()).toEqual(['big.json']);
    // The same rule with the limit lowered on purpose, on a run small enough to finish here.
    await dir.write('small.json', { ...smallStochastic, method: 'ssa', replicates: 2 });
    const tight = await cli(['run', 'small.json', '--out', 's.csv', '--max-memory', '400', '-q'], { cwd: dir.path });
    // One run at a time: 9 samples × 6 columns × 8 bytes = 432 bytes.
    expect(tight.stderr).toMatch(
      /the results would take 432 bytes in memory \(1 replicate × 9 samples .*limit of 400 bytes/,
    );
    // JSON also keeps the ensemble aggregate: EnsembleAggregate.memoryBound(9 samples, 5 observables) on top.
    const json = await cli(['run', 'small.json', '--out', 's.json', '--max-memory', '10kB', '-q'], { cwd: dir.path });
    expect(json.stderr).toMatch(
      /in memory \(1 replicate × 9 samples × 6 columns × 8 bytes, plus the ensemble aggregate\)/,
    );
    const raised = await cli(['run', 'small.json', '--out', 's.json', '--max-memory', '1MB', '-q'], {
      cwd: dir.path,
    });
    expect(raised.code).toBe(0);
    const bad = await cli(['run', 'small.json', '--max-memory', 'lots'], { cwd: dir.path });
    expect(bad.stderr).toMatch(
      /option --max-memory must be a size such as 4GB, 500MB or a number of bytes; got "lots"/,
    );
    expect(bad.code).toBe(2);
  });

  it('streams CSV as runs finish: the same text as the whole result, one run in memory, the budget per run', async () => {
    // 200 replicates × 10 001 samples × 6 columns × 8 bytes = 96 MB kept; one run is 480 kB, under a 1 MB limit.
    const ensemble = {
      ...smallStochastic,
      method: 'tau-leaping',
      replicates: 200,
      duration: 10,
      outputInterval: 0.001,
    };
    await dir.write('e.json', ensemble);
    const streamed = await cli(['run', 'e.json', '--out', 'out.csv', '--max-memory', '1MB', '-q'], { cwd: dir.path });
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(0);
    const text = await readFile(join(dir.path, 'out.csv'), 'utf8');
    expect(text.split('\n').length - 2).toBe(200 * 10_001); // rows, without the header and the final newline
    const whole = resultsToCsv(simulateSync(targetCellLimited, ensemble));
    expect(text).toBe(whole);
    expect(await dir.files()).toEqual(['e.json', 'out.csv']); // no temporary file left
  });

  it('streams JSON as runs finish: each run bit for bit, the summary exact below the sketch capacity', async () => {
    const ensemble = { ...smallStochastic, method: 'ssa', replicates: 150, duration: 4, outputInterval: 0.25 };
    await dir.write('e.json', ensemble);
    const streamed = await cli(['run', 'e.json', '--out', 'out.json', '-q'], { cwd: dir.path });
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(0);
    const written = JSON.parse(await readFile(join(dir.path, 'out.json'), 'utf8')) as ResultsJson;
    const whole = resultsToJson(simulateSync(targetCellLimited, ensemble));
    expect(written.scenario).toEqual(whole.scenario);
    expect(written.runs).toEqual(whole.runs);
    // Below the sketch's capacity (k = 200) the median and bands are the exact type-7 quantiles; the mean is
    // Welford's, equal to the two-pass mean to a few ulps.
    expect(written.summary!.rankErrorBound).toBeUndefined();
    for (const [id, expected] of Object.entries(whole.summary!.observables)) {
      const got = written.summary!.observables[id]!;
      expect(got.median, id).toEqual(expected.median);
      expect(got.bands, id).toEqual(expected.bands);
      got.mean.forEach((m, i) => expect(m, `${id} mean[${i}]`).toBeCloseTo(expected.mean[i]!, 9));
    }
    new SchemaValidator(ResultsJsonSchema, 'results').parse(written);
    expect(await dir.files()).toEqual(['e.json', 'out.json']); // no temporary file left
  });

  it('notes the rank error of a JSON summary past the sketch capacity (250 replicates)', async () => {
    const ensemble = { ...smallStochastic, method: 'ssa', replicates: 250, duration: 1, outputInterval: 0.5 };
    await dir.write('e.json', ensemble);
    expect((await cli(['run', 'e.json', '--out', 'out.json', '-q'], { cwd: dir.path })).code).toBe(0);
    const written = JSON.parse(await readFile(join(dir.path, 'out.json'), 'utf8')) as ResultsJson;
    expect(written.runs).toHaveLength(250);
    // KLL with k = 200 over 250 runs: the bound (δ = 1e-3) is a few runs, well under 10 % of them.
    expect(written.summary!.rankErrorBound).toBeGreaterThan(0);
    expect(written.summary!.rankErrorBound).toBeLessThan(25);
    new SchemaValidator(ResultsJsonSchema, 'results').parse(written);
  });

  for (const extension of ['arrow', 'parquet'] as const) {
    it(`streams ${extension} as runs finish: every replicate's samples bit for bit, one run in memory`, async () => {
      const ensemble = { ...smallStochastic, method: 'ssa', replicates: 40, duration: 4, outputInterval: 0.25 };
      await dir.write('e.json', ensemble);
      // 40 × 816 bytes = 32.6 kB kept whole; streamed, one run (816 bytes) fits a 1 kB limit.
      const file = `out.${extension}`;
      const streamed = await cli(['run', 'e.json', '--out', file, '--max-memory', '1kB', '-q'], { cwd: dir.path });
      expect(streamed.stderr).toBe('');
      const bytes = new Uint8Array(await readFile(join(dir.path, file)));
      const table = tableFromIPC(extension === 'arrow' ? bytes : readParquet(bytes).intoIPCStream());
      const { runs } = simulateSync(targetCellLimited, ensemble);
      expect(table.numRows).toBe(40 * 17);
      runs.forEach((run, r) => {
        const rows = (id: string) =>
          Float64Array.from(table.getChild(id)!.toArray() as ArrayLike<number>).subarray(r * 17, (r + 1) * 17);
        expect([...rows('replicate')]).toEqual(new Array(17).fill(r));
        for (const [id, values] of Object.entries(run.observables))
          expect(rows(id), `${id} of run ${r}`).toEqual(values);
      });
      expect(table.schema.metadata.get('immunotwin.model')).toBe(MODEL);
      expect(await dir.files()).toEqual(['e.json', file]);
    });
  }

  it('reports a missing scenario file', async () => {
    const result = await cli(['run', 'absent.json', '--out', 'out.csv'], { cwd: dir.path });
    expect(result.stderr).toBe('immunotwin: error: cannot read "absent.json": no such file\n');
    expect(result.code).toBe(1);
    expect(await dir.files()).toEqual([]);
  });

  it('writes nothing when the run is interrupted', async () => {
    await dir.write('s.json', valid);
    const controller = new AbortController();
    controller.abort();
    const result = await cli(['run', 's.json', '--out', 'out.csv'], { cwd: dir.path, signal: controller.signal });
    expect(result.stderr).toBe('immunotwin: error: interrupted; no output was written\n');
    expect(result.code).toBe(130);
    expect(await dir.files()).toEqual(['s.json']);
  });

  it('shows a stack trace only with IMMUNOTWIN_DEBUG=1', async () => {
    await dir.write('s.json', { ...valid, duration: -1 });
    const result = await cli(['run', 's.json'], { cwd: dir.path, env: { IMMUNOTWIN_DEBUG: '1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^immunotwin: error: s\.json: Invalid scenario: duration: must be > 0; got -1.*\nValidationError: .*\n\s+at /,
    );
  });

  it('keeps an existing output file when a later run fails', async () => {
    await dir.write('out.csv', 'old contents\n');
    await dir.write('s.json', { ...valid, duration: -1 });
    expect((await cli(['run', 's.json', '--out', 'out.csv'], { cwd: dir.path })).code).toBe(1);
    expect(await readFile(join(dir.path, 'out.csv'), 'utf8')).toBe('old contents\n');
    expect(await dir.files()).toEqual(['out.csv', 's.json']);
  });
});
