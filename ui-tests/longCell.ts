import { expect, type IJupyterLabPageFixture } from '@jupyterlab/galata';

/**
 * Opens a new twin-kernel notebook `file` with `running` in its first cell and `next` in the second, and starts the
 * first cell without waiting for it (resolves once its prompt shows `[*]:`).
 */
export async function startLongCell(
  page: IJupyterLabPageFixture,
  file: string,
  running: string,
  next: string,
): Promise<void> {
  await page.notebook.createNew(file, { kernel: 'immunotwin-target-cell-limited' });
  await page.notebook.setCell(0, 'code', running);
  await page.notebook.addCell('code', next);
  await page.notebook.selectCells(0);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.jp-Cell').first().locator('.jp-InputPrompt')).toHaveText('[*]:');
}
