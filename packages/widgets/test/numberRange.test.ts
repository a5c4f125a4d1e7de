import { describe, expect, it } from 'vitest';
import {
  checkNumber,
  describeRange,
  formatNumber,
  isLogScale,
  positionToValue,
  SLIDER_STEPS,
  valueToPosition,
} from '../src/numberRange.js';

describe('number ranges of the controls', () => {
  it('follows a declared scale, and derives log for undeclared positive ranges of ≥ 3 decades', () => {
    expect(isLogScale({ min: 1, max: 10, unit: '1', scale: 'log' })).toBe(true);
    expect(isLogScale({ min: 1e-3, max: 1e3, unit: 'mg', scale: 'linear' })).toBe(false);
    expect(isLogScale({ min: 1e-3, max: 1e3, unit: 'mg' })).toBe(true);
    expect(isLogScale({ min: 1, max: 999, unit: 'mg' })).toBe(false);
    expect(isLogScale({ min: 0, max: 1e12, unit: 'cells' })).toBe(false);
    expect(isLogScale({ min: 0, max: 1e12, unit: 'cells', scale: 'log' })).toBe(false);
  });

  it('maps slider positions to values and back on log and linear scales', () => {
    const log = { min: 1e-14, max: 1, unit: '1', scale: 'log' as const };
    expect(positionToValue(0, log)).toBe(1e-14);
    expect(positionToValue(SLIDER_STEPS, log)).toBe(1);
    expect(positionToValue(SLIDER_STEPS / 2, log)).toBe(1e-7);
    expect(valueToPosition(3.2e-5, log)).toBe(Math.round((SLIDER_STEPS * Math.log(3.2e-5 / 1e-14)) / Math.log(1e14)));
    const linear = { min: 0, max: 10, unit: '1/day', scale: 'linear' as const };
    expect(positionToValue(250, linear)).toBe(2.5);
    expect(valueToPosition(2.5, linear)).toBe(250);
    expect(positionToValue(333, { min: 0, max: 1, unit: '1', integer: true })).toBe(0);
  });

  it('reads typed text strictly and says what is allowed', () => {
    const range = { min: 0.1, max: 100, unit: '1/day' };
    expect(checkNumber(' 5.2 ', range)).toEqual({ ok: true, value: 5.2 });
    expect(checkNumber('1e1', range)).toEqual({ ok: true, value: 10 });
    expect(checkNumber('1000', range)).toEqual({ ok: false, message: '1000 is not allowed; allowed: 0.1–100 1/day' });
    expect(checkNumber('Infinity', range)).toEqual({
      ok: false,
      message: '"Infinity" is not a number; allowed: 0.1–100 1/day',
    });
    expect(checkNumber('', range)).toEqual({ ok: false, message: 'a number is required; allowed: 0.1–100 1/day' });
    expect(describeRange({ min: 0, max: 1, unit: '1', integer: true })).toBe('allowed: 0–1, whole numbers');
  });

  it('formats numbers readably', () => {
    expect(formatNumber(4e8)).toBe('4e8');
    expect(formatNumber(3.2e-5)).toBe('3.2e-5');
    expect(formatNumber(5.2)).toBe('5.2');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1 / 3)).toBe('0.333333');
  });
});
