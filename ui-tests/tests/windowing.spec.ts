import * as path from 'node:path';
import { expect, galata, test } from '@jupyterlab/galata';
import { expectOutputsInBounds, measureOutputsByCell } from '../outputBounds';
import { TEMPLATE_EXPECTATIONS } from '../templateExpectations';

// JupyterLab's notebook windowing modes change how cells out of view are kept: "full" takes them out of the page
// (a workbench's element is detached and attached again when scrolled back), "defer" renders them later,
// "contentVisibility" (the default, covered by notebooks.spec.ts) skips their painting, "none" keeps all. In
// every mode each output of the template with all three kinds must come back drawn, bounded and full width.

const NAME = '02-immune-response.ipynb';
const NOTEBOOKS = path.resolve(__dirname, '../../notebooks');

for (const mode of ['full', 'defer', 'none'] as const) {
  test.describe(`windowing mode "${mode}"`, () => {
    test.use({
      autoGoto: true,
      mockSettings: {
        ...galata.DEFAULT_SETTINGS,
        '@jupyterlab/notebook-extension:tracker': {
          ...galata.DEFAULT_SETTINGS['@jupyterlab/notebook-extension:tracker'],
          windowingMode: mode,
        },
      },
    });

    test(`${NAME}: every output is drawn within bounds after scrolling away and back`, async ({ page, tmpPath }) => {
      await page.contents.uploadFile(path.join(NOTEBOOKS, NAME), `${tmpPath}/${NAME}`);
      await page.notebook.openByPath(`${tmpPath}/${NAME}`);
      await page.notebook.activate(NAME);
      await page.notebook.run();
      const boxes = await expectOutputsInBounds(page, TEMPLATE_EXPECTATIONS[NAME], measureOutputsByCell);
      // Back at the top and down to the workbench again: its plot is drawn (not left blank by the detach).
      await page.evaluate(async () => {
        const notebook = (
          window as unknown as {
            jupyterapp: {
              shell: { currentWidget: { content: { widgets: unknown[]; scrollToItem(i: number): Promise<void> } } };
            };
          }
        ).jupyterapp.shell.currentWidget.content;
        await notebook.scrollToItem(0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await notebook.scrollToItem(notebook.widgets.length - 1);
      });
      const workbench = page.locator('twin-workbench').last();
      await expect(workbench.locator('.js-plotly-plot svg.main-svg').first()).toBeVisible({ timeout: 10_000 });
      const height = await workbench.evaluate((e) => e.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(boxes.find((b) => b.kind === 'workbench')!.height + 1);
    });
  });
}
