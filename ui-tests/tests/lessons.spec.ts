import { expect, test } from '@jupyterlab/galata';
import { headlessRun } from '../headlessRun';
import { lessonOutputs } from '../lessonPicture';
import { runLessonInPage, teacherLessons, waitForDrawings } from '../lessonRun';
import { expectRightAndAsHeadless } from '../lessonVerdict';

// Every lesson of notebooks/teacher (the teacher versions, solutions filled in) runs in server JupyterLab on its
// in-browser kernel: no error, every check cell right, every output the same as a headless run of the lesson through
// `jupyter nbconvert --execute` (the same bits: sameOutputs.ts says what is compared), and a picture of its outputs
// in the light and the dark theme compared with the committed one (lessons.spec.ts-snapshots/, 1 % of pixels
// tolerated, as tests/looks.spec.ts). A new lesson's pictures are made with `--update-snapshots` and looked at
// before they are committed.
//
// Each lesson has one page of its own (Galata's, fresh): JupyterLab's in-browser kernel sessions do not survive a
// reload, and the page's theme is Galata's mocked setting, so each page starts light and switches once.

test.use({ autoGoto: true });

const TOLERANCE = { maxDiffPixelRatio: 0.01, animations: 'disabled' as const };

const lessons = teacherLessons();

test('the lessons are found in notebooks/teacher', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(6);
});

for (const lesson of lessons) {
  test(`lesson ${lesson.id}: every check right, the headless run's outputs, light and dark`, async ({ page }) => {
    // The headless run goes on beside the browser's (one core each).
    const headless = headlessRun(lesson);
    headless.catch(() => undefined);
    await page.theme.setLightTheme();

    const cells = await runLessonInPage(page, lesson);
    const comparison = expectRightAndAsHeadless(lesson, cells, await headless);
    test.info().annotations.push({ type: 'same bits', description: `${comparison.numbers} numbers identical` });

    const outputs = await lessonOutputs(page);
    await expect(outputs).toHaveScreenshot(`${lesson.id}-light.png`, TOLERANCE);
    await page.theme.setDarkTheme();
    await waitForDrawings(page);
    await expect(outputs).toHaveScreenshot(`${lesson.id}-dark.png`, TOLERANCE);
  });
}
