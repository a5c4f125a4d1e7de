import { expect, test } from '@playwright/test';
import { HIV_CELL, HIV_KERNEL, hivLogDropInNode } from '../hivReference';
import { expectOutputsInBounds } from '../outputBounds';

// The outside plugin examples/plugin-hiv-latent in the JupyterLite site: `jupyter lite build` copied its
// prebuilt extension from .venv (where scripts/ensure-example-plugin.mjs pip-installed it), so the static site
// registers the model, offers its kernel and runs it in the browser with no server.

test.use({ viewport: { width: 1024, height: 1300 } });

test('in JupyterLite the plugin has its launcher card, a kernel that runs it and a workbench that draws it', async ({
  page,
}) => {
  const expected = hivLogDropInNode();
  const fetched: string[] = [];
  page.on('requestfinished', (request) => fetched.push(request.url()));

  await page.goto('lab/index.html');
  const section = page
    .locator('.jp-Launcher-section')
    .filter({ has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^ImmunoTwin$/ }) });
  const card = section.locator('.jp-LauncherCard', { hasText: HIV_KERNEL.displayName });
  await expect(card).toHaveCount(1, { timeout: 60_000 });
  await card.click();
  // The kernel's name and state in the status bar (the notebook toolbar may fold its kernel name into "…").
  await expect(page.locator('#jp-main-statusbar')).toContainText(`${HIV_KERNEL.displayName} | Idle`, {
    timeout: 60_000,
  });
  // JupyterLite has no Galata helpers: write into the cell's editor (as text, so no bracket is auto-closed)
  // and run it with Shift+Enter, which moves on to a new cell.
  const cells = page.locator('.jp-Notebook .jp-CodeCell');
  await cells.nth(0).locator('.cm-content').click();
  await page.keyboard.insertText(HIV_CELL);
  await page.keyboard.press('Shift+Enter');
  await expect(cells.nth(0).locator('.jp-OutputArea-output')).toContainText(
    `logs down after 14 days of ART: ${expected}`,
    { timeout: 60_000 },
  );
  expect(fetched.some((url) => url.endsWith('/immunotwin-model-hiv-latent/static/models/hiv-latent.js'))).toBe(true);

  await expect(cells).toHaveCount(2);
  await cells.nth(1).locator('.cm-content').click();
  await page.keyboard.insertText('twin.controls()');
  await page.keyboard.press('Shift+Enter');
  const workbench = page.locator('twin-workbench');
  await expect(workbench).toHaveCount(1, { timeout: 30_000 });
  await expect(workbench.locator('twin-timeseries .js-plotly-plot svg.main-svg').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('.jp-ImmunoTwinWorkbench-error')).toHaveCount(0);
  // The twin's ART (from the first cell) is in the workbench's run: the viral load ends below 1 copy/mL.
  const lastViralLoad = () =>
    workbench.evaluate((element) => {
      const series = element.shadowRoot?.querySelector('twin-timeseries');
      const graph = series?.shadowRoot?.querySelector('.js-plotly-plot') as
        (HTMLElement & { data?: { name?: string; y?: ArrayLike<number> }[] }) | null;
      const y = Array.from((graph?.data ?? []).find((t) => (t.name ?? '').startsWith('Viral load'))?.y ?? []);
      return y.length > 1 ? y[y.length - 1] : NaN;
    });
  await expect.poll(lastViralLoad, { timeout: 30_000 }).toBeLessThan(1);
  await expectOutputsInBounds(page, { plots: 0, workbenches: 1, tissues: 0 });
  await page.screenshot({ path: test.info().outputPath('lite-hiv.png') });
});
