import { antibodiesAndAffinity } from './antibodiesAndAffinity.js';
import { antiviralTiming } from './antiviralTiming.js';
import { bacteriaAndAntibiotics } from './bacteriaAndAntibiotics.js';
import { clonalSelection } from './clonalSelection.js';
import { drugResistance } from './drugResistance.js';
import { fittingAndForecasting } from './fittingAndForecasting.js';
import { interferonSecondPeak } from './interferonSecondPeak.js';
import { lungAndOxygenation } from './lungAndOxygenation.js';
import { r0AndTheThreshold } from './r0AndTheThreshold.js';
import { sensitivityAndCohorts } from './sensitivityAndCohorts.js';
import { stochasticExtinction } from './stochasticExtinction.js';
import { tCellExpansion } from './tCellExpansion.js';
import { vaccinationAndBoosters } from './vaccinationAndBoosters.js';
import type { LessonTask, LessonTasks } from './task.js';

export type {
  LessonTask,
  LessonTasks,
  TaskFit,
  TaskForecast,
  TaskQuantity,
  TaskScenario,
  TaskTolerance,
} from './task.js';

/** Every lesson's tasks, one entry per lesson notebook in notebooks/lessons/. */
export const LESSONS: readonly LessonTasks[] = [
  r0AndTheThreshold,
  stochasticExtinction,
  interferonSecondPeak,
  antiviralTiming,
  bacteriaAndAntibiotics,
  tCellExpansion,
  clonalSelection,
  antibodiesAndAffinity,
  vaccinationAndBoosters,
  lungAndOxygenation,
  sensitivityAndCohorts,
  drugResistance,
  fittingAndForecasting,
];

/** A task by id; throws listing the lesson's tasks (or the lessons) when there is none. */
export function findTask(id: string): LessonTask {
  const task = LESSONS.flatMap((lesson) => lesson.tasks).find((t) => t.id === id);
  if (task) return task;
  const prefix = id.split('.')[0];
  const near = LESSONS.flatMap((lesson) => lesson.tasks)
    .map((t) => t.id)
    .filter((t) => t.startsWith(`${prefix}.`));
  const known = near.length > 0 ? near : LESSONS.flatMap((lesson) => lesson.tasks.map((t) => t.id));
  throw new RangeError(`twin.check: no task "${id}"; tasks: ${known.join(', ')}`);
}
