import { afterEach, describe, expect, it, vi } from 'vitest';
import { PicturePace } from '../src/index.js';

afterEach(() => vi.restoreAllMocks());

describe('PicturePace: when the next picture of a run under way is due', () => {
  it('waits the interval after the last picture (and before the first, from when it was made)', () => {
    const pace = new PicturePace(1000, 0.1, 5000);
    expect(pace.due(5999)).toBe(false);
    expect(pace.due(6000)).toBe(true);
    expect(new PicturePace(250, 0.1, -Infinity).due(0)).toBe(true);
  });

  it('spaces pictures so that they take at most their share of the wall time', () => {
    let now = 10_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const pace = new PicturePace(100, 0.1, 0);
    // A picture taking 300 ms: at a 10 % share the next is due 3000 ms after it, not 100 ms.
    expect(pace.take(() => ((now += 300), 'picture'))).toBe('picture');
    expect(pace.due(now + 2999)).toBe(false);
    expect(pace.due(now + 3000)).toBe(true);
    // A cheap one (5 ms): the interval rules again.
    pace.take(() => (now += 5));
    expect(pace.due(now + 99)).toBe(false);
    expect(pace.due(now + 100)).toBe(true);
  });
});
