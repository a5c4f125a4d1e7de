import { readdirSync, readFileSync } from 'node:fs';
import { createTwinApi, findTask, LESSONS } from '@immunotwin/kernel';
import { builtInModels } from '@immunotwin/models';
import { describe, expect, it } from 'vitest';
import { CODE_STUB, renderLessons, writeLessons } from '../scripts/write-lessons.mjs';

// The lessons (notebooks/lessons, notebooks/teacher, written from notebooks/lesson-sources) and what they tell
// students, checked against the twin with numbers that do not come from the task definitions themselves: formulas,
// branching-process theory, and measurements of runs made here.

const modelOf = (id: string) => builtInModels.find((m) => m.manifest.id === id)!;
const twin = createTwinApi(modelOf('target-cell-limited'), { resolveModel: modelOf });
/** The twin's value of a task (what `twin.check` compares with). */
const taskValue = async (id: string) => (await twin.check(id, 0)).expected;

interface LessonNotebook {
  cells: { cell_type: string; source: string[]; metadata: { nbgrader?: { grade: boolean; points?: number } } }[];
  metadata: { kernelspec: { name: string }; immunotwin: { lesson: { id: string; level: string; topic: string } } };
}
const read = (dir: string, id: string) =>
  JSON.parse(readFileSync(new URL(`../notebooks/${dir}/${id}.ipynb`, import.meta.url), 'utf8')) as LessonNotebook;

describe('the lesson notebooks', () => {
  it('are written from their sources (node scripts/write-lessons.mjs), one per lesson with tasks', () => {
    expect(writeLessons({ check: true })).toEqual([]);
    const ids = renderLessons().map((l) => l.id);
    expect(readdirSync(new URL('../notebooks/lessons', import.meta.url)).sort()).toEqual(
      ids.map((id) => `${id}.ipynb`),
    );
    expect(LESSONS.map((l) => l.lesson).sort()).toEqual(ids);
    // nbgrader puts the same stub where a solution was (notebooks/teacher/nbgrader_config.py).
    const config = readFileSync(new URL('../notebooks/teacher/nbgrader_config.py', import.meta.url), 'utf8');
    expect(config).toContain(`"typescript": ${JSON.stringify(CODE_STUB)}`);
  });

  it('check every task of their lesson in a graded cell, and only those tasks; the student copy has no solution', () => {
    for (const { lesson, tasks } of LESSONS) {
      const teacher = read('teacher', lesson);
      const student = read('lessons', lesson);
      const graded = teacher.cells.filter((c) => c.metadata.nbgrader?.grade);
      const checked = graded.map((c) => /twin\.check\('([^']+)'/.exec(c.source.join(''))?.[1]);
      expect(checked, lesson).toEqual(tasks.map((t) => t.id));
      for (const cell of graded) expect(cell.source.join('')).toContain('{ grade: true }');
      const studentText = JSON.stringify(student);
      expect(studentText).not.toContain('BEGIN SOLUTION');
      expect(studentText).not.toContain('Teacher notes');
      const answers = teacher.cells.filter((c) => c.metadata.nbgrader && !c.metadata.nbgrader.grade).length;
      expect(answers).toBeGreaterThan(0);
      expect(studentText.match(/No answer yet/g)).toHaveLength(answers);
      expect(teacher.metadata.immunotwin.lesson.id).toBe(lesson);
    }
  });
});

// The teacher versions (every cell, every solution right) run headless through nbconvert and in the browser in the
// end-to-end lesson tests (ui-tests/lessonVerdict.ts), so they are not run a second time here.

describe('twin.check', () => {
  it('says right within the tolerance and wrong outside it, naming the tolerance; grade mode throws when wrong', async () => {
    const threshold = findTask('r0.threshold');
    expect(threshold.tolerance).toEqual({ relative: 0.05 });
    const { beta, p, U0, delta } = twin.parameters;
    const value = (beta * p * U0) / delta;
    expect((await twin.check('r0.threshold', value * 1.049)).right).toBe(true);
    const wrong = await twin.check('r0.threshold', value * 1.051);
    expect(wrong.right).toBe(false);
    expect(wrong.text).toBe(
      `✘ r0.threshold: not yet. ${Number((value * 1.051).toPrecision(4))} 1/day is not within ±5 % of the twin's value; try again.`,
    );
    expect(wrong.toMimeBundle().data['text/html']).toContain('data-right="false"');
    await expect(twin.check('r0.threshold', value * 2, { grade: true })).rejects.toThrow(/not yet/);
    await expect(twin.check('r0.threshold', Number.NaN)).rejects.toThrow(/finite number \(in 1\/day\)/);
    await expect(twin.check('r0.nothing', 1)).rejects.toThrow(/no task "r0.nothing"; tasks: r0.value, r0.threshold/);
  });
});

describe('what the lessons claim', () => {
  it('R0 and the threshold: R0 ≈ 22 (Baccam 2006); at R0 = 2 the target cells left solve ln f = R0 (f − 1)', async () => {
    expect(await taskValue('r0.value')).toBeGreaterThan(21);
    expect(await taskValue('r0.value')).toBeLessThan(23);
    // The final-size relation, solved by bisection on (0, 1): f = 0.2032 for R0 = 2.
    let low = 1e-9;
    let high = 0.999;
    for (let i = 0; i < 60; i++) {
      const mid = (low + high) / 2;
      if (Math.log(mid) - 2 * (mid - 1) < 0) low = mid;
      else high = mid;
    }
    expect(Math.abs((await taskValue('r0.final-size')) - low)).toBeLessThan(0.005);
    // "around day 9.5 (instead of day 2–3 at R0 ≈ 22)"
    expect(await taskValue('r0.peak-day-r0-two')).toBeGreaterThan(3 * 2.3);
  });

  it('stochastic extinction: over 10 seeds the share of one-virion infections that die out is q = (1 + p/δ)/(R0 + p/δ)', async () => {
    // Branching process: a virion infects a geometric number of cells (mean βU0/c), each releases a geometric number
    // of virions (mean m = p/δ); the extinction probability solves to q = (1 + m)/(R0 + m).
    const share = async (parameters: Record<string, number>, duration: number, seed: number) => {
      twin.reset();
      twin.set(parameters);
      const result = await twin.run({ method: 'tau-leaping', duration, replicates: 100, seed });
      twin.reset();
      return result.runs.filter((run) => run.observables.V[run.observables.V.length - 1] < 1).length / 100;
    };
    const { beta, p, U0, delta } = twin.parameters;
    const m = p / delta;
    for (const [r0, duration] of [
      [2, 8],
      [(beta * p * U0) / (5.2 * delta), 3],
    ]) {
      const c = (beta * p * U0) / (delta * r0);
      const shares: number[] = [];
      for (let seed = 11; seed <= 20; seed++) shares.push(await share({ c, V0: 1 }, duration, seed));
      const mean = shares.reduce((a, b) => a + b) / shares.length;
      const q = (1 + m) / (r0 + m);
      // 1000 runs in all: one standard error is √(q(1 − q)/1000) ≤ 0.016; allow 3.5 of them (tau-leaping is not
      // exact either).
      expect(Math.abs(mean - q), `R0 = ${r0}: ${shares.join(', ')}`).toBeLessThan(
        3.5 * Math.sqrt((q * (1 - q)) / 1000),
      );
    }
    // "n virions fail only if all n lineages do": the three-virion share is near q³ (0.127 at R0 = 2), within three
    // standard errors of a 200-run share (0.024 each).
    const q2 = (1 + m) / (2 + m);
    expect(Math.abs((await taskValue('extinction.three-virions')) - q2 ** 3)).toBeLessThan(0.07);
  }, 60_000);

  it('interferon: about 20× lower peak, a second peak near day 7.8 and more near 13 and 18 without adaptive immunity, 26 % against 63 % of the epithelium left', async () => {
    const immune = twin.create('virus-innate-adaptive');
    const preset = (id: string) => immune.manifest.presets.find((p) => p.id === id)!.parameters;
    const run = async (id?: string) => {
      immune.reset();
      if (id) immune.set(preset(id));
      return immune.run();
    };
    const full = await run();
    const innate = await run('innateOnly');
    const noIfn = await run('noInterferon');
    const peak = (result: typeof full) => Math.max(...immune.observe(result, 'V').values);
    expect(peak(noIfn) / peak(full)).toBeGreaterThan(18);
    expect(peak(noIfn) / peak(full)).toBeLessThan(23);
    const { time, values } = immune.observe(innate, 'V');
    const maxima = [];
    for (let i = 1; i < values.length - 1; i++)
      if (values[i] > values[i - 1] && values[i] >= values[i + 1]) maxima.push(time[i]);
    expect(maxima.map((t) => Math.round(t))).toEqual([2, 8, 13, 18]);
    const last = (result: typeof full, id: string) => immune.observe(result, id).values.at(-1)!;
    expect(last(innate, 'healthyFraction')).toBeCloseTo(0.26, 2);
    expect(last(full, 'healthyFraction')).toBeCloseTo(0.63, 2);
    expect(last(noIfn, 'healthyFraction')).toBeLessThan(1e-6);
    // The full response has one peak: nothing comes back after the first.
    const fullV = immune.observe(full, 'V').values;
    // (Above 10⁻³ TCID50/mL: below it the solver's tolerance, not the model, decides the digits.)
    for (let i = fullV.indexOf(peak(full)) + 1; i < fullV.length && fullV[i - 1] > 1e-3; i++) {
      expect(fullV[i]).toBeLessThanOrEqual(fullV[i - 1]);
    }
  });

  it('antiviral timing: ε > 1 − 1/R0; 90 % from day 1 spares the epithelium, from day 3 changes nothing; 99 % is followed by a rebound', async () => {
    expect(await taskValue('antiviral.minimum-efficacy')).toBeCloseTo(1 - 1 / (await taskValue('r0.value')), 10);
    const immune = twin.create('virus-innate-adaptive');
    const run = async (start?: number, efficacy = 0.9) => {
      immune.reset();
      if (start !== undefined) immune.intervene('antiviral', { start, stop: 10, efficacy });
      const result = await immune.run();
      immune.reset();
      return result;
    };
    const last = (result: Awaited<ReturnType<typeof run>>, id: string) => immune.observe(result, id).values.at(-1)!;
    const untreated = await run();
    expect(last(untreated, 'healthyFraction')).toBeCloseTo(0.63, 2);
    expect(last(await run(1), 'healthyFraction')).toBeGreaterThan(0.97);
    expect(Math.abs(last(await run(3), 'healthyFraction') - last(untreated, 'healthyFraction'))).toBeLessThan(0.01);
    // The 99 % drug: the virus peaks after the drug stops (day 10), the T cells peak later still, and less of the
    // epithelium is left than with the 90 % drug.
    const strong = await run(1, 0.99);
    const peakDay = (id: string) => {
      const { time, values } = immune.observe(strong, id);
      return time[values.indexOf(Math.max(...values))];
    };
    expect(peakDay('V')).toBeGreaterThan(10);
    expect(peakDay('T')).toBeGreaterThan(peakDay('V'));
    expect(last(strong, 'healthyFraction')).toBeLessThan(last(await run(1), 'healthyFraction') - 0.1);
  });

  it('bacteria: cleared about 9 h after the antibiotic starts whatever the start; neutropenia lets them persist; a small inoculum needs few neutrophils', async () => {
    const bacteria = twin.create('bacteria-innate');
    const preset = (id: string) => bacteria.manifest.presets.find((p) => p.id === id)!.parameters;
    const run = async (id?: string, antibioticFrom?: number) => {
      bacteria.reset();
      if (id) bacteria.set(preset(id));
      if (antibioticFrom !== undefined)
        bacteria.intervene('antibiotic', { start: antibioticFrom, stop: 72, efficacy: 1 });
      const result = await bacteria.run();
      bacteria.reset();
      return result;
    };
    const series = (result: Awaited<ReturnType<typeof run>>, id: string) => bacteria.observe(result, id);
    const clearedFrom = (result: Awaited<ReturnType<typeof run>>) => {
      const { time, values } = series(result, 'P');
      let i = values.length - 1;
      while (i > 0 && values[i - 1] < 1) i--;
      return time[i];
    };
    for (const start of [12, 24, 48]) {
      const delay = clearedFrom(await run('neutropenic', start)) - start;
      expect(delay, `antibiotic from ${start} h`).toBeGreaterThan(8);
      expect(delay, `antibiotic from ${start} h`).toBeLessThan(10);
    }
    expect(series(await run('neutropenic'), 'P').values.at(-1)).toBeGreaterThan(1e8);
    const untreated = await run();
    expect(series(untreated, 'P').values.at(-1)).toBeLessThan(1);
    expect(Math.max(...series(await run('smallInoculum'), 'N').values)).toBeLessThan(
      0.02 * Math.max(...series(untreated, 'N').values),
    );
  });

  it('T cells: the run contracts at exactly ln 2/dT; ten times the precursors give under five times the peak and clear the virus sooner', async () => {
    const immune = twin.create('virus-innate-adaptive');
    const run = async (parameters: Record<string, number> = {}) => {
      immune.reset();
      immune.set(parameters);
      const result = await immune.run();
      immune.reset();
      return result;
    };
    const base = await run();
    const t = immune.observe(base, 'T');
    const at = (day: number) => t.values[t.time.findIndex((x) => x >= day - 1e-9)];
    expect((2 * Math.LN2) / Math.log(at(10) / at(12))).toBeCloseTo(Math.LN2 / immune.parameters.dT, 2);
    // Expansion cannot beat proliferation at r_T = 3/day from day 0 to the peak.
    const peak = Math.max(...t.values);
    const peakDay = t.time[t.values.indexOf(peak)];
    expect(peak / immune.parameters.T0).toBeLessThan(Math.exp(immune.parameters.rT * peakDay));
    const more = await run({ T0: 1000 });
    const ratio = Math.max(...immune.observe(more, 'T').values) / peak;
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
    const cleared = (result: typeof base) => {
      const { time, values } = immune.observe(result, 'V');
      let i = values.length - 1;
      while (i > 0 && values[i - 1] < 0.01) i--;
      return time[i];
    };
    expect(cleared(more)).toBeLessThan(cleared(base));
    expect(cleared(base)).toBeCloseTo(5.75, 1);
    expect(await taskValue('tcell.clearance-without-cd8')).toBeGreaterThan(cleared(base) + 0.5);
  });
});
