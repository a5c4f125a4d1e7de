/**
 * What every browser run of a lesson must show, in server JupyterLab and in the course site alike: no error output,
 * every check cell right, and every output the headless run's to the bit (sameOutputs.ts).
 */
import { expect } from '@playwright/test';
import { errorsOf, gradedCells, verdictsOf, type ILesson, type IRunCell } from './lessonRun';
import { compareWithHeadless, type IComparison } from './sameOutputs';

/** Asserts the above of a run against the headless run's cells; returns the comparison (for its counts). */
export function expectRightAndAsHeadless(
  lesson: ILesson,
  cells: readonly IRunCell[],
  headless: readonly IRunCell[],
): IComparison {
  expect(errorsOf(cells)).toEqual([]);
  const verdicts = verdictsOf(cells);
  expect(verdicts).toHaveLength(gradedCells(lesson));
  for (const verdict of verdicts) expect(verdict).toMatch(/^✔ [\w.-]+: right\. /);
  const comparison = compareWithHeadless(cells, headless);
  expect(comparison.otherDifference).toBeUndefined();
  // Every number to the bit: the engine computes with its portable elementary functions (packages/engine/src/math),
  // not Math's, whose last bits differ between Node's V8 and Chromium's.
  expect(comparison.firstDiffering, `${comparison.differing} of ${comparison.numbers} numbers differ`).toBeUndefined();
  return comparison;
}
