import { expect, test } from '@jupyterlab/galata';

// In-browser kernel sessions do not survive a reload: every test gets a fresh workspace.
test.use({ autoGoto: true });

const section = (page: import('@playwright/test').Page) =>
  page
    .locator('.jp-Launcher-section')
    .filter({ has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^ImmunoTwin$/ }) });

test('the launcher has an ImmunoTwin section with the twin kernels and the templates', async ({ page }) => {
  const cards = section(page).locator('.jp-LauncherCard');
  await expect(cards.filter({ hasText: 'Within-host Twin' })).toHaveCount(1);
  // One card per twin kernel: the built-in stepped twins beside the within-host one.
  await expect(cards.filter({ hasText: /^Immune System Twin$/ })).toHaveCount(1);
  await expect(cards.filter({ hasText: /^Lung Twin$/ })).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Getting started: a virus infection in a twin' })).toHaveCount(1);
  // The server's Python kernel is not in it, nor the headless twin kernels the Python package installs as server
  // kernels: those are listed with the server's notebook kernels, by names that say "(headless)".
  await expect(cards.filter({ hasText: 'Python' })).toHaveCount(0);
  await expect(cards.filter({ hasText: '(headless)' })).toHaveCount(0);
  const notebookCards = page
    .locator('.jp-Launcher-section')
    .filter({ has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^Notebook$/ }) })
    .locator('.jp-LauncherCard');
  await expect(notebookCards.filter({ hasText: 'Within-host Twin (headless)' })).toHaveCount(1);
  // The headless kernels installed under the in-browser names are hidden behind the in-browser kernelspecs.
  await expect(notebookCards.filter({ hasText: 'under the in-browser name' })).toHaveCount(0);
  // The lessons: a section per level, the cards by topic in course order.
  const beginner = page
    .locator('.jp-Launcher-section')
    .filter({ has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^ImmunoTwin lessons · Beginner$/ }) });
  await expect(beginner.locator('.jp-LauncherCard').first()).toContainText(
    'Virus dynamics · R0 and the threshold of an infection',
  );
});

test('the kernel card opens a new notebook on that twin kernel', async ({ page }) => {
  await section(page).locator('.jp-LauncherCard', { hasText: 'Within-host Twin' }).click();
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Within-host Twin');
  await page.notebook.setCell(0, 'code', 'twin.manifest.id');
  await page.notebook.runCell(0);
  expect((await page.notebook.getCellTextOutput(0))?.join('')).toContain('target-cell-limited');
});

test('a template card saves a copy next to the user files and opens it on its kernel', async ({ page, tmpPath }) => {
  await section(page).locator('.jp-LauncherCard', { hasText: 'Getting started' }).click();
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Within-host Twin');
  await expect(page.locator('.jp-NotebookPanel .jp-MarkdownOutput h1').first()).toContainText('Getting started');
  expect(await page.contents.fileExists(`${tmpPath}/00-getting-started.ipynb`)).toBe(true);
});

test('"New notebook from ImmunoTwin template" lists the templates and never overwrites a file', async ({
  page,
  tmpPath,
}) => {
  // A file of the template's name is already there: the copy gets the next free name.
  const mine = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}';
  await page.contents.uploadContent(mine, 'text', `${tmpPath}/00-getting-started.ipynb`);
  // Not awaited in the page: the command resolves only once the dialog is answered.
  await page.evaluate(() => void window.jupyterapp.commands.execute('immunotwin:new-from-template'));
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog.locator('.jp-Dialog-header')).toHaveText('New notebook from ImmunoTwin template');
  const options = await dialog.locator('select option').allInnerTexts();
  expect(options).toContain('Getting started: a virus infection in a twin (Within-host Twin)');
  const groups = await dialog
    .locator('select optgroup')
    .evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label));
  expect(groups.slice(0, 3)).toEqual([
    'Notebooks',
    'Lessons · Beginner · Virus dynamics',
    'Lessons · Intermediate · Virus dynamics',
  ]);
  await dialog.locator('button', { hasText: 'Create' }).click();
  await expect(page.locator('.jp-NotebookPanel-toolbar .jp-KernelName')).toHaveText('Within-host Twin');
  expect(await page.contents.fileExists(`${tmpPath}/00-getting-started-1.ipynb`)).toBe(true);
  // The user's file is untouched.
  const original = await page.contents.getContentMetadata(`${tmpPath}/00-getting-started.ipynb`);
  expect(original?.size).toBe(mine.length);
});
