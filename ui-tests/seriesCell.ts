import { expect } from '@jupyterlab/galata';

/**
 * A twin-kernel cell that runs the twin (`run`, the options of `twin.run()` as code) and prints the series of the
 * observables `ids` after the marker `SERIES ` as JSON, which keeps every double exactly: for comparing a kernel's
 * numbers with Node's or another kernel's to the bit ({@link printedSeries} reads them back).
 */
export function seriesCell(run: string, ids: readonly string[]): string {
  return (
    `const r = await twin.run(${run});\n` +
    `console.log('SERIES ' + JSON.stringify(${JSON.stringify(ids)}.map((id) => Array.from(twin.observe(r, id).values))))`
  );
}

/** Runs the notebook's first cell (a {@link seriesCell}) and returns the series it printed, one array per id. */
export async function printedSeries(page: import('@playwright/test').Page, timeout = 90_000): Promise<number[][]> {
  await page.notebook.runCell(0, { inplace: true });
  const output = page.locator('.jp-Cell').first().locator('.jp-OutputArea-output').filter({ hasText: 'SERIES ' });
  await expect(output).toHaveCount(1, { timeout });
  return JSON.parse(((await output.textContent()) ?? '').split('SERIES ')[1]) as number[][];
}
