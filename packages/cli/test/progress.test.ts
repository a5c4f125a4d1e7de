import { describe, expect, it } from 'vitest';
import { ProgressReporter, progressText, sweepProgressText } from '../src/progress.js';
import { Capture } from './helpers.js';

const at = (fraction: number, replicate = 0, replicates = 1, time = 0) => ({ fraction, replicate, replicates, time });

const days = (p: ReturnType<typeof at>) => progressText(p, 'day');

describe('progress', () => {
  it('of a sweep: the fraction and the runs done of all', () => {
    expect(sweepProgressText({ done: 840, total: 2000 })).toBe('sweep: 42% (840/2000 runs)');
    expect(sweepProgressText({ done: 0, total: 0 })).toBe('sweep: 100% (0/0 runs)');
  });

  it('formats the fraction, the replicate (1-based) and the simulated time', () => {
    expect(progressText(at(0.4261, 2, 10, 12.500000000000002), 'day')).toBe('run: 42% (replicate 3/10, t = 12.5 day)');
    expect(progressText(at(1, 0, 1, 30), 'hour')).toBe('run: 100% (replicate 1/1, t = 30 hour)');
  });

  it('updates one line in place on a terminal, throttled, and clears it at the end', () => {
    let now = 0;
    const out = new Capture(true);
    const progress = new ProgressReporter(out, { mode: 'tty', describe: days, now: () => now });
    progress.update(at(0.1, 0, 1, 3));
    now = 50;
    progress.update(at(0.2, 0, 1, 6)); // within 100 ms: skipped
    now = 150;
    progress.update(at(0.3, 0, 1, 9));
    progress.clear();
    expect(out.text).toBe(
      '\r\x1b[2Krun: 10% (replicate 1/1, t = 3 day)\r\x1b[2Krun: 30% (replicate 1/1, t = 9 day)\r\x1b[2K',
    );
  });

  it('prints whole lines at most every two seconds when not on a terminal, and nothing when off', () => {
    let now = 0;
    const out = new Capture(false);
    const progress = new ProgressReporter(out, { mode: 'lines', describe: days, now: () => now });
    progress.update(at(0.1));
    now = 2500;
    progress.update(at(0.5, 0, 1, 15));
    now = 3000;
    progress.update(at(0.6));
    progress.clear();
    expect(out.text).toBe('run: 50% (replicate 1/1, t = 15 day)\n');
    const off = new Capture(true);
    const silent = new ProgressReporter(off, { mode: 'off', describe: days });
    silent.update(at(0.5));
    silent.clear();
    expect(off.text).toBe('');
  });
});
