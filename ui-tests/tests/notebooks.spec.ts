import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@jupyterlab/galata';
import { expectOutputsInBounds } from '../outputBounds';
import { TEMPLATE_EXPECTATIONS } from '../templateExpectations';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

const NOTEBOOKS = path.resolve(__dirname, '../../notebooks');
const PLOT_MIME_TYPE = 'application/vnd.immunotwin.plot+json';
const WORKBENCH_MIME_TYPE = 'application/vnd.immunotwin.workbench+json';
const TISSUE_MIME_TYPE = 'application/vnd.immunotwin.tissue+json';
const PATIENT_MIME_TYPE = 'application/vnd.immunotwin.patient+json';
const STUDY_MIME_TYPE = 'application/vnd.immunotwin.study+json';

const EXPECTED = TEMPLATE_EXPECTATIONS;

interface IOutputJson {
  output_type: string;
  ename?: string;
  evalue?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}

const templates = readdirSync(NOTEBOOKS).filter((name) => name.endsWith('.ipynb'));

test('every template in notebooks/ has its expectations here', () => {
  expect(templates.sort()).toEqual(Object.keys(EXPECTED).sort());
});

for (const name of templates) {
  test(`${name} runs top to bottom without errors`, async ({ page, tmpPath }) => {
    const expected = EXPECTED[name];
    // The twin kernels are registered when the launcher lists them.
    await expect(page.locator('.jp-LauncherCard[title="Within-host Twin"]').first()).toBeVisible();
    await expect(page.locator('.jp-LauncherCard[title="Immune System Twin"]').first()).toBeVisible();
    await page.contents.uploadFile(path.join(NOTEBOOKS, name), `${tmpPath}/${name}`);
    await page.notebook.openByPath(`${tmpPath}/${name}`);
    await page.notebook.activate(name);
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
    const all = outputs.flat();
    const errors = all.filter((output) => output.output_type === 'error');
    expect(errors.map((error) => `${error.ename}: ${error.evalue}`)).toEqual([]);
    // Every code cell ran and showed something.
    expect(outputs.every((cellOutputs) => cellOutputs.length > 0)).toBe(true);
    const withData = (mime: string) => all.filter((output) => output.data && mime in output.data);
    expect(withData(PLOT_MIME_TYPE)).toHaveLength(expected.plots);
    expect(withData(WORKBENCH_MIME_TYPE)).toHaveLength(expected.workbenches);
    expect(withData(TISSUE_MIME_TYPE)).toHaveLength(expected.tissues);
    if (expected.plots) {
      await expect(page.locator('.jp-ImmunoTwinPlot .js-plotly-plot svg.main-svg').first()).toBeVisible({
        timeout: 30_000,
      });
      await expect(page.locator('.jp-ImmunoTwinPlot-fallback')).toHaveCount(0);
    }
    if (expected.workbenches) {
      await expect(page.locator('twin-workbench')).toHaveCount(expected.workbenches);
      await expect(page.locator('.jp-ImmunoTwinWorkbench-error')).toHaveCount(0);
    }
    // Tissue outputs (a workbench on a model with a lattice has a tissue view of its own inside).
    if (expected.tissues) await expect(page.locator('.jp-ImmunoTwinTissue twin-tissue')).toHaveCount(expected.tissues);
    expect(withData(STUDY_MIME_TYPE)).toHaveLength(expected.studies ?? 0);
    expect(withData(PATIENT_MIME_TYPE)).toHaveLength(expected.patients ?? 0);
    if (expected.patients) {
      // The widget draws once its own worker has computed the twin (no kernel involved).
      const patient = page.locator('.jp-ImmunoTwinPatient twin-patient').last();
      await patient.scrollIntoViewIfNeeded();
      await expect(patient.locator('[data-role="plot"] .main-svg').first()).toBeVisible({ timeout: 60_000 });
    }
    // A long notebook renders only what is near the screen: the study outputs are counted and measured cell by
    // cell below (expectOutputsInBounds).
    await expect(page.locator('.jp-ImmunoTwinStudy-fallback')).toHaveCount(0);
    // What the student sees: bounded outputs that fill their row, sliders within reach.
    await expectOutputsInBounds(page, expected);
    if (expected.text) {
      const texts = all.map((output) =>
        [output.text, output.data?.['text/plain'], output.data?.['text/html']].flat().join(''),
      );
      expect(texts.join('\n')).toMatch(expected.text);
    }
  });
}
