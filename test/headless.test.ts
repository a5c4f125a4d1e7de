import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLOT_MIME_TYPE, TISSUE_MIME_TYPE, WORKBENCH_MIME_TYPE } from '@immunotwin/engine';
import { buildKernelPackage, execute, outputs, startKernel } from '../packages/kernel/test/kernelHarness.js';

// The headless twin kernels as a user gets them: the Python package installed into .venv (by
// scripts/ensure-venv.mjs, from the bundle `npm run build` writes), started by jupyter_client and nbconvert.
const root = fileURLToPath(new URL('..', import.meta.url));
const venvBin = join(root, '.venv', process.platform === 'win32' ? 'Scripts' : 'bin');
const python = join(venvBin, 'python');

/** One step's record from test/python/headless_session.py. */
interface SessionRecord {
  reply: Record<string, unknown>;
  outputs: { type: string; content: Record<string, unknown> }[];
  seconds: number;
}

/** Runs `steps` in one headless kernel through jupyter_client (test/python/headless_session.py). */
function session(kernelName: string, steps: object[]): SessionRecord[] {
  const result = spawnSync(python, [join(root, 'test/python/headless_session.py'), kernelName], {
    input: JSON.stringify(steps),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SessionRecord[];
}

interface NotebookOutput {
  output_type: string;
  data?: Record<string, unknown>;
  name?: string;
}
interface Notebook {
  metadata: { kernelspec: { name: string }; language_info?: { name: string } };
  cells: { cell_type: string; outputs?: NotebookOutput[] }[];
}

const work = mkdtempSync(join(tmpdir(), 'immunotwin-headless-'));

/**
 * `jupyter nbconvert --to notebook --execute` of a template as it is: it names the in-browser kernel, under whose name
 * the Python package installs the headless one too, so no kernel-name option is needed. The executed notebook.
 */
function executeTemplate(file: string): Notebook {
  const out = join(work, file);
  const result = spawnSync(
    join(venvBin, 'jupyter'),
    ['nbconvert', '--to', 'notebook', '--execute', '--output', out, join(root, 'notebooks', file)],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Notebook;
}

/** The MIME types (or stream names) of every output of a notebook's code cells, in order. */
function outputKinds(notebook: Notebook): string[] {
  return notebook.cells.flatMap((cell) =>
    (cell.outputs ?? []).flatMap((o) => (o.data ? Object.keys(o.data) : [`${o.output_type}:${o.name ?? ''}`])),
  );
}

beforeAll(() => {
  // Quiet when .venv is current; reinstalls the package when the bundle or the Python sources changed.
  execFileSync(process.execPath, [join(root, 'scripts/ensure-venv.mjs')], { cwd: root, stdio: 'pipe' });
  buildKernelPackage();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the headless twin kernels', () => {
  it("are installed as kernelspecs named '(headless)', and again under the in-browser kernels' names", () => {
    const listed = JSON.parse(
      execFileSync(join(venvBin, 'jupyter'), ['kernelspec', 'list', '--json'], { encoding: 'utf8' }),
    ) as { kernelspecs: Record<string, { spec: { display_name: string; language: string; metadata: unknown } }> };
    const headless = Object.entries(listed.kernelspecs).filter(([name]) => name.startsWith('immunotwin-'));
    expect(Object.fromEntries(headless.map(([name, { spec }]) => [name, spec.display_name]))).toEqual({
      'immunotwin-headless-target-cell-limited': 'Within-host Twin (headless)',
      'immunotwin-headless-immune-system': 'Immune System Twin (headless)',
      'immunotwin-headless-lung': 'Lung Twin (headless)',
      // Under the in-browser kernels' names too, so that a template runs headless as it is (no kernel-name option).
      'immunotwin-target-cell-limited': 'Within-host Twin (headless, under the in-browser name)',
      'immunotwin-immune-system': 'Immune System Twin (headless, under the in-browser name)',
      'immunotwin-lung': 'Lung Twin (headless, under the in-browser name)',
    });
    expect(listed.kernelspecs['immunotwin-lung'].spec.metadata).toEqual({
      immunotwin: { model: 'lung', headless: true },
    });
    expect(listed.kernelspecs['immunotwin-headless-lung'].spec.metadata).toEqual({
      immunotwin: { model: 'lung', headless: true },
    });
  });

  it('run a reaction-network template through nbconvert: plots, streams, TypeScript language_info', () => {
    const notebook = executeTemplate('00-getting-started.ipynb');
    const kinds = outputKinds(notebook);
    expect(kinds.filter((kind) => kind === PLOT_MIME_TYPE)).toHaveLength(4);
    expect(kinds).toContain('stream:stdout');
    expect(notebook.metadata.language_info?.name).toBe('typescript');
    // The saved notebook still names the in-browser kernel, so JupyterLab opens it there.
    expect(notebook.metadata.kernelspec.name).toBe('immunotwin-target-cell-limited');
  });

  it('run a model with code (the Immune System Twin) through nbconvert: plots, tissue and workbench outputs', () => {
    const kinds = outputKinds(executeTemplate('02-immune-response.ipynb'));
    expect(kinds.filter((kind) => kind === PLOT_MIME_TYPE)).toHaveLength(5);
    expect(kinds.filter((kind) => kind === TISSUE_MIME_TYPE)).toHaveLength(1);
    expect(kinds.filter((kind) => kind === WORKBENCH_MIME_TYPE)).toHaveLength(1);
    expect(kinds).not.toContain('error:');
  });

  it('run under papermill with parameters written as TypeScript constants', () => {
    const notebook = {
      cells: [
        {
          cell_type: 'code',
          metadata: { tags: ['parameters'] },
          source: "const seed = 1;\nconst label = 'default';",
          outputs: [],
          execution_count: null,
        },
        {
          cell_type: 'code',
          metadata: {},
          source:
            "twin.set({ V0: 10 });\nconst r = await twin.run({ method: 'tau-leaping', duration: 2, seed });\nconsole.log(label, seed, r.csv().length);",
          outputs: [],
          execution_count: null,
        },
      ],
      // A template's kernelspec and language (TypeScript, which picks the translator).
      metadata: (JSON.parse(readFileSync(join(root, 'notebooks', '00-getting-started.ipynb'), 'utf8')) as Notebook)
        .metadata,
      nbformat: 4,
      nbformat_minor: 5,
    };
    const input = join(work, 'parameters.ipynb');
    const output = join(work, 'parameters-out.ipynb');
    writeFileSync(input, JSON.stringify(notebook));
    const label = 'it\'s "quoted"';
    const result = spawnSync(
      join(venvBin, 'papermill'),
      [input, output, '-k', 'immunotwin-headless-target-cell-limited', '-p', 'seed', '7', '-p', 'label', label],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    // Papermill read the declared parameters from the cell tagged `parameters`: none was passed unknown.
    expect(result.stderr).not.toContain('unknown parameter');
    const help = spawnSync(join(venvBin, 'papermill'), ['--help-notebook', input], { encoding: 'utf8' });
    expect(help.stdout).toContain("seed: Unknown type (default 1)\n  label: Unknown type (default 'default')");
    const executed = JSON.parse(readFileSync(output, 'utf8')) as {
      cells: { source: string | string[]; outputs?: NotebookOutput[] }[];
    };
    const text = (source: string | string[]): string => (Array.isArray(source) ? source.join('') : source);
    expect(text(executed.cells[1].source)).toBe(
      '// Parameters\nconst seed = 7;\nconst label = "it\'s \\"quoted\\"";\n',
    );
    const printed = (executed.cells[2].outputs ?? [])
      .map((o) => text((o as { text?: string | string[] }).text ?? ''))
      .join('');
    expect(printed).toMatch(/^it's "quoted" 7 \d+\n$/);
  });

  it('give the same bits for a seeded stochastic run as the TwinKernel in Node, report errors, interrupt, restart, survive Node dying', async () => {
    const seeded =
      "twin.set({ V0: 10 });\nconst r = await twin.run({ method: 'tau-leaping', duration: 6, seed: 11, replicates: 3 });\nconsole.log(r.csv());";
    const records = session('immunotwin-headless-target-cell-limited', [
      { code: 'let kept = 41;' },
      { code: seeded },
      { code: "undefinedThing.value + 'x'" },
      // About a minute of exact simulation, stopped after a second.
      {
        code: "kept++;\ntwin.set({ U0: 1e7 });\nawait twin.run({ method: 'ssa', duration: 10, replicates: 3000 });",
        interrupt_after: 1,
      },
      { code: 'kept' },
      { restart: true },
      { code: 'typeof kept' },
      { code: 'let again = 1;' },
      // The Node process dies under a cell: the cell fails saying so, and the next cell gets a new Node process.
      { code: "process.kill(process.pid, 'SIGKILL');\nawait new Promise((resolve) => setTimeout(resolve, 5000));" },
      { code: 'typeof again' },
    ]);
    const [, run, failure, interrupted, after, , restarted, , died, revived] = records;

    const node = startKernel();
    let direct: string;
    try {
      const { iopub } = await node.request('execute_request', execute(seeded));
      direct = outputs(iopub)
        .map((m) => (m.content as { text?: string }).text ?? '')
        .join('');
    } finally {
      node.kernel.dispose();
    }
    const headless = run.outputs.map((o) => (o.type === 'stream' ? String(o.content.text) : '')).join('');
    expect(headless).toBe(direct);
    // Not a trivial run: three replicates of 61 samples each (and the header), in which the virus (column V) grew.
    const rows = headless.trim().split('\n');
    expect(rows[0]).toBe('replicate,time,U,E,I,V,targetFraction');
    expect(rows).toHaveLength(1 + 3 * 61);
    expect(Math.max(...rows.slice(1).map((line) => Number(line.split(',')[5])))).toBeGreaterThan(1e3);

    expect(failure.reply).toMatchObject({ status: 'error', ename: 'ReferenceError' });
    expect(failure.outputs.map((o) => o.type)).toEqual(['error']);
    expect(failure.outputs[0].content.traceback).toEqual([
      'ReferenceError: undefinedThing is not defined',
      "    at line 1: undefinedThing.value + 'x'",
    ]);

    expect(interrupted.reply).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    // Interrupted after 1 s; the run alone takes about a minute, so well under 10 s means the interrupt stopped it.
    expect(interrupted.seconds).toBeLessThan(10);
    expect(after.outputs[0].content.data).toEqual({ 'text/plain': '42' });

    expect(restarted.outputs[0].content.data).toEqual({ 'text/plain': "'undefined'" });

    expect(died.reply).toMatchObject({
      status: 'error',
      ename: 'KernelDied',
      evalue: "The twin kernel's Node.js process exited (code -9); its state is lost.",
    });
    expect(revived.outputs.map((o) => o.content.text ?? o.content.data)).toEqual([
      "The twin kernel's Node.js process was restarted.\n",
      { 'text/plain': "'undefined'" },
    ]);
  });
});
