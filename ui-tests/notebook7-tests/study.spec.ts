import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';

// Jupyter Notebook 7 gets the study renderer from the same extension as JupyterLab: the saved study of
// fixtures/study.ipynb is drawn there too, every figure bounded (tests/study.spec.ts checks the looks in Lab).

// Tall enough for the whole study to be on screen for its picture.
test.use({ viewport: { width: 1280, height: 1400 } });

test('a saved study output draws every figure in Notebook 7, each of bounded height', async ({ page, request }) => {
  const content = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/study.ipynb'), 'utf8'));
  const folder = `notebook7-study-${test.info().workerIndex}-${Date.now()}`;
  expect((await request.put(`api/contents/${folder}`, { data: { type: 'directory' } })).ok()).toBe(true);
  expect((await request.put(`api/contents/${folder}/study.ipynb`, { data: { type: 'notebook', content } })).ok()).toBe(
    true,
  );

  await page.goto(`notebooks/${folder}/study.ipynb`);
  const figures = page.locator('.jp-ImmunoTwinStudy twin-study figure');
  await expect(figures).toHaveCount(6, { timeout: 60_000 });
  await page.locator('twin-study').evaluate((element) => (element as Element & { flushed(): Promise<void> }).flushed());
  for (let i = 0; i < 6; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('.js-plotly-plot .main-svg').first()).toBeVisible();
    const box = (await figure.boundingBox())!;
    expect(box.height).toBeLessThan(400);
    expect(box.height).toBeGreaterThan(250);
  }
  await figures.nth(0).scrollIntoViewIfNeeded();
  await page.locator('.jp-ImmunoTwinStudy').screenshot({ path: test.info().outputPath('study-notebook7.png') });
});
