import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';
import { MAX_HEIGHT } from '../outputBounds';
import { workbenchNotebook } from '../workbenchNotebook';

// A notebook the user did not make (not signed by this server, so untrusted) holding one heavy workbench: the
// immune twin on a 512 × 512 lattice for 365 days, 2000 replicates, and 20 pinned copies. Opened, it must not
// compute: no worker until Run is pressed or the notebook is trusted; once computing, it shows progress and stops.
test.use({ autoGoto: true, viewport: { width: 1300, height: 1100 } });

const HEAVY = { model: 'immune-system', parameters: { latticeSize: 512 }, duration: 365, replicates: 2000 };

/** The crafted notebook: a python3 kernelspec (a server kernel, no browser worker) and the workbench output. */
function heavyNotebook(): string {
  const state = {
    version: 1,
    scenario: HEAVY,
    pinned: Array.from({ length: 20 }, (_, i) => ({ label: `copy ${i + 1}`, scenario: HEAVY })),
  };
  return workbenchNotebook(state, {
    kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' },
  });
}

/** Opens a fresh copy of the crafted notebook, recording every Web Worker the page starts from then on. */
async function openHeavy(page: IJupyterLabPageFixture, path: string): Promise<string[]> {
  await page.contents.uploadContent(heavyNotebook(), 'text', path);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.notebook.openByPath(path);
  await expect(page.locator('twin-workbench')).toHaveCount(1);
  return workers;
}

/** The percentage and detail beside the workbench's progress bar ("0.3% · copy 1 · replicate 1 of 2000 · day 2"). */
const progressText = (workbench: Locator) => workbench.locator('[role="progressbar"] + span').textContent();

test('an untrusted notebook’s heavy workbench computes nothing until Run; then it shows progress and stops', async ({
  page,
  tmpPath,
}) => {
  const workers = await openHeavy(page, `${tmpPath}/heavy.ipynb`);
  const workbench = page.locator('twin-workbench');
  const reason = workbench.locator('.reason');
  const run = workbench.locator('button[data-action="run"]');
  await expect(reason).toHaveText(
    'This notebook is not trusted, so the workbench has not run. It would compute 42,000 runs of Immune system twin (agent-based) over 365 days: 2,000 runs of the scenario and 20 pinned runs.',
  );
  await expect(run).toBeVisible();
  await expect(workbench.locator('dd[data-size="Model"]')).toHaveText(
    'Immune system twin (agent-based) · immune-system',
  );
  await expect(workbench.locator('dd[data-size="Replicates"]')).toHaveText('2,000');
  await expect(workbench.locator('dd[data-size="Pinned runs"]')).toHaveText('20');
  await expect(workbench.locator('.pin')).toHaveCount(20);
  // The saved latticeSize is in the (disabled) controls.
  await expect(workbench.locator('twin-controls .row[data-parameter="latticeSize"] input.field')).toHaveValue('512');
  // Sized sensibly: a button one line high and a reason one or two lines wide across the output; the whole held
  // workbench within a workbench's bound.
  const button = (await run.boundingBox())!;
  expect(button.height).toBeGreaterThanOrEqual(20);
  expect(button.height).toBeLessThanOrEqual(40);
  expect(button.width).toBeGreaterThanOrEqual(48);
  expect(button.width).toBeLessThanOrEqual(120);
  const text = (await reason.boundingBox())!;
  expect(text.width).toBeGreaterThan(400);
  expect(text.height).toBeLessThanOrEqual(60);
  const held = (await page.locator('.jp-ImmunoTwinWorkbench').boundingBox())!;
  expect(held.height).toBeLessThan(MAX_HEIGHT.workbench);
  // Nothing computes: no worker in 3 s after the workbench is shown (an absence needs a wait).
  await page.waitForTimeout(3000);
  expect(workers).toEqual([]);
  await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath('held-light.png') });
  await page.theme.setDarkTheme();
  await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath('held-dark.png') });
  await page.theme.setLightTheme();

  // Run: the worker starts and the first pinned run shows its progress, moving, with a Stop button.
  await run.click();
  await expect.poll(() => workers.length, { timeout: 30_000 }).toBe(1);
  const bar = workbench.locator('[role="progressbar"]');
  await expect(bar).toHaveAttribute('aria-label', 'Pinned run 1 of 20', { timeout: 30_000 });
  const stop = workbench.locator('button[data-action="stop"]');
  await expect(stop).toBeVisible();
  await expect(workbench).toContainText('copy 1 · replicate 1 of 2000 · day');
  const first = await progressText(workbench);
  await expect.poll(() => progressText(workbench), { timeout: 30_000 }).not.toBe(first);
  await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath('running-light.png') });

  // Stop: the pins left are not computed, the scenario loads without running, and the workbench is usable.
  await stop.click();
  await expect(workbench.locator('[role="alert"]')).toHaveText(
    /^Stopped: 20 of 20 pinned runs were not computed \(copy 1; copy 2; .*copy 20\); they stay in the notebook, and the scenario has not run\.$/,
    { timeout: 30_000 },
  );
  await expect(stop).toHaveCount(0);
  const play = workbench.locator('button[data-action="play"]');
  await expect(play).toBeVisible();
  // Play runs the scenario (its progress shows, with Stop); Stop stops it and the progress stays where it was.
  await play.click();
  await expect(workbench.locator('[role="progressbar"][aria-label="Run progress"]')).toBeVisible();
  await expect(stop).toBeVisible();
  await expect(workbench).toContainText('replicate 1 of 2000 · day', { timeout: 30_000 });
  await page.theme.setDarkTheme();
  await page.locator('.jp-ImmunoTwinWorkbench').screenshot({ path: test.info().outputPath('running-dark.png') });
  await stop.click();
  await expect(stop).toHaveCount(0);
  await expect(play).toBeVisible();
  const stopped = await progressText(workbench);
  await page.waitForTimeout(1500);
  expect(await progressText(workbench)).toBe(stopped);
  expect(workers).toHaveLength(1); // the same worker served every run
  await page.theme.setLightTheme();
});

test('trusting the notebook (Trust Notebook, `notebook:trust`) makes its held workbench compute', async ({
  page,
  tmpPath,
}) => {
  const workers = await openHeavy(page, `${tmpPath}/heavy-trusted.ipynb`);
  const workbench = page.locator('twin-workbench');
  await expect(workbench.locator('button[data-action="run"]')).toBeVisible();
  await page.waitForTimeout(1000);
  expect(workers).toEqual([]);
  void page.evaluate(() => window.jupyterapp.commands.execute('notebook:trust'));
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Trust this notebook?');
  await dialog.locator('button.jp-mod-warn').click();
  // The output renders again as trusted: the workbench starts its worker and computes, with progress and Stop.
  await expect.poll(() => workers.length, { timeout: 30_000 }).toBe(1);
  await expect(workbench.locator('.held')).toHaveCount(0);
  await expect(workbench.locator('[role="progressbar"]')).toHaveAttribute('aria-label', 'Pinned run 1 of 20', {
    timeout: 30_000,
  });
  await workbench.locator('button[data-action="stop"]').click();
  await expect(workbench.locator('button[data-action="play"]')).toBeVisible({ timeout: 30_000 });
});
