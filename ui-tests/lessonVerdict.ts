/**
 * What every browser run of a lesson must show, in server JupyterLab and in the course site alike: no error output,
 * every check cell right, and every output the headless run's to the bit (sameOutputs.ts). So the headless run (the
 * lesson through `jupyter nbconvert --execute`, as a teacher runs it) is checked here too: nbconvert fails on an error,
 * and every text of its outputs must be the browser's — the same verdicts, one per graded cell, every one right. No
 * other test runs the lessons through nbconvert (test/python/test_lessons.py autogrades one lesson with nbgrader).
 */
import { expect } from '@playwright/test';
import { checkCellIndices, errorsOf, verdictsOf, type ILesson, type IRunCell } from './lessonRun';
import { compareWithHeadless, type IComparison } from './sameOutputs';

/** Asserts the above of a run against the headless run's cells; returns the comparison (for its counts). */
export function expectRightAndAsHeadless(
  lesson: ILesson,
  cells: readonly IRunCell[],
  headless: readonly IRunCell[],
): IComparison {
  expect(errorsOf(cells)).toEqual([]);
  // The cells that call twin.check are the ones nbgrader grades, and each prints one verdict (its only output).
  const checks = checkCellIndices(lesson);
  const graded = cells.flatMap((cell, i) => (cell.graded ? [i] : []));
  expect(checks).toEqual(graded);
  expect(graded.length).toBeGreaterThan(0);
  const verdicts = verdictsOf(cells, checks);
  expect(verdicts).toHaveLength(graded.length);
  for (const verdict of verdicts) expect(verdict).toMatch(/^✔ [\w.-]+: right\. /);
  const comparison = compareWithHeadless(cells, headless);
  expect(comparison.otherDifference).toBeUndefined();
  // Every number to the bit: the engine computes with its portable elementary functions (packages/engine/src/math),
  // not Math's, whose last bits differ between Node's V8 and Chromium's.
  expect(comparison.firstDiffering, `${comparison.differing} of ${comparison.numbers} numbers differ`).toBeUndefined();
  return comparison;
}
