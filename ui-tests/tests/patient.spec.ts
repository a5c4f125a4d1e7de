import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import type { Worker } from '@playwright/test';
import { MAX_HEIGHT as OUTPUT_HEIGHT } from '../outputBounds';

// A twin of one patient (application/vnd.immunotwin.patient+json, the kernel's twin.patient()) as a person meets it
// in a saved notebook — no kernel run: fixtures/patient.ipynb (fixtures/write-patient-notebook.mjs) holds the
// untreated arm of Hayden et al. 1996. The widget computes in its own worker: the table shows the data, a bad CSV
// is refused with the parser's message, a CSV dropped or loaded replaces the data (a file of several arms offers
// them in "Group"; the untreated arm is chosen and then the treated one again), a fit shows its progress then the
// estimates and profiles, a cancelled fit stops and a new one works, "Next day" moves the twin on and the forecast
// with it, and "Treat from today" draws the forecast with a treatment beside the one without. Sizes are bounded;
// screenshots in the light and the dark theme go to the test's output folder.

test.use({ autoGoto: true, viewport: { width: 1400, height: 1100 } });

const NAME = 'patient.ipynb';
const FIXTURE = path.resolve(__dirname, '../fixtures', NAME);
const HAYDEN = path.resolve(__dirname, '../../examples/data/hayden1996.csv');
/** The tallest the widget's output may be (px): stacked when narrow, toolbar, table, plot, estimates and profiles. */
const MAX_HEIGHT = OUTPUT_HEIGHT.patient;

async function openPatient(page: IJupyterLabPageFixture, tmpPath: string) {
  await page.contents.uploadFile(FIXTURE, `${tmpPath}/${NAME}`);
  await page.notebook.openByPath(`${tmpPath}/${NAME}`);
  await page.notebook.activate(NAME);
  const widget = page.locator('.jp-ImmunoTwinPatient twin-patient');
  await expect(widget.locator('[data-role="plot"] .main-svg').first()).toBeVisible({ timeout: 60_000 });
  return widget;
}

/** The drawn traces of the patient's plot (plotly keeps them on its node). */
function traces(page: IJupyterLabPageFixture) {
  return page.locator('twin-patient').evaluate((element) => {
    const node = element.shadowRoot!.querySelector('[data-role="plot"]') as HTMLElement & {
      data: { name?: string; x: number[]; yaxis?: string }[];
    };
    return node.data.map((t) => ({ name: t.name ?? '', x0: t.x[0], n: t.x.length, yaxis: t.yaxis ?? 'y' }));
  });
}

/** The widget inside its output row, its plot filling its box, no taller than its bound. */
async function expectInBounds(page: IJupyterLabPageFixture) {
  const output = page.locator('.jp-ImmunoTwinPatient');
  const box = (await output.boundingBox())!;
  const row = (await page.locator('.jp-OutputArea-child', { has: output }).boundingBox())!;
  expect(box.height, 'the widget is drawn').toBeGreaterThan(400);
  expect(box.height, 'the widget is bounded').toBeLessThanOrEqual(MAX_HEIGHT);
  expect(box.x + box.width, 'inside its row').toBeLessThanOrEqual(row.x + row.width + 1);
  const plot = (await output.locator('[data-role="plot"]').boundingBox())!;
  const svg = (await output.locator('[data-role="plot"] .main-svg').first().boundingBox())!;
  expect(Math.abs(svg.width - plot.width), 'the plot fits its width').toBeLessThanOrEqual(2);
  expect(plot.height).toBeGreaterThan(300);
  return { height: box.height, width: box.width };
}

for (const theme of ['light', 'dark'] as const) {
  test(`a saved patient comes back alive: data, fit, cancel, next day (${theme} theme)`, async ({
    page,
    tmpPath,
  }, info) => {
    test.setTimeout(240_000);
    if (theme === 'dark') await page.theme.setDarkTheme();
    else await page.theme.setLightTheme();
    const widget = await openPatient(page, tmpPath);

    // The table: the untreated arm, nine days in hours, values under the 0.5 limit shown as "≤ 0.5".
    const rows = widget.locator('[data-role="table"] tbody tr');
    await expect(rows).toHaveCount(9);
    await expect(rows.nth(2).locator('td')).toHaveText(['48', 'log10V', '2.73', '0.5']);
    await expect(rows.nth(8).locator('td').nth(2)).toHaveText('≤ 0.5');
    await expect(widget.locator('[data-role="day"]')).toHaveText(/no observation assimilated/);
    const drawn = await traces(page);
    expect(drawn.some((t) => t.name.endsWith('(observed)'))).toBe(true);
    expect(drawn.some((t) => t.name.endsWith('(below detection limit)'))).toBe(true);
    expect(drawn.some((t) => t.name.endsWith('— twin'))).toBe(true);
    expect(drawn.filter((t) => t.yaxis === 'y2').length, 'residuals on the second row').toBe(2);
    await expect(widget.locator('[data-role="plot"]')).toHaveAttribute(
      'aria-label',
      /9 measurements \(3 below the detection limit\)/,
    );
    const size = await expectInBounds(page);
    console.log(`patient output (${theme}): ${Math.round(size.height)} × ${Math.round(size.width)} px`);
    await page.mouse.move(1, 1);
    await page.locator('.jp-ImmunoTwinPatient').screenshot({ path: info.outputPath(`patient-loaded-${theme}.png`) });

    // A bad CSV: the parser's message (line, column, value, what is allowed); the data stay.
    await widget.locator('input[data-action="load"]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('time_h,observable,value\n0,log10V,abc\n'),
    });
    await expect(widget.locator('.error-box[role="alert"]')).toHaveText(
      /bad\.csv.*line 2.*"abc" is not allowed; allowed: a finite number/,
    );
    await expect(rows).toHaveCount(9);

    // A CSV dropped on the table: the treated arm (peak 1.2 on day 2).
    const treated = readFileSync(HAYDEN, 'utf8')
      .split('\n')
      .filter((line, i) => i === 0 || line.includes(',treated-29h,'))
      .join('\n');
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'treated.csv', { type: 'text/csv' }));
      return data;
    }, treated);
    await widget.locator('[data-role="table"]').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(widget.locator('.message[role="status"]')).toHaveText(
      /treated\.csv: 9 measurements of group "treated-29h"/,
    );
    await expect(rows.nth(2).locator('td')).toHaveText(['48', 'log10V', '1.2', '0.5']);

    // The file button: the whole Hayden file, the untreated arm is not the data now, so its first group is taken.
    await widget.locator('input[data-action="load"]').setInputFiles(HAYDEN);
    await expect(widget.locator('.message[role="status"]')).toHaveText(
      /hayden1996\.csv: 9 measurements of group "treated-29h" \(of 3/,
    );
    // Its groups are offered; choosing the untreated arm brings back its measurements (2.73 on day 2).
    const group = widget.locator('select[data-action="group"]');
    await expect(group).toHaveValue('treated-29h');
    await expect(group.locator('option')).toHaveText(['treated-29h', 'treated-50h', 'untreated']);
    await group.selectOption('untreated');
    await expect(widget.locator('.message[role="status"]')).toHaveText(
      /hayden1996\.csv: 9 measurements of group "untreated" \(of 3/,
    );
    await expect(rows.nth(2).locator('td')).toHaveText(['48', 'log10V', '2.73', '0.5']);
    await expect(group).toHaveValue('untreated');
    await expectInBounds(page);
    await page.mouse.move(1, 1);
    await page.locator('.jp-ImmunoTwinPatient').screenshot({ path: info.outputPath(`patient-group-${theme}.png`) });
    // Back to the treated arm, which the fits below use: with the untreated arm instead, the page's teardown after the
    // last step hung twice in the fresh-clone CI (never locally); why is not known yet.
    await group.selectOption('treated-29h');
    await expect(rows.nth(2).locator('td')).toHaveText(['48', 'log10V', '1.2', '0.5']);

    // A fit: progress (starts done / total), then Cancel stops it.
    await widget.locator('button[data-action="fit"]').click();
    const bar = widget.locator('[role="progressbar"][aria-label="Fit progress"]');
    await expect(bar).toBeVisible();
    await expect(widget.locator('.toolbar')).toContainText(/(starts \d \/ 6|profiles \d \/ 3)/);
    await widget.locator('button[data-action="stop"]').click();
    await expect(bar).toHaveCount(0);
    await expect(widget.locator('.message[role="status"]')).toHaveText(/Fit cancelled in its (starts|profiles)/);
    await expect(widget.locator('button[data-action="fit"]')).toBeEnabled();
    await expect(widget.locator('.error-box[role="alert"]'), 'a cancel is not an error').toHaveCount(0);

    // A new fit after the cancel runs to the end on a new worker: estimates, profiles, the state says "fitted".
    // The workers started from here on are the new fit's pool; only they are asked their names (a worker of the
    // cancelled fit's, ended with its parent, may never answer, and a question left open to it hung the page's
    // teardown).
    const started: Worker[] = [];
    page.on('worker', (w) => started.push(w));
    await widget.locator('button[data-action="fit"]').click();
    await expect(widget.locator('[data-role="estimates"] tbody tr')).toHaveCount(3, { timeout: 180_000 });
    await expect(widget.locator('[data-role="profiles"] .main-svg').first()).toBeVisible({ timeout: 120_000 });
    // The fit ran on the patient worker's pool of nested workers, one per logical core. Counted once the fit is over
    // (a worker answers only between its tasks).
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const poolWorkers = async () => {
      const names = await Promise.all(started.map((w) => w.evaluate(() => self.name).catch(() => '')));
      return names.filter((name) => name.startsWith('immunotwin-pool')).length;
    };
    await expect.poll(poolWorkers, { timeout: 30_000 }).toBe(cores);
    await expect(widget.locator('[data-role="profiles"]')).toHaveAttribute(
      'aria-label',
      /Profile likelihood of beta \(interval/,
    );
    await expect.poll(async () => (await traces(page)).some((t) => t.name.endsWith('— fitted twin'))).toBe(true);

    // Next day, three times: the twin is at day 2, the forecast starts there, six rows are held back.
    const before = (await traces(page)).find((t) => t.name.endsWith('— forecast'))!;
    expect(before.x0).toBe(0);
    for (let day = 1; day <= 3; day++) {
      await widget.locator('button[data-action="next-day"]').click();
      await expect(widget.locator('[data-role="day"]')).toHaveText(
        new RegExp(`${day} of 9 observation times assimilated`),
      );
    }
    await expect(widget.locator('[data-role="day"]')).toHaveText(/Twin at day 2:/);
    await expect.poll(async () => (await traces(page)).find((t) => t.name.endsWith('— forecast'))!.x0).toBe(2);
    await expect(widget.locator('[data-role="table"] tbody tr.held')).toHaveCount(6);
    const after = await expectInBounds(page);
    expect(after.height, 'the widget kept its size').toBeLessThanOrEqual(size.height + 40);
    await page.mouse.move(1, 1);
    await page.locator('.jp-ImmunoTwinPatient').screenshot({ path: info.outputPath(`patient-day2-${theme}.png`) });

    // Treat from today: a production inhibitor from day 2; its forecast is drawn beside the untreated one.
    await widget.locator('select[data-action="treat"]').selectOption('productionInhibitor');
    const treatedName = '— Production/release inhibitor from day 2';
    await expect
      .poll(async () => (await traces(page)).find((t) => t.name.endsWith(treatedName))?.x0, { timeout: 60_000 })
      .toBe(2);
    expect((await traces(page)).filter((t) => t.name.endsWith('— forecast'))).toHaveLength(1);
    await expect(widget.locator('[data-role="plot"]')).toHaveAttribute(
      'aria-label',
      /the same forecast with Production/,
    );
    const sizeTreated = await expectInBounds(page);
    expect(sizeTreated.height, 'the widget kept its size').toBeLessThanOrEqual(size.height + 40);
    await page.mouse.move(1, 1);
    await page.locator('.jp-ImmunoTwinPatient').screenshot({ path: info.outputPath(`patient-treated-${theme}.png`) });

    // Keyboard: the buttons and the table are reachable with Tab.
    await widget.locator('button[data-action="fit"]').focus();
    await page.keyboard.press('Tab');
    await expect(widget.locator('button[data-action="next-day"]')).toBeFocused();
  });
}
