import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModelRegistry, runScenarioSync, type ModelPlugin } from '@immunotwin/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const repositoryRoot = resolve(__dirname, '../../..');

/** A string sink standing in for a process stream. */
class Capture {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

let workspace: string;
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'create-model-'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function create(args: string[]): { code: number; stdout: string; stderr: string } {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = main(args, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

const EXPECTED_FILES = [
  '.gitignore',
  'README.md',
  'immunotwin_model_demo/__init__.py',
  'install.json',
  'package.json',
  'pyproject.toml',
  'scripts/build-labextension.mjs',
  'src/index.ts',
  'src/manifest.ts',
  'src/model.ts',
  'test/model.test.ts',
  'tsconfig.json',
];

describe('create-immunotwin-model', () => {
  it('writes a package named after the model id, with no placeholder left', async () => {
    const dir = join(workspace, 'demo');
    const { code, stdout } = create([dir, '--id', 'demo', '--title', 'Demo Twin']);
    expect(code).toBe(0);
    expect(stdout).toContain('Created the ImmunoTwin model plugin "demo" (Demo Twin)');
    expect(stdout).toContain('12 files');
    for (const file of EXPECTED_FILES) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/__[A-Z_]+__/);
    }
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# Demo Twin');
    expect(readme).toContain('shows a **Demo Twin** card');
    const manifest = await readFile(join(dir, 'src/manifest.ts'), 'utf8');
    expect(manifest).toContain("id: 'demo'");
    expect(manifest).toContain("kernel: { displayName: 'Demo Twin' }");
    expect(await readFile(join(dir, 'src/index.ts'), 'utf8')).toContain("'models/demo.js'");
    expect(await readFile(join(dir, 'scripts/build-labextension.mjs'), 'utf8')).toContain("'demo.js'");
    const pyproject = await readFile(join(dir, 'pyproject.toml'), 'utf8');
    expect(pyproject).toContain('name = "immunotwin-model-demo"');
    expect(pyproject).toContain(
      '"immunotwin_model_demo/labextension" = "share/jupyter/labextensions/immunotwin-model-demo"',
    );
  });

  it('depends on the published ImmunoTwin packages and consumes the extension as an unbundled singleton', async () => {
    const dir = join(workspace, 'demo');
    expect(create([dir, '--id', 'demo']).code).toBe(0);
    const pkg = await readJson(join(dir, 'package.json'));
    expect(pkg.name).toBe('immunotwin-model-demo');
    expect(pkg.dependencies['@immunotwin/engine']).toBe('^0.1.0');
    expect(pkg.dependencies['@immunotwin/jupyterlab-extension']).toBe('^0.1.0');
    expect(pkg.jupyterlab.outputDir).toBe('immunotwin_model_demo/labextension');
    expect(pkg.jupyterlab.sharedPackages['@immunotwin/jupyterlab-extension']).toEqual({
      bundled: false,
      singleton: true,
      requiredVersion: '^0.1.0',
    });
    expect(pkg.jupyterlab.sharedPackages['@immunotwin/engine']).toBe(false);
    expect(pkg.devDependencies['@jupyter/builder']).toBeDefined();
  });

  it('with --immunotwin-from, depends on that checkout by relative file: paths', async () => {
    const dir = join(workspace, 'nested', 'demo');
    expect(create([dir, '--id', 'demo', '--immunotwin-from', repositoryRoot]).code).toBe(0);
    const pkg = await readJson(join(dir, 'package.json'));
    for (const [name, folder] of [
      ['@immunotwin/engine', 'packages/engine'],
      ['@immunotwin/jupyterlab-extension', 'packages/jupyterlab-extension'],
    ]) {
      const specifier: string = pkg.dependencies[name];
      expect(specifier.startsWith('file:')).toBe(true);
      expect(specifier.startsWith('file:/')).toBe(false);
      expect(resolve(dir, specifier.slice('file:'.length))).toBe(join(repositoryRoot, folder));
    }
  });

  it('takes the id from the folder name when none is given', async () => {
    const dir = join(workspace, 'plugin-flu-kinetics');
    expect(create([dir]).code).toBe(0);
    expect(await readFile(join(dir, 'src/manifest.ts'), 'utf8')).toContain("title: 'Flu Kinetics Twin'");
  });

  it('refuses a folder that is not empty, a bad id and a checkout that is not ImmunoTwin, writing nothing', async () => {
    await writeFile(join(workspace, 'mine.txt'), 'keep');
    const busy = create([workspace, '--id', 'demo']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('exists and is not empty');

    const badId = create([join(workspace, 'a'), '--id', 'Bad_Id']);
    expect(badId.code).toBe(1);
    expect(badId.stderr).toContain('the model id "Bad_Id" is not allowed');

    const notCheckout = create([join(workspace, 'b'), '--id', 'demo', '--immunotwin-from', workspace]);
    expect(notCheckout.code).toBe(1);
    expect(notCheckout.stderr).toContain('no packages/engine/package.json there');

    expect(create([]).code).toBe(2);
  });

  it('generated examples/plugin-hiv-latent: its build, registration and packaging files are still the template', async () => {
    const example = join(repositoryRoot, 'examples/plugin-hiv-latent');
    const dir = join(workspace, 'plugin-hiv-latent');
    const args = [
      dir,
      '--id',
      'hiv-latent',
      '--title',
      'HIV Latent Reservoir Twin',
      '--immunotwin-from',
      repositoryRoot,
    ];
    expect(create(args).code).toBe(0);
    // The model, its test and README are the researcher's; everything else is as generated, so building the
    // example (scripts/ensure-example-plugin.mjs, the end-to-end tests) exercises the template's build.
    const filledIn = new Set(['README.md', 'src/manifest.ts', 'src/model.ts', 'test/model.test.ts', 'package.json']);
    for (const file of EXPECTED_FILES.map((f) => f.replace('immunotwin_model_demo', 'immunotwin_model_hiv_latent'))) {
      if (filledIn.has(file)) continue;
      expect(await readFile(join(example, file), 'utf8'), file).toBe(await readFile(join(dir, file), 'utf8'));
    }
    const generated = await readJson(join(dir, 'package.json'));
    const committed = await readJson(join(example, 'package.json'));
    // Only the file: paths differ (they are relative to where the package is).
    expect({ ...committed, dependencies: {} }).toEqual({ ...generated, dependencies: {} });
    expect(committed.dependencies['@immunotwin/engine']).toBe('file:../../packages/engine');
  });

  it('generates a model the engine runs: the template antibody halves in its 21-day half-life', async () => {
    const dir = join(workspace, 'demo');
    expect(create([dir, '--id', 'demo']).code).toBe(0);
    const { plugin } = (await import(pathToFileURL(join(dir, 'src/model.ts')).href)) as { plugin: ModelPlugin };
    const registry = new ModelRegistry();
    registry.register(plugin);
    const scenario = registry.resolve({
      model: 'demo',
      duration: 42,
      outputInterval: 21,
      interventions: [{ kind: 'boost', start: 21, dose: 50 }],
    });
    const [run] = runScenarioSync(scenario).runs;
    // 100 AU/mL → 50 at day 21, +50 from the booster then (the day-21 sample shows it) → 100 → 50 at day 42.
    expect(run.observables.A[1]).toBeCloseTo(100, 9);
    expect(run.observables.A[2]).toBeCloseTo(50, 9);
  });
});
