import * as path from 'node:path';
import { expect, test } from '@jupyterlab/galata';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

const PLOT_MIME_TYPE = 'application/vnd.immunotwin.plot+json';

/** The outputs of every cell of the current notebook, from its model. */
interface IOutputJson {
  output_type: string;
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}

test('the getting-started notebook runs on the twin kernel without errors and draws its plots', async ({
  page,
  tmpPath,
}) => {
  // Wait until the launcher lists the twin kernel. (A twin notebook opened by its URL while JupyterLab starts
  // once asked for a kernel; the kernelspecs are now registered with the in-browser kernelspecs themselves,
  // but that start-up case has no test yet.)
  await expect(page.locator('.jp-LauncherCard[title="Within-host Twin"]').first()).toBeVisible();
  const name = '00-getting-started.ipynb';
  await page.contents.uploadFile(path.resolve(__dirname, '../../notebooks', name), `${tmpPath}/${name}`);
  await page.notebook.openByPath(`${tmpPath}/${name}`);
  await page.notebook.activate(name);
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Within-host Twin');
  await page.notebook.run();

  const outputs = await page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget as unknown as {
      content: { model: { toJSON(): { cells: { cell_type: string; outputs?: unknown[] }[] } } };
    };
    return panel.content.model
      .toJSON()
      .cells.filter((cell) => cell.cell_type === 'code')
      .map((cell) => (cell.outputs ?? []) as IOutputJson[]);
  });
  const errors = outputs.flat().filter((output) => output.output_type === 'error');
  expect(errors.map((error) => `${error.ename}: ${error.evalue}`)).toEqual([]);
  // Every code cell ran and showed something.
  expect(outputs.every((cellOutputs) => cellOutputs.length > 0)).toBe(true);
  // The run and the three twin.plot() cells give plot bundles, drawn by the plot renderer.
  const plots = outputs.flat().filter((output) => output.data && PLOT_MIME_TYPE in output.data);
  expect(plots.length).toBe(4);
  await expect(page.locator('.jp-ImmunoTwinPlot .js-plotly-plot svg.main-svg').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('.jp-ImmunoTwinPlot-fallback')).toHaveCount(0);
});
