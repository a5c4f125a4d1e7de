/** How a check names its tolerance: relative ones in per cent, absolute ones in the task's unit. */
import { describe, expect, it } from 'vitest';
import type { LessonTask } from '../src/lessons/task.js';
import { describeTolerance, TaskCheck } from '../src/twin/check.js';

/** A task with `unit` and `tolerance` (its answer is not computed here: the check is given the twin's value). */
const taskOf = (unit: string, tolerance: LessonTask['tolerance']): LessonTask => ({
  id: 'test.tolerance',
  model: 'lung',
  question: 'a quantity under test',
  unit,
  answer: { expression: '1' },
  tolerance,
});

describe('describeTolerance', () => {
  it('gives a relative tolerance in per cent', () => {
    expect(describeTolerance({ relative: 0.05 }, 'day')).toBe('±5 %');
    expect(describeTolerance({ relative: 0.002 }, '%')).toBe('±0.2 %');
  });

  it('gives an absolute tolerance in the unit, and in percentage points when the unit is per cent', () => {
    expect(describeTolerance({ absolute: 0.1 }, 'day')).toBe('±0.1 day');
    expect(describeTolerance({ absolute: 0.02 }, '1')).toBe('±0.02');
    expect(describeTolerance({ absolute: 0.2 }, '%')).toBe('±0.2 percentage points');
    expect(describeTolerance({ absolute: 0.5, relative: 0.01 }, '%')).toBe('±1 % or ±0.5 percentage points');
  });

  it('reads so in a verdict on an SpO2 in per cent', () => {
    // 89.1 against 89.25: 0.15 points off, within 0.2 points (a relative 0.2 % would allow 0.18).
    const check = new TaskCheck(taskOf('%', { absolute: 0.2 }), 89.1, 89.25);
    expect(check.right).toBe(true);
    expect(check.text).toBe(
      "✔ test.tolerance: right. Your 89.1 % is within ±0.2 percentage points of the twin's value (89.25 %).",
    );
    expect(new TaskCheck(taskOf('%', { absolute: 0.2 }), 89, 89.25).text).toBe(
      "✘ test.tolerance: not yet. 89 % is not within ±0.2 percentage points of the twin's value; try again.",
    );
  });
});
