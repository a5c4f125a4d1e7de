import type { IJupyterLabPageFixture } from '@jupyterlab/galata';

/** Waits until the n-th workbench on the page has loaded, run (or computed its band) and drawn it (its `settled()`). */
export async function settled(page: IJupyterLabPageFixture, index = 0): Promise<void> {
  await page
    .locator('twin-workbench')
    .nth(index)
    .evaluate((el) => (el as Element & { settled(): Promise<void> }).settled());
}
