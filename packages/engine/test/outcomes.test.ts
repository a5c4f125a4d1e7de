import { describe, expect, it } from 'vitest';
import {
  OUTCOMES,
  areaUnderCurve,
  clearanceTime,
  finalValue,
  outcome,
  outcomeLabel,
  outcomeUnit,
  outcomeValues,
  peakOutcomes,
  requestedOutcomeUnit,
  peakValue,
  timeToPeak,
  type RunResult,
} from '../src/index.js';

const time = Float64Array.from([0, 1, 2, 3, 4, 5]);
const values = Float64Array.from([1, 10, 100, 10, 0.5, 0.1]);

/** A hand-made run with the series above as observable V (copies/mL, days). */
const run = {
  time,
  observables: { V: values },
  metadata: { units: { V: 'copies/mL' }, timeUnit: 'day' },
} as unknown as RunResult;

describe('per-run outcomes', () => {
  it('peak and time to peak', () => {
    expect(peakValue(time, values)).toBe(100);
    expect(timeToPeak(time, values)).toBe(2);
    // Ties: the first maximum.
    expect(timeToPeak([0, 1, 2], [3, 5, 5])).toBe(1);
  });

  it('clearance time: first sample after the peak from which the value stays below the threshold', () => {
    expect(clearanceTime(time, values, 1)).toBe(4);
    expect(clearanceTime(time, values, 20)).toBe(3);
    // Dips below and comes back: only the last stretch counts.
    expect(clearanceTime([0, 1, 2, 3, 4], [0, 9, 0.5, 2, 0.5], 1)).toBe(4);
    // Never cleared: NaN.
    expect(clearanceTime(time, values, 0.05)).toBeNaN();
    // Everything below the threshold: cleared at the peak.
    expect(clearanceTime(time, values, 1000)).toBe(2);
  });

  it('AUC by the trapezoidal rule, and of log10 with a floor', () => {
    // 0.5·(1+10) + 0.5·(10+100) + 0.5·(100+10) + 0.5·(10+0.5) + 0.5·(0.5+0.1)
    expect(areaUnderCurve(time, values)).toBeCloseTo(5.5 + 55 + 55 + 5.25 + 0.3, 12);
    // log10 with floor 1: [0, 1, 2, 1, 0, 0] → 0.5 + 1.5 + 1.5 + 0.5 + 0 = 4
    expect(areaUnderCurve(time, values, { log10: true })).toBeCloseTo(4, 12);
    // floor 0.1: [0, 1, 2, 1, log10 0.5, −1]
    const l = Math.log10(0.5);
    expect(areaUnderCurve(time, values, { log10: true, floor: 0.1 })).toBeCloseTo(
      0.5 + 1.5 + 1.5 + 0.5 * (1 + l) + 0.5 * (l - 1),
      12,
    );
    // Uneven spacing.
    expect(areaUnderCurve([0, 1, 3], [0, 2, 2])).toBe(1 + 4);
    expect(areaUnderCurve([0], [7])).toBe(0);
  });

  it('final value', () => {
    expect(finalValue(time, values)).toBe(0.1);
  });

  it('the registry computes from a run with units from its metadata', () => {
    expect(outcome('peak', run, 'V')).toBe(100);
    expect(outcome('timeToPeak', run, 'V')).toBe(2);
    expect(outcome('clearanceTime', run, 'V', { threshold: 1 })).toBe(4);
    expect(outcome('auc', run, 'V', { log10: true })).toBeCloseTo(4, 12);
    expect(outcome('final', run, 'V')).toBe(0.1);
    expect(outcomeUnit('auc', run, 'V')).toBe('copies/mL·day');
    expect(outcomeUnit('auc', run, 'V', { log10: true })).toBe('log10(copies/mL)·day');
    expect(outcomeUnit('clearanceTime', run, 'V')).toBe('day');
    expect(outcomeUnit('peak', run, 'V')).toBe('copies/mL');
    for (const [name, definition] of Object.entries(OUTCOMES)) {
      expect(definition.name).toBe(name);
      expect(definition.description.length).toBeGreaterThan(10);
    }
  });

  it('bad input is named with its value and what is allowed', () => {
    expect(() => outcome('clearanceTime', run, 'V')).toThrow(
      /options\.threshold must be a finite number.*got undefined/,
    );
    expect(() => outcome('peak', run, 'T')).toThrow(/observableId must be one of V; got "T"/);
    expect(() => outcome('mean' as 'peak', run, 'V')).toThrow(/name must be one of peak, timeToPeak/);
    expect(() => peakValue([0, 1], [1])).toThrow(/values\.length must be equal to time\.length \(2\); got 1/);
    expect(() => areaUnderCurve(time, values, { log10: true, floor: 0 })).toThrow(
      /floor must be a finite number > 0; got 0/,
    );
  });
});

describe('outcome requests (what a sweep keeps of each run)', () => {
  const later = {
    ...run,
    observables: { V: Float64Array.from([1, 2, 3, 4, 5, 6]) },
  } as unknown as RunResult;
  const model = { timeUnit: 'day', observables: [{ id: 'V', unit: 'copies/mL' }] };

  it('a row per run, a column per request, with the numbers of the one definition of each outcome', () => {
    const requests = [
      { observable: 'V', summary: 'peak' as const },
      { observable: 'V', summary: 'clearanceTime' as const, threshold: 1 },
    ];
    // Run 1: peak 100, below 1 from t = 4 on; run 2: peak 6 (at the end), never below 1 after it (NaN).
    expect(Array.from(outcomeValues([run, later], requests))).toEqual([100, 4, 6, NaN]);
  });

  it('are named <observable>.<summary> unless labelled, with units from the model', () => {
    expect(outcomeLabel({ observable: 'V', summary: 'auc' })).toBe('V.auc');
    expect(outcomeLabel({ observable: 'V', summary: 'auc', label: 'viral burden' })).toBe('viral burden');
    expect(requestedOutcomeUnit({ observable: 'V', summary: 'auc', log10: true }, model)).toBe('log10(copies/mL)·day');
    expect(requestedOutcomeUnit({ observable: 'V', summary: 'timeToPeak' }, model)).toBe('day');
    expect(peakOutcomes(model)).toEqual([{ observable: 'V', summary: 'peak' }]);
  });
});
