import { describe, expect, it } from 'vitest';
import { median, peak, run, SEEDS, SMALL } from './runs.js';

/**
 * The cytokine on PhysiCell's 20-µm voxels (cytokineVoxel 4) against the default 5-µm sites: the same infection
 * and the same inflammation, within what ten seeds can tell apart. One focus on 60² sites, 5
 * days (the peak comes at ~2.5–2.75 days). A run's virion peak varies by ~±5 % from seed to seed, so a median
 * of 10 runs is known to ~±2 % and the difference of two medians to ~±3 %: 6 % is twice that. The same bound
 * holds for the cytokine's peak and the CRP proxy's peak (driven by the same cells), and for the ROS deaths.
 * Measured first on seeds 101–110: the medians differed by +2.7 % (virions), +1.6 % (cytokine), +0.2 % (CRP) and
 * −3.6 % (ROS deaths). Not asked: the peak of a single site's cytokine right at a source, which the coarser grid
 * caps lower (a cell's secretion is spread over its voxel).
 */
describe('Lung Twin: the cytokine on 20-µm voxels', () => {
  it('gives the fine grid’s virion, cytokine and CRP peaks and ROS deaths to within 6 % (medians of 10 seeds)', () => {
    const outcomes = (cytokineVoxel: number) => {
      const runs = SEEDS.map((seed) => run({ ...SMALL, cytokineVoxel }, seed, 5));
      return {
        virions: median(runs.map((r) => peak(r, 'virions'))),
        cytokine: median(runs.map((r) => peak(r, 'cytokine'))),
        crp: median(runs.map((r) => peak(r, 'crp'))),
        rosDeaths: median(runs.map((r) => r.observables.rosDeaths.at(-1) as number)),
      };
    };
    const sites = outcomes(1);
    const voxels = outcomes(4);
    for (const id of ['virions', 'cytokine', 'crp', 'rosDeaths'] as const) {
      expect(sites[id], id).toBeGreaterThan(0);
      expect(Math.abs(voxels[id] / sites[id] - 1), id).toBeLessThan(0.06);
    }
  });
});
