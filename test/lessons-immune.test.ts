import { createRng, type RunResult } from '@immunotwin/engine';
import { allowedError, createTwinApi, LESSONS } from '@immunotwin/kernel';
import {
  affinity,
  ImmuneModel,
  immuneManifest,
  LymphNode,
  mismatches,
  type LymphNodeRates,
} from '@immunotwin/model-immune';
import { builtInModels } from '@immunotwin/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, count, median, peak, runSeeds } from '../packages/model-immune/test/runs.js';

// What the three Immune System Twin lessons (clonal-selection, antibodies-and-affinity, vaccination-and-boosters)
// tell students, checked with numbers that do not come from their task definitions: counts over the receptor space,
// the lymph node's own transition rates measured on a node stepped alone, clone tables read inside the model, and
// runs of ten hosts. The tasks are computed on seed 1. The claims about hosts in general were first written from
// seeds 1–10; checked on seeds 11–20 and 21–30, seven failed (among them "never ten times the peak with ten times
// the precursors", "responses with 15 precursors differ over 20-fold", "IgG affinity over 3× the precursors' in
// every host"). They were rewritten from seeds 1–40 (the numbers quoted in each test, by ten-seed group) and are
// checked here on seeds 41–50, not looked at before.

const SEEDS = Array.from({ length: 10 }, (_, k) => 41 + k);
const modelOf = (id: string) => builtInModels.find((m) => m.manifest.id === id)!;
const defaults = (): Record<string, number> =>
  Object.fromEntries(immuneManifest.parameters.map((p) => [p.id, p.default]));
const SPACE = { bits: 12, maxMismatch: 2, affinityPerMismatch: 0.25 };
const p = defaults();
const spread = (values: number[]) => Math.max(...values) / Math.min(...values);

/** A lineage's clone table as the model's snapshot holds it: per clone its affinity, counts by state and precursors. */
interface CloneRows {
  affinity: Float64Array;
  counts: Float64Array;
  precursors: Float64Array;
}
/** A host of the twin at the defaults, seeded as a run's first replicate is. */
const newHost = (seed: number) => new ImmuneModel({ parameters: p, initial: {}, rng: createRng(seed, 0) });
/** The CD8 and B clone tables of a host now. */
const clones = (model: ImmuneModel) => (model.snapshot() as { node: { cd8: CloneRows; b: CloneRows } }).node;
let primaryHosts: RunResult[] | undefined;
/** Four weeks of the default primary infection in each of the ten hosts (run once, shared by two lessons' claims). */
const primary = () => (primaryHosts ??= runSeeds({ duration: 28 }, SEEDS));

describe('the immune lessons’ tasks', () => {
  it('each check says right at the twin’s value and wrong just outside its tolerance, in grade mode by throwing', async () => {
    const twin = createTwinApi(modelOf('immune-system'), { resolveModel: modelOf });
    const ids = ['clonal-selection', 'antibodies-and-affinity', 'vaccination-and-boosters'];
    const tasks = LESSONS.filter((l) => ids.includes(l.lesson)).flatMap((l) => l.tasks);
    expect(tasks.length).toBe(14);
    for (const task of tasks) {
      const { expected } = await twin.check(task.id, 0);
      expect(Number.isFinite(expected), task.id).toBe(true);
      expect((await twin.check(task.id, expected)).right, task.id).toBe(true);
      const outside = expected + 1.01 * allowedError(expected, task.tolerance);
      expect((await twin.check(task.id, outside)).right, task.id).toBe(false);
      await expect(twin.check(task.id, outside, { grade: true }), task.id).rejects.toThrow(/not yet/);
    }
  }, 120_000);
});

describe('what clonal-selection claims', () => {
  it('79 of the 4096 receptors bind (1.9 %); a host with 150 precursors on average has a perfect one with chance 1 − e^(−150/79) ≈ 0.85', () => {
    const epitope = 0b101101001110;
    let binding = 0;
    for (let r = 0; r < 4096; r++) if (affinity(SPACE, r, epitope) > 0) binding++;
    expect(binding).toBe(79);
    const byMismatch = [0, 0, 0];
    for (let r = 0; r < 4096; r++) if (affinity(SPACE, r, epitope) > 0) byMismatch[mismatches(r, epitope, 12)]++;
    expect(byMismatch).toEqual([1, 12, 66]);
    expect(binding / 4096).toBeCloseTo(0.019, 3);
    // The chance, measured on the clone tables of 200 hosts as the model seeds them: one standard error of a
    // 200-host share is √(0.85·0.15/200) = 0.025; allow three.
    let withPerfect = 0;
    for (let seed = 1001; seed <= 1200; seed++) {
      const { cd8 } = clones(newHost(seed));
      if (cd8.affinity.some((a, c) => a === 1 && cd8.precursors[c] > 0)) withPerfect++;
    }
    expect(Math.abs(withPerfect / 200 - (1 - Math.exp(-150 / 79)))).toBeLessThan(0.075);
  });

  it('a naive T cell waits 1/(tActivation · affinity) for activation under full presentation: 0.25, 1 and 4 days', () => {
    // A lymph node stepped alone with saturating mature DCs (presentation ≈ 1), no CD4 cells (no help), and 20 000
    // naive CD8 cells of one clone; the share still naive after a day is e^(−day/wait). Binomial standard error of
    // that share ≤ 0.0035, ≤ 1.5 % of the wait after the log; the responding cells (≤ 10^5 ≪ tCompetition) cut the
    // stimulation by < 5 %. Allowed: 6 %.
    for (const [flipped, wait] of [
      [0b0, 0.25],
      [0b1, 1],
      [0b11, 4],
    ] as const) {
      const classI = 0b110010100110;
      const node = new LymphNode(p as unknown as LymphNodeRates, SPACE, { classI, classII: 0, bCell: 0 }, createRng(7));
      const receptor = (~classI & 0xfff) ^ flipped;
      const clone = node.cd8.cloneOf(receptor, affinity(SPACE, receptor, classI));
      node.cd8.counts[clone * 4] = 20_000;
      node.scalars[0] = 1e6;
      const dt = 1 / 48;
      for (let s = 0; s < 48; s++) node.step(dt, 0, { proliferation: 1, depletion: { cd8: 0, cd4: 0, b: 0 } });
      const measured = -1 / Math.log(node.cd8.counts[clone * 4] / 20_000);
      expect(Math.abs(measured / wait - 1), `${mismatches(receptor, classI, 12)} mismatches`).toBeLessThan(0.06);
    }
  });

  it('clones of higher affinity are enriched at the CD8 peak, and two-mismatch clones still make over 30 % of it', () => {
    // The clone tables inside the model, read at each host's CD8 peak over two weeks. On seeds 1–10 the ≤ 1-mismatch
    // clones held 10–22 % of the precursors and 15–44 % of the effectors at the peak (enriched in 9 of 10, median
    // 2.5×), the two-mismatch clones 57–85 % of them; here ≥ 8 of 10 enriched, a median enrichment of 1.5–4, and
    // every host's two-mismatch share over 0.3 (which held on seeds 11–20 and 21–30 too).
    const measured = SEEDS.map((seed) => {
      const model = newHost(seed);
      const table = () => clones(model).cd8;
      const responding = (t: CloneRows, c: number) => t.counts[c * 4 + 1] + t.counts[c * 4 + 2];
      const start = table();
      let best = { total: 0, table: start };
      for (let s = 0; s < 14 * 48; s++) {
        model.step(model.dt);
        const t = table();
        let total = 0;
        for (let c = 0; c < t.affinity.length; c++) total += responding(t, c);
        if (total > best.total) best = { total, table: t };
      }
      const high = (a: number) => a >= SPACE.affinityPerMismatch;
      const precursors = start.precursors.reduce((sum, n) => sum + n, 0);
      const highPrecursors = start.precursors.reduce((sum, n, c) => sum + (high(start.affinity[c]) ? n : 0), 0);
      let highAtPeak = 0;
      for (let c = 0; c < best.table.affinity.length; c++)
        if (high(best.table.affinity[c])) highAtPeak += responding(best.table, c);
      return {
        enrichment: highAtPeak / best.total / (highPrecursors / precursors),
        lowShare: 1 - highAtPeak / best.total,
      };
    });
    const enrichment = measured.map((m) => m.enrichment);
    for (const { lowShare } of measured) expect(lowShare).toBeGreaterThan(0.3);
    expect(
      count(enrichment, (e) => e > 1),
      enrichment.join(', '),
    ).toBeGreaterThanOrEqual(8);
    expect(median(enrichment)).toBeGreaterThan(1.5);
    expect(median(enrichment)).toBeLessThan(4);
  }, 120_000);

  describe('precursor number (ten hosts with 15, 150 and 1500 CD8 precursors)', () => {
    let runs: Record<'few' | 'usual' | 'many', RunResult[]>;
    beforeAll(() => {
      const hosts = (cd8Precursors: number) => runSeeds({ duration: 14, parameters: { cd8Precursors } }, SEEDS);
      runs = { few: hosts(15), usual: hosts(150), many: hosts(1500) };
    }, 180_000);
    const peaks = (key: keyof typeof runs) => runs[key].map((r) => peak(r, 'cd8Effector').value);
    const peakDays = (key: keyof typeof runs) => runs[key].map((r) => peak(r, 'cd8Effector').time);

    it('the usual response multiplies the precursors about 2 000–3 500-fold, fewer than the 14 divisions Blattman counted', () => {
      // Seeds 1–40: 549–6 220-fold, medians of ten 2 020, 3 010, 2 380 and 3 380. Every host must lie in 400–2^14; the
      // median in 1 500–5 000.
      const folds = runs.usual.map((r) => peak(r, 'cd8Effector').value / at(r, 'cd8Naive', 0));
      for (const fold of folds) {
        expect(fold).toBeGreaterThan(400);
        expect(fold).toBeLessThan(2 ** 14);
      }
      expect(median(folds)).toBeGreaterThan(1500);
      expect(median(folds)).toBeLessThan(5000);
    });

    it('ten times the precursors: a larger peak in most hosts, about 2–3 times in a typical one, all near 10^6', () => {
      // Seeds 1–40: ratios 0.85–11.5, > 1 in 9, 10, 10 and 9 of ten, medians 2.8, 2.1, 2.5, 1.75; the 1500-precursor
      // peaks within 5.5×10^5–1.2×10^6, spread 1.5–2.1× against 3.9–11.4× with 150; the peak no later in 8–9 of ten.
      // Here: ≥ 8 of 10 ratios > 1, a median of 1.3–4; peaks within 4×10^5–2×10^6 with a smaller spread; ≥ 6 of 10
      // no later.
      const ratios = peaks('many').map((v, i) => v / peaks('usual')[i]);
      expect(
        count(ratios, (r) => r > 1),
        ratios.join(', '),
      ).toBeGreaterThanOrEqual(8);
      expect(median(ratios)).toBeGreaterThan(1.3);
      expect(median(ratios)).toBeLessThan(4);
      for (const v of peaks('many')) {
        expect(v).toBeGreaterThan(4e5);
        expect(v).toBeLessThan(2e6);
      }
      expect(spread(peaks('many'))).toBeLessThan(spread(peaks('usual')));
      expect(count(peakDays('many'), (d, i) => d <= peakDays('usual')[i])).toBeGreaterThanOrEqual(6);
    });

    it('ten times fewer precursors: a peak about 6–15 times smaller in a typical host, and no earlier', () => {
      // Seeds 1–40: the usual peak over the 15-precursor one 0.53–118 per host, medians of ten 5.8, 7.3, 7.3 and 14.8;
      // the median peak day with 15 precursors 8.5, 9, 8.875, 8.5 against 8, 8.5, 8.5, 8.5. Here a median ratio of
      // 3–30 and a median peak day no earlier.
      const ratios = peaks('usual').map((v, i) => v / peaks('few')[i]);
      expect(median(ratios), ratios.join(', ')).toBeGreaterThan(3);
      expect(median(ratios)).toBeLessThan(30);
      expect(median(peakDays('few'))).toBeGreaterThanOrEqual(median(peakDays('usual')));
    });
  });
});

describe('what antibodies-and-affinity claims', () => {
  let hosts: RunResult[];
  let unmutated: RunResult[];
  beforeAll(() => {
    hosts = primary();
    unmutated = runSeeds({ duration: 28, parameters: { mutationRate: 0 } }, SEEDS);
  }, 180_000);

  it('naive B precursors have a mean affinity of 0.103 (the model’s clone tables, 20 hosts)', () => {
    // Precursor-weighted mean over ≈ 4 000 precursors; one precursor's affinity has a standard deviation of 0.12,
    // so the mean's standard error is 0.002; allow 0.008.
    let sum = 0;
    let n = 0;
    for (let seed = 2001; seed <= 2020; seed++) {
      const { b } = clones(newHost(seed));
      b.affinity.forEach((a, c) => {
        sum += a * b.precursors[c];
        n += b.precursors[c];
      });
    }
    // Uniform over the 1 + 12 + 66 binding receptors with affinities 1, 1/4 and 1/16: 8.125/79 = 0.1028.
    expect(Math.abs(sum / n - 8.125 / 79)).toBeLessThan(0.008);
  });

  it('IgM peaks in the second or third week, IgG 5–14 days later and higher, 10–40 times in a typical host', () => {
    // Seeds 1–40: IgM peak days 11.25–18.5, IgG 23.25–26.25 (6.5–14 days later, medians of ten 10–11.9), IgG/IgM
    // peak ratios 1.39–90 (medians 19–29). Here per host: IgM in days 9–20, IgG ≥ 5 days later and from day 21,
    // ratio 1–150; medians: a lag of 6–14 days and a ratio of 10–40.
    const igmDays = hosts.map((h) => peak(h, 'IgM').time);
    const lags = hosts.map((h, i) => peak(h, 'IgG').time - igmDays[i]);
    const ratios = hosts.map((h) => peak(h, 'IgG').value / peak(h, 'IgM').value);
    hosts.forEach((_, i) => {
      expect(igmDays[i]).toBeGreaterThanOrEqual(9);
      expect(igmDays[i]).toBeLessThanOrEqual(20);
      expect(lags[i]).toBeGreaterThanOrEqual(5);
      expect(ratios[i]).toBeGreaterThan(1);
      expect(ratios[i]).toBeLessThan(150);
    });
    // "later than a typical mouse's 1–2 weeks": IgG peaks from day 21 on in every host.
    for (const host of hosts) expect(peak(host, 'IgG').time).toBeGreaterThanOrEqual(21);
    expect(median(lags)).toBeGreaterThanOrEqual(6);
    expect(median(lags)).toBeLessThanOrEqual(14);
    expect(median(ratios)).toBeGreaterThanOrEqual(10);
    expect(median(ratios)).toBeLessThanOrEqual(40);
  });

  it('IgG affinity on day 28 is over 1.5 times the precursors’ mean (about 4–5 times in a typical host) and above the antibody’s on day 10', () => {
    // Seeds 1–40: IgG affinity 0.18–0.75 on day 28 (1.8–7.3× the precursors' 0.103; medians of ten 0.55, 0.46, 0.40,
    // 0.48), above the (mostly IgM) antibody's affinity on day 10 in every host. Here per host > 1.5× and above day
    // 10; the median > 3×.
    const precursorMean = 8.125 / 79;
    for (const host of hosts) {
      expect(at(host, 'iggAffinity', 28)).toBeGreaterThan(1.5 * precursorMean);
      expect(at(host, 'iggAffinity', 28)).toBeGreaterThan(at(host, 'antibodyAffinity', 10));
    }
    expect(median(hosts.map((h) => at(h, 'iggAffinity', 28)))).toBeGreaterThan(3 * precursorMean);
  });

  it('without hypermutation the IgG affinity is higher in some hosts and lower in others', () => {
    // Seeds 1–40 with mutationRate 0: above the mutating run's affinity in 6, 5, 3 and 6 hosts of ten, below in the
    // others. Here at least one each way.
    const differences = unmutated.map((u, i) => at(u, 'iggAffinity', 28) - at(hosts[i], 'iggAffinity', 28));
    expect(
      count(differences, (d) => d > 0),
      differences.join(', '),
    ).toBeGreaterThanOrEqual(1);
    expect(
      count(differences, (d) => d < 0),
      differences.join(', '),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('what vaccination-and-boosters claims', () => {
  const vaccine = (boosted: boolean, adjuvant = 1) => [
    { kind: 'vaccination', start: 0, dose: 2000, adjuvant },
    ...(boosted ? [{ kind: 'vaccination', start: 21, dose: 2000, adjuvant }] : []),
  ];
  let boosted: RunResult[];
  let primed: RunResult[];
  let naive: RunResult[];
  let unadjuvanted: RunResult[];
  beforeAll(() => {
    const uninfected = { inoculum: 0 };
    boosted = runSeeds(
      {
        duration: 63,
        parameters: uninfected,
        interventions: [...vaccine(true), { kind: 'infection', start: 49, dose: 10 }],
      },
      SEEDS,
    );
    primed = runSeeds({ duration: 49, parameters: uninfected, interventions: vaccine(false) }, SEEDS);
    naive = primary();
    unadjuvanted = runSeeds({ duration: 49, parameters: uninfected, interventions: vaccine(true, 0) }, SEEDS);
  }, 240_000);

  it('the boost: 2–30 times the IgG (5–12 in a typical host) and over twice the memory CD8 cells of a prime alone on day 49', () => {
    // Seeds 1–40: IgG ratios 3.4–20.3 (medians of ten 5.8–7.6), memory CD8 ratios 3.6–9.0 (medians 4.8–5.2). Here
    // per host IgG 2–30×, memory CD8 > 2×; medians 5–12× and 3.5–10×.
    const igg = boosted.map((b, i) => at(b, 'IgG', 49) / at(primed[i], 'IgG', 49));
    const memory = boosted.map((b, i) => at(b, 'cd8Memory', 49) / at(primed[i], 'cd8Memory', 49));
    for (const r of igg) {
      expect(r).toBeGreaterThan(2);
      expect(r).toBeLessThan(30);
    }
    for (const r of memory) expect(r).toBeGreaterThan(2);
    expect(median(igg)).toBeGreaterThanOrEqual(5);
    expect(median(igg)).toBeLessThanOrEqual(12);
    expect(median(memory)).toBeGreaterThanOrEqual(3.5);
    expect(median(memory)).toBeLessThanOrEqual(10);
  });

  it('after the boost IgG falls no faster than its decay rate (half-life ln 2 / iggDecay ≈ 8.7 days)', () => {
    // Secretion by (long-lived) plasma cells goes on, so the titre decays more slowly than free IgG would.
    for (const b of boosted) {
      const top = peak(b, 'IgG', 21, 49);
      const days = 49 - top.time;
      expect(at(b, 'IgG', 49)).toBeGreaterThanOrEqual(top.value * Math.exp(-p.iggDecay * days) * 0.999);
    }
  });

  it('the challenge: every boosted host loses less epithelium than a naive one, about half of them under a tenth', () => {
    // The boosted host's deaths in the 14 days after the challenge over a naive host's in the 14 days after the same
    // infection. Seeds 1–40: 0.0015–0.76, under 0.1 in 8, 5, 6 and 7 of ten, medians 0.007–0.106 (a focus that
    // smoulders under antibody makes the tail; the model README's known limitation). Here every share < 1, ≥ 3 of
    // 10 under 0.1 and a median under 0.3; no damage before the challenge (the host starts uninfected).
    const shares = boosted.map((b, i) => at(b, 'damage', 63) / at(naive[i], 'damage', 14));
    for (const b of boosted) expect(at(b, 'damage', 49)).toBe(0);
    for (const share of shares) expect(share).toBeLessThan(1);
    expect(
      count(shares, (s) => s < 0.1),
      shares.join(', '),
    ).toBeGreaterThanOrEqual(3);
    expect(median(shares)).toBeLessThan(0.3);
  });

  it('the vaccine’s IgG has a lower mean affinity than an infection’s', () => {
    // Seeds 1–40: medians of ten 0.15–0.21 on day 49 after prime and boost, against 0.40–0.55 on day 28 of an
    // infection.
    const vaccineAffinity = boosted.map((b) => at(b, 'iggAffinity', 49));
    expect(median(vaccineAffinity)).toBeLessThan(median(naive.map((n) => at(n, 'iggAffinity', 28))));
  });

  it('without adjuvant: IgM but no IgG and no memory at all', () => {
    for (const u of unadjuvanted) {
      expect(at(u, 'IgG', 49)).toBe(0);
      expect(at(u, 'cd8Memory', 49) + at(u, 'bMemory', 49)).toBe(0);
      expect(peak(u, 'IgM').value).toBeGreaterThan(1);
    }
  });
});
