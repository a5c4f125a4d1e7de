import { describe, expect, it } from 'vitest';
import { median, run, series } from './runs.js';
import { clearance, final, VALIDATION_SEEDS as SEEDS } from './validation.js';

/**
 * Sego et al. 2020 (PLoS Comput Biol 16:e1008451) find widespread infection, recurrence and clearance as the
 * viral internalisation rate and immune-cell recruitment change: slower internalisation and faster recruitment
 * slow the infection and promote containment. Mapping: their internalisation rate is our `infectivity` (the
 * infection hazard per virion at a cell's site); their recruitment is our CD8 T-cell supply (`tCellGeneration`
 * from `tCellDelay`). Four foci on a 60² section, 10 days. Regimes, measured at day 10:
 * - widespread infection: ≥ 85 % of the sites dead (nearly the whole epithelium destroyed);
 * - clearance: no infected cell left (the clearance time is defined) and ≤ 35 % of the sites dead;
 * - recurrence: the infected count falls below 25 % of its first peak and later climbs above 50 % of it.
 */
const DAYS = 10;
const SECTION = { latticeSize: 60, foci: 4, fociPlacement: 2 };
/** SIMCoV's T-cell supply from day 1 (fast recruitment). */
const FAST = { tCellDelay: 1, tCellGeneration: 105000 };
/** A tenth of it from day 2 (slow recruitment). */
const SLOW = { tCellDelay: 2, tCellGeneration: 10500 };

const runs = (parameters: Record<string, number>) =>
  SEEDS.map((seed) => run({ ...SECTION, ...parameters }, seed, DAYS, 0.25));
const widespread = (r: ReturnType<typeof run>): boolean => final(r, 'damage') >= 0.85;
/** Recurrence: infected cells fall below 25 % of their first peak, then climb above 50 % of it. */
function recurs(r: ReturnType<typeof run>): boolean {
  let first = 0;
  let fell = false;
  for (const x of series(r, 'infected')) {
    if (!fell) {
      first = Math.max(first, x);
      fell = first > 0 && x < 0.25 * first;
    } else if (x > 0.5 * first) return true;
  }
  return false;
}
const cleared = (r: ReturnType<typeof run>): boolean => !Number.isNaN(clearance(r)) && final(r, 'damage') <= 0.35;

describe('Lung Twin validation: Sego et al. 2020 regimes by internalisation and recruitment', () => {
  it(
    'slow internalisation with fast recruitment clears; fast internalisation with slow recruitment is widespread',
    { timeout: 180_000 },
    () => {
      const contained = runs({ infectivity: 1e-4, ...FAST });
      const overrun = runs({ infectivity: 2e-4, ...SLOW });
      const fasterVirus = runs({ infectivity: 2e-4, ...FAST });
      const slowerImmunity = runs({ infectivity: 1e-4, ...SLOW });
      // Exploration seeds 101–103: damage 0.11–0.20, cleared by day 5.25–6.75 (contained); 0.92–0.94 (overrun).
      // A corner may leave its regime in a rare seed (four foci, each may die out or escape): ask for 9 of 10.
      expect(contained.filter(cleared).length).toBeGreaterThanOrEqual(9);
      expect(overrun.filter(widespread).length).toBeGreaterThanOrEqual(9);
      // Each change alone moves the clearing corner towards damage (0.69–0.74 with the faster virus, 0.31–0.50 and
      // still infected near day 10 with the slower T cells, on the exploration seeds): neither clears in most runs,
      // and the median damage orders as Sego et al. describe.
      const damage = (rs: typeof contained): number => median(rs.map((r) => final(r, 'damage')));
      expect(fasterVirus.filter(cleared).length).toBeLessThanOrEqual(2);
      expect(slowerImmunity.filter(cleared).length).toBeLessThanOrEqual(5);
      expect(damage(contained)).toBeLessThan(damage(slowerImmunity));
      expect(damage(contained)).toBeLessThan(damage(fasterVirus));
      expect(damage(fasterVirus)).toBeLessThan(damage(overrun));
      expect(damage(slowerImmunity)).toBeLessThan(damage(overrun));
      // Recurrence is NOT reproduced: in no run (here, nor in the explored grid of infectivity 5e-5–3e-4 × T-cell
      // supply 10500–10⁶ /min from day 1–2 × recruitment threshold minChemokine 1e-6–0.1 × regeneration 0.5–5 /day)
      // does the infected count fall and climb again. Our T-cell supply follows SIMCoV's schedule and never
      // wanes (the circulating pool only grows after the delay), and the innate cells follow the cytokine down;
      // Sego et al.'s recurrence comes from immune cells withdrawn as their lymph node turns anti-inflammatory.
      // This assertion records the gap: when lymph-node coupling gives a waning supply and it fails, replace it by
      // the regime's check.
      // Measured, seeds 1–10 / 11–20: cleared 10 / 10 (contained, damage 0.10–0.19 / 0.11–0.19); widespread 10 / 10
      // (overrun, 0.92–0.96 / 0.93–0.97); the faster virus cleared 0 / 0 (0.63–0.81 / 0.59–0.79); the slower T cells
      // cleared 0 / 1 (0.32–0.57 / 0.18–0.53); recurrence in 0 / 0 of the 40 runs.
      const all = [contained, overrun, fasterVirus, slowerImmunity].flat();
      expect(all.filter(recurs).length).toBe(0);
    },
  );
});
