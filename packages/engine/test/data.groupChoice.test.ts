import { describe, expect, it } from 'vitest';
import { chooseGroup, type ObservedDataset } from '../src/index.js';

const dataset = (observable: string, group?: string): ObservedDataset => ({
  name: `${observable} ${group ?? ''}`,
  source: 'test',
  observable,
  unit: '1',
  time: [1],
  values: [2],
  ...(group === undefined ? {} : { group }),
});

describe('chooseGroup: the datasets of one arm or subject', () => {
  const arms = [dataset('V', 'untreated'), dataset('V', 'treated'), dataset('U', 'untreated')];

  it('keeps the named group’s datasets, in order', () => {
    expect(chooseGroup(arms, 'untreated')).toEqual({ datasets: [arms[0], arms[2]] });
  });

  it('takes every dataset when they hold one group or none', () => {
    const single = [dataset('V', 'a'), dataset('U', 'a')];
    expect(chooseGroup(single, undefined)).toEqual({ datasets: single });
    const none = [dataset('V')];
    expect(chooseGroup(none, undefined)).toEqual({ datasets: none });
  });

  it('says which groups there are when the group is unknown or not chosen among several', () => {
    expect(chooseGroup(arms, 'placebo')).toEqual({ problem: 'unknown', groups: ['untreated', 'treated'] });
    expect(chooseGroup(arms, undefined)).toEqual({ problem: 'ambiguous', groups: ['untreated', 'treated'] });
    expect(chooseGroup([dataset('V'), dataset('V', 'a')], undefined)).toEqual({
      problem: 'ambiguous',
      groups: ['(none)', 'a'],
    });
  });

  it('refuses data with no observations', () => {
    expect(chooseGroup([], undefined)).toEqual({ problem: 'empty', groups: [] });
  });
});
