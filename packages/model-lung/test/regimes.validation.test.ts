import { describe, expect, it } from 'vitest';
import { median, run, series } from './runs.js';
import { clearance, final, VALIDATION_SEEDS as SEEDS } from './validation.js';

/**
 * Sego et al. 2020 (PLoS Comput Biol 16:e1008451) find widespread infection, recurrence and clearance as the
 * viral internalisation rate and immune-cell recruitment change: slower internalisation and faster recruitment
 * slow the infection and promote containment. Mapping: their internalisation rate is our `infectivity` (the
 * infection hazard per virion at a cell's site); their recruitment is our CD8 T-cell supply (`tCellGeneration`
 * from `tCellDelay`, or, with the recruitment feedback, from the lymph-node signal). Four foci on a 60² section, 10
 * days on SIMCoV's schedule, 12 with the feedback. Regimes, measured at the last day:
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

/**
 * Sego et al.'s recruitment: the T-cell supply follows a lymph-node signal driven by the section's chemokine
 * (`lymphSignalGain` 50, decay 4 /day, switch steepness 8: the supply is on while the infection is large and off once
 * it has fallen well below its peak), T cells live 12 h in the circulation and in the tissue, so they leave soon
 * after the supply stops, and IFN secretion is a tenth of the default: Sego et al.'s 2020 model has, to our reading,
 * no interferon (verify), and at our default the antiviral state makes a 60² section burn out whatever the T cells do (in every setting of
 * the README's grid the residual infection then dwindled instead of growing back).
 */
const FEEDBACK = {
  lymphSignalGain: 50,
  tCellVascularPeriod: 720,
  tCellTissuePeriod: 720,
  tCellDelay: 1,
  ifnSecretion: 0.1,
};
/** Strong recruitment (a maximal supply of 3.2×10⁶ /min) and weak (10⁵ /min, about SIMCoV's). */
const STRONG = { tCellGeneration: 3.2e6 };
const WEAK = { tCellGeneration: 1e5 };
/** Twelve days: the fall comes on day 3–11 and the climb back within about two days of it. */
const FEEDBACK_DAYS = 12;

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
    // 40 runs of 10 days: ~20 s of CPU on an idle core; 180 s was too little on the shared machine (208 s measured).
    { timeout: 900_000 },
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
      // On SIMCoV's schedule the T-cell supply never wanes (the circulating pool only grows after the delay) and
      // nothing recurs: in no run here, nor in a grid of infectivity 5e-5–3e-4 × supply 10500–10⁶ /min from day 1–2
      // × minChemokine 1e-6–0.1 × regeneration 0.5–5 /day. The recruitment feedback below is what gives recurrence.
      // Measured, seeds 1–10 / 11–20: cleared 10 / 10 (contained, damage 0.10–0.19 / 0.11–0.19); widespread 10 / 10
      // (overrun, 0.92–0.96 / 0.93–0.97); the faster virus cleared 0 / 0 (0.63–0.81 / 0.59–0.79); the slower T cells
      // cleared 0 / 1 (0.32–0.57 / 0.18–0.53); recurrence in 0 / 0 of the 40 runs.
      const all = [contained, overrun, fasterVirus, slowerImmunity].flat();
      expect(all.filter(recurs).length).toBe(0);
    },
  );

  it(
    'with the lymph-node recruitment feedback, an intermediate internalisation recurs between clearance and widespread',
    // 30 runs of 12 days: ~12 s of CPU on an idle core, but over 10 minutes when the machine is shared and loaded.
    { timeout: 900_000 },
    () => {
      const cases = (parameters: Record<string, number>) =>
        SEEDS.map((seed) => run({ ...SECTION, ...FEEDBACK, ...parameters }, seed, FEEDBACK_DAYS, 0.25));
      const recurring = cases({ infectivity: 1e-4, ...STRONG });
      const clearing = cases({ infectivity: 5e-5, ...STRONG });
      const widespreading = cases({ infectivity: 2e-4, ...WEAK });
      // Thresholds fixed on exploration seeds 101–110 before these seeds were run: there, recurrence in 8 of 10
      // (the infected count fell to 11–24 % of its first peak on day 3–11 and climbed back to 53–76 % of it; the two
      // others to 29 % and 13 %); at the lower internalisation 9 of 10 cleared (damage 0.12–0.23), at the higher one
      // with the weak supply 10 of 10 were widespread (0.92–0.96), and neither recurred. The climb back passes the
      // 50 % bar by little, so ask for a clear majority, 6 of 10, not 9.
      // Measured, seeds 1–10 / 11–20: recurrence in 9 / 7 (the count fell to 12–25 % / 9–25 % of its first peak on
      // day 3–7 and climbed back to 50–83 % / 51–73 %; the others fell late, climbing to 31 % / 17–36 %); cleared 8 / 7
      // (damage 0.10–0.25 / 0.09–0.25; the rest had 13–15 / 3–4 infected cells on day 12); widespread 10 / 10
      // (0.92–0.96 / 0.92–0.97); the neighbours recurred in 0 + 0 / 1 + 0 runs.
      expect(recurring.filter(recurs).length).toBeGreaterThanOrEqual(6);
      expect(clearing.filter(cleared).length).toBeGreaterThanOrEqual(7);
      expect(widespreading.filter(widespread).length).toBeGreaterThanOrEqual(9);
      expect(clearing.filter(recurs).length).toBeLessThanOrEqual(2);
      expect(widespreading.filter(recurs).length).toBeLessThanOrEqual(2);
    },
  );
});
