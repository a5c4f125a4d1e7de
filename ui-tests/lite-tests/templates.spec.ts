import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectOutputsInBounds } from '../outputBounds';
import { TEMPLATE_EXPECTATIONS } from '../templateExpectations';

// The JupyterLite site of `npm run lite`, served by a plain static file server (Python's http.server):
// no Jupyter server, every kernel in the browser.

test('the JupyterLite launcher has the ImmunoTwin section with the twin kernel and the templates', async ({ page }) => {
  await page.goto('lab/index.html');
  const section = page
    .locator('.jp-Launcher-section')
    .filter({ has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^ImmunoTwin$/ }) });
  await expect(section.locator('.jp-LauncherCard', { hasText: 'Within-host Twin' })).toHaveCount(1, {
    timeout: 60_000,
  });
  await expect(section.locator('.jp-LauncherCard', { hasText: 'Getting started' })).toHaveCount(1);
});

const EXPECTED = TEMPLATE_EXPECTATIONS;

test('every template in notebooks/ is run here', () => {
  const templates = readdirSync(path.resolve(__dirname, '../../notebooks')).filter((f) => f.endsWith('.ipynb'));
  expect(templates.sort()).toEqual(Object.keys(EXPECTED).sort());
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`${name} runs top to bottom in JupyterLite with no error output`, async ({ page }) => {
    await page.goto(`lab/index.html?path=${name}`);
    const kernelName = page.locator('.jp-NotebookPanel-toolbar .jp-KernelName');
    await expect(kernelName).toHaveText(expected.kernel, { timeout: 60_000 });
    await expect(
      page.locator('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status="idle"]'),
    ).toHaveCount(1, { timeout: 60_000 });

    // The notebook renders its cells lazily: count them in the file.
    const notebook = JSON.parse(readFileSync(path.resolve(__dirname, '../../notebooks', name), 'utf8'));
    const codeCells = (notebook.cells as { cell_type: string }[]).filter((cell) => cell.cell_type === 'code').length;
    await expect(page.locator('.jp-Notebook .jp-CodeCell')).toHaveCount(codeCells);
    // Run › Run All Cells (JupyterLite has no Galata helpers in the page).
    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
    // Every code cell gets an execution count once it has run.
    await expect(page.locator('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt', { hasText: /\[\d+\]/ })).toHaveCount(
      codeCells,
      { timeout: 120_000 },
    );
    await expect(page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')).toHaveCount(1, {
      timeout: 60_000,
    });

    // No error output (tracebacks and stderr render as application/vnd.jupyter.stderr), every code cell
    // shows something, and the rich outputs are drawn.
    const cells = page.locator('.jp-Notebook .jp-CodeCell');
    await expect(
      page.locator('.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
    ).toHaveCount(0);
    for (let i = 0; i < codeCells; i++)
      await expect(cells.nth(i).locator('.jp-OutputArea-output').first()).toBeAttached();
    await expect(page.locator('.jp-ImmunoTwinPlot')).toHaveCount(expected.plots);
    await expect(page.locator('twin-workbench')).toHaveCount(expected.workbenches);
    // Tissue outputs (a workbench on a model with a lattice has a tissue view of its own inside).
    await expect(page.locator('.jp-ImmunoTwinTissue twin-tissue')).toHaveCount(expected.tissues);
    await expect(page.locator('twin-study')).toHaveCount(expected.studies ?? 0);
    await expect(
      page.locator('.jp-ImmunoTwinPlot-fallback, .jp-ImmunoTwinWorkbench-error, .jp-ImmunoTwinStudy-fallback'),
    ).toHaveCount(0);
    if (expected.plots > 0) {
      await expect(page.locator('.jp-ImmunoTwinPlot .js-plotly-plot svg.main-svg').first()).toBeVisible({
        timeout: 30_000,
      });
    }
    await expectOutputsInBounds(page, expected);
  });
}
