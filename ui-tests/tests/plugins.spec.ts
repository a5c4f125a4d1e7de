import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import { MAX_HEIGHT } from '../outputBounds';
import { workbenchNotebook } from '../workbenchNotebook';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

/** A reaction network with a closed form: A decays at rate k from A0 = 1000 (a data plugin by itself). */
const decayManifest = {
  id: 'decay-file',
  title: 'Decay from a file',
  version: '1.0.0',
  description: 'First-order decay, A(t) = A0·exp(−k t).',
  timeUnit: 'day',
  methods: ['ode'],
  defaults: { duration: 4, outputInterval: 0.5 },
  parameters: [
    {
      id: 'k',
      label: 'Decay rate',
      unit: '1/day',
      default: 0.5,
      min: 0,
      max: 10,
      scale: 'linear',
      description: 'decay',
      source: 'test',
    },
    {
      id: 'A0',
      label: 'Initial A',
      unit: 'molecules',
      default: 1000,
      min: 0,
      max: 1e6,
      scale: 'linear',
      description: 'A at 0',
      source: 'test',
    },
  ],
  network: {
    species: [{ id: 'A', label: 'A', unit: 'molecules', initial: 'A0' }],
    reactions: [{ id: 'decay', label: 'decay', reactants: { A: 1 }, products: {}, law: 'massAction', rate: 'k' }],
  },
  observables: [{ id: 'A', label: 'Amount A', unit: 'molecules' }],
  interventions: [],
  presets: [],
  assumptions: ['Test model.'],
  references: [],
};

/** The first and last y values of the n-th workbench's first trace, as plotly holds them. */
function firstTrace(
  page: IJupyterLabPageFixture,
  index = 0,
): Promise<{ first: number; last: number; points: number } | null> {
  return page.evaluate((n) => {
    const workbench = document.querySelectorAll('twin-workbench')[n];
    const series = workbench?.shadowRoot?.querySelector('twin-timeseries');
    const graph = series?.shadowRoot?.querySelector('.js-plotly-plot') as
      (HTMLElement & { data?: { y?: ArrayLike<number> }[] }) | null;
    const y = Array.from(graph?.data?.[0]?.y ?? []);
    return y.length ? { first: y[0], last: y[y.length - 1], points: y.length } : null;
  }, index);
}

/** The size of the first workbench's plot on the page. */
async function plotBox(page: IJupyterLabPageFixture) {
  return page.locator('twin-workbench twin-timeseries').first().boundingBox();
}

test('a stepped model defined in a cell runs in the kernel and in its workbench, and comes back after a reload', async ({
  page,
  tmpPath,
}) => {
  await page.notebook.createNew('cell-model.ipynb', { kernel: 'immunotwin-target-cell-limited' });
  const manifest = { ...decayManifest, id: 'halving', title: 'Halving pool', methods: ['agent'], network: undefined };
  await page.notebook.setCell(
    0,
    'code',
    [
      `const manifest = ${JSON.stringify(manifest)};`,
      'await models.register({',
      '  manifest,',
      '  createStepped(context) {',
      '    let a = context.parameters.A0;',
      '    return { dt: 0.5, step() { a = a / 2; }, observe(out) { out[0] = a; }, apply() {}, snapshot() { return a; }, restore(s) { a = s; } };',
      '  },',
      '});',
      "twin.create('halving').controls()",
    ].join('\n'),
  );
  await page.notebook.runCell(0);
  await expect(page.locator('twin-workbench')).toHaveCount(1);
  // The workbench's worker imported the cell's code from the output: 1000 halves 8 times in 4 days.
  await expect.poll(() => firstTrace(page), { timeout: 30_000 }).toEqual({ first: 1000, last: 1000 / 256, points: 9 });
  await page.locator('twin-workbench').screenshot({ path: test.info().outputPath('cell-model-workbench.png') });
  const box = await plotBox(page);
  expect(box!.height).toBeGreaterThan(200);
  expect(box!.height).toBeLessThan(MAX_HEIGHT.plot);

  await page.notebook.save();
  await page.notebook.close(true);
  await page.kernel.shutdownAll();
  // Reopened with no kernel: the output carries the model, and the notebook (saved here) is trusted.
  await page.notebook.openByPath(`${tmpPath}/cell-model.ipynb`);
  await page.evaluate(() => window.jupyterapp.commands.execute('kernelmenu:shutdown'));
  await expect.poll(() => firstTrace(page), { timeout: 30_000 }).toEqual({ first: 1000, last: 1000 / 256, points: 9 });
});

test('in an untrusted notebook a model defined in a cell does not run, and its workbench offers no Run', async ({
  page,
  tmpPath,
}) => {
  const manifest = { ...decayManifest, id: 'halving', title: 'Halving pool', methods: ['agent'], network: undefined };
  const module = 'data:text/javascript,export default () => { throw new Error("never to be loaded"); }';
  const notebook = workbenchNotebook({ version: 1, scenario: { model: 'halving' }, plugin: { manifest, module } });
  await page.contents.uploadContent(notebook, 'text', `${tmpPath}/cell-model-untrusted.ipynb`);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.notebook.openByPath(`${tmpPath}/cell-model-untrusted.ipynb`);
  await expect(page.locator('.jp-ImmunoTwinWorkbench-error')).toHaveText(
    'ImmunoTwin workbench: the model "halving" was defined in a notebook cell and its code travels with this output; it runs only in a trusted notebook ("Trust Notebook" in the command palette, or run the cell that defines it).',
  );
  await expect(page.locator('twin-workbench')).toHaveCount(0);
  await page.waitForTimeout(1000); // an absence needs a wait
  expect(workers).toEqual([]);
});

test('a workbench of a model that is not installed says which plugin it needs', async ({ page, tmpPath }) => {
  const notebook = workbenchNotebook({
    version: 1,
    scenario: { model: 'sars-cov-2-innate' },
    plugin: { provider: 'immunotwin-model-sars-cov-2' },
  });
  await page.contents.uploadContent(notebook, 'text', `${tmpPath}/missing.ipynb`);
  await page.notebook.openByPath(`${tmpPath}/missing.ipynb`);
  const message = page.locator('.jp-ImmunoTwinWorkbench-error');
  await expect(message).toBeVisible();
  await expect(message).toHaveText(
    'ImmunoTwin workbench: the model "sars-cov-2-innate" is not installed in this JupyterLab. It comes from immunotwin-model-sars-cov-2; install that plugin and reload the page: the workbench comes back as it was saved.',
  );
});

test("a reaction network's manifest opens from the file browser in a live workbench", async ({ page, tmpPath }) => {
  await page.contents.uploadContent(JSON.stringify(decayManifest, null, 2), 'text', `${tmpPath}/decay.json`);
  await page.filebrowser.openDirectory(tmpPath);
  await page
    .locator('.jp-DirListing-item[data-file-type="json"]', { hasText: 'decay.json' })
    .click({ button: 'right' });
  const item = page.locator('.lm-Menu-itemLabel', { hasText: 'Open in ImmunoTwin Workbench' });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.locator('.lm-TabBar-tab', { hasText: 'Decay from a file — workbench' })).toBeVisible();
  // A(4) = 1000·e^(−2) on the ODE solver's tolerance.
  await expect.poll(async () => (await firstTrace(page))?.points, { timeout: 30_000 }).toBe(9);
  const trace = await firstTrace(page);
  expect(trace!.first).toBe(1000);
  expect(Math.abs(trace!.last / (1000 * Math.exp(-2)) - 1)).toBeLessThan(1e-4);
  await expect(page.locator('twin-workbench twin-controls .row[data-parameter="k"] input[type="range"]')).toBeVisible();
  const panel = await page.locator('.jp-ImmunoTwinModelFile').boundingBox();
  const plot = await plotBox(page);
  // The workbench fits the panel it opened in: its plot is within the panel and of the bounded height.
  expect(plot!.x).toBeGreaterThanOrEqual(panel!.x);
  expect(plot!.x + plot!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
  expect(plot!.height).toBeLessThan(MAX_HEIGHT.plot);
  await page
    .locator('.jp-ImmunoTwinModelFile')
    .screenshot({ path: test.info().outputPath('model-file-workbench.png') });
});

test('SBML imported in a browser kernel cell runs as a model (the SBML reader loads in the kernel worker on first use)', async ({
  page,
}) => {
  const sbml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="decay" timeUnits="day">',
    '<listOfUnitDefinitions><unitDefinition id="day"><listOfUnits><unit kind="second" exponent="1" scale="0" multiplier="86400"/></listOfUnits></unitDefinition></listOfUnitDefinitions>',
    '<listOfCompartments><compartment id="cell" size="1" constant="true"/></listOfCompartments>',
    '<listOfSpecies><species id="A" compartment="cell" initialAmount="1000" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>',
    '<listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>',
    '<listOfReactions><reaction id="loss" reversible="false"><listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>',
    '<kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>A</ci></apply></math></kineticLaw></reaction></listOfReactions>',
    '</model></sbml>',
  ].join('');
  await page.notebook.createNew('sbml.ipynb', { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(
    0,
    'code',
    [
      `await models.register(await models.fromSBML(${JSON.stringify(sbml)}, { id: 'decay-sbml', duration: 4, outputInterval: 1 }));`,
      "const A = (await twin.create('decay-sbml').run()).runs[0].observables.A;",
      '`A(4) = ${A[4].toFixed(4)}`',
    ].join('\n'),
  );
  await page.notebook.runCell(0);
  // 1000·e^(−0.5·4) = 135.3353
  await expect(page.locator('.jp-OutputArea-output').last()).toContainText('A(4) = 135.3353');
});
