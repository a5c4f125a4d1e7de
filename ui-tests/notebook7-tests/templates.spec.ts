import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectOutputsInBounds } from '../outputBounds';
import { TEMPLATE_EXPECTATIONS } from '../templateExpectations';

// Jupyter Notebook 7 beside JupyterLab (`jupyter notebook` from .venv): the same extension gives it the twin
// kernels and the renderers. Every template runs here too, and what a student sees is held to the same bounds.

const NOTEBOOKS = path.resolve(__dirname, '../../notebooks');

for (const [name, expected] of Object.entries(TEMPLATE_EXPECTATIONS)) {
  test(`${name} runs top to bottom in Notebook 7, its outputs bounded and its sliders within reach`, async ({
    page,
    request,
  }) => {
    // Upload the template into the server's (temporary) root folder through the contents API.
    const content = JSON.parse(readFileSync(path.join(NOTEBOOKS, name), 'utf8'));
    const folder = `notebook7-${test.info().workerIndex}-${Date.now()}`;
    expect((await request.put(`api/contents/${folder}`, { data: { type: 'directory' } })).ok()).toBe(true);
    const put = await request.put(`api/contents/${folder}/${name}`, { data: { type: 'notebook', content } });
    expect(put.ok()).toBe(true);

    await page.goto(`notebooks/${folder}/${name}`);
    await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText(expected.kernel, {
      timeout: 60_000,
    });
    const codeCells = (content.cells as { cell_type: string }[]).filter((cell) => cell.cell_type === 'code').length;
    await expect(page.locator('.jp-Notebook .jp-CodeCell')).toHaveCount(codeCells, { timeout: 30_000 });
    // Run › Run All Cells.
    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
    await expect(page.locator('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt', { hasText: /\[\d+\]/ })).toHaveCount(
      codeCells,
      { timeout: 120_000 },
    );
    await expect(
      page.locator('.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
    ).toHaveCount(0);
    await expect(page.locator('.jp-ImmunoTwinPlot-fallback, .jp-ImmunoTwinWorkbench-error')).toHaveCount(0);
    if (expected.plots > 0) {
      await expect(page.locator('.jp-ImmunoTwinPlot .js-plotly-plot svg.main-svg').first()).toBeVisible({
        timeout: 30_000,
      });
    }
    if (expected.workbenches > 0) {
      await expect(page.locator('twin-workbench .js-plotly-plot svg.main-svg').first()).toBeVisible({
        timeout: 30_000,
      });
    }
    await expectOutputsInBounds(page, expected);
  });
}
