import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { mib, sampleMemory } from '../chromiumMemory';
import { buildAndServeCourse, onlyFromSite, type ICourseSite } from '../courseSite';
import { headlessRun } from '../headlessRun';
import { appReady, runLessonInPage, teacherLessons } from '../lessonRun';
import { expectRightAndAsHeadless } from '../lessonVerdict';

// The course site as a teacher publishes it (built by scripts/course.mjs, served by Python's http.server), with
// every request that would leave it refused and recorded: the site holds every lesson's student copy, grouped by
// level, and every lesson's teacher version (solutions filled in, put into the browser's storage as a teacher's
// upload would) runs there with no error, every check right, the headless run's outputs to the bit (sameOutputs.ts),
// zero requests outside the site, and the browser's memory under a Chromebook's budget.
//
// The course site is built once for the worker, and one page of it serves all the lessons, each in its own notebook
// on a fresh kernel (runLessonInPage closes the last one and shuts its kernel down): loading the site for each lesson
// would cost about 5 s a lesson. After a failure Playwright starts a new worker: a new build and a new page.

/**
 * A school Chromebook has 4 GB, of which ChromeOS and the browser's own tabs take about half: the whole browser
 * (every process, PSS) must stay under 1.5 GB while a lesson runs.
 */
const MEMORY_BUDGET = 1.5 * 2 ** 30;

const STUDENT_DIR = path.resolve(__dirname, '../../notebooks/lessons');

const test = base.extend<object, { site: ICourseSite; lessonPage: { page: Page; outside: string[] } }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const site = await buildAndServeCourse();
      await use(site);
      site.close();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  lessonPage: [
    async ({ browser, site }, use) => {
      const context = await browser.newContext();
      const outside = await onlyFromSite(context, site.url, true);
      const page = await context.newPage();
      await page.goto(`${site.url}lab/index.html`);
      await appReady(page);
      await use({ page, outside });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

test('the course site has every lesson, grouped by level, and loads one with nothing from outside', async ({
  page,
  context,
  site,
}) => {
  const outside = await onlyFromSite(context, site.url);
  // The recorder sees what the page and its workers ask of other hosts (and refuses it).
  await page.goto(`${site.url}lab/index.html`);
  await page.evaluate(async () => {
    await fetch('https://cdn.example.org/page.js').catch(() => undefined);
    const worker = new Worker(
      URL.createObjectURL(
        new Blob(["fetch('https://cdn.example.org/worker.js').catch(() => undefined).then(() => postMessage(0))"]),
      ),
    );
    await new Promise((resolve) => (worker.onmessage = resolve));
  });
  expect(outside.sort()).toEqual(['https://cdn.example.org/page.js', 'https://cdn.example.org/worker.js']);
  outside.length = 0;

  // Every student copy, in the folder of its level.
  const expected = readdirSync(STUDENT_DIR)
    .filter((name) => name.endsWith('.ipynb'))
    .map((name) => {
      const notebook = JSON.parse(readFileSync(path.join(STUDENT_DIR, name), 'utf8'));
      const code = (notebook.cells as { cell_type: string; metadata: { nbgrader?: { solution?: boolean } } }[]).filter(
        (cell) => cell.cell_type === 'code',
      );
      // Whether the lesson starts with a cell that runs as it is (not a task's answer for the student to write).
      const startsRunnable = code.length > 0 && !code[0].metadata.nbgrader?.solution;
      return { level: notebook.metadata.immunotwin.lesson.level as string, name, startsRunnable };
    });
  const levels = [...new Set(expected.map((lesson) => lesson.level))];
  const listing = async (folder: string) =>
    (
      (await (await page.request.get(`${site.url}api/contents/${folder ? `${folder}/` : ''}all.json`)).json()) as {
        content: { name: string }[];
      }
    ).content.map((entry) => entry.name);
  const root = await listing('');
  expect(root).toContain('README.md');
  const folders = root.filter((name) => levels.some((level) => name.endsWith(`-${level.toLowerCase()}`)));
  expect(folders).toHaveLength(levels.length);
  for (const folder of folders) {
    const level = levels.find((l) => folder.endsWith(`-${l.toLowerCase()}`));
    const names = expected.filter((lesson) => lesson.level === level).map((lesson) => lesson.name);
    expect((await listing(folder)).sort()).toEqual(names.sort());
  }
  // The teacher versions stay out of the site.
  expect(JSON.stringify(root)).not.toMatch(/teacher/);

  // A student opens a lesson from its folder: its kernel starts and its first code cell runs.
  const opened = expected.find((lesson) => lesson.startsRunnable) ?? expected[0];
  const first = `${folders.find((folder) => folder.endsWith(`-${opened.level.toLowerCase()}`))}/${opened.name}`;
  await page.goto(`${site.url}lab/index.html?path=${first}`);
  await expect(
    page.locator('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status="idle"]'),
  ).toHaveCount(1, { timeout: 60_000 });
  const firstCode = page.locator('.jp-Notebook .jp-CodeCell').first();
  await firstCode.click();
  await page.keyboard.press('Shift+Enter');
  await expect(firstCode.locator('.jp-OutputArea-output').first()).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')).toHaveCount(0);
  expect(outside).toEqual([]);
});

for (const lesson of teacherLessons()) {
  test(`lesson ${lesson.id} in the course site: every check right, the headless bits, offline, memory`, async ({
    lessonPage,
    browser,
  }) => {
    const { page, outside } = lessonPage;
    const headless = headlessRun(lesson);
    headless.catch(() => undefined);

    const memory = await sampleMemory(browser);
    const cells = await runLessonInPage(page, lesson);
    const peak = await memory.stop();

    const comparison = expectRightAndAsHeadless(lesson, cells, await headless);
    expect(outside).toEqual([]);
    const figures = `browser ${mib(peak.total)} MiB peak (renderers ${mib(peak.renderers)} MiB); ${comparison.numbers} numbers identical`;
    test.info().annotations.push({ type: 'lesson run', description: figures });
    console.log(`${lesson.id}: ${figures}`);
    expect(peak.total).toBeLessThan(MEMORY_BUDGET);
  });
}
