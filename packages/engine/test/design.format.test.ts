import { describe, expect, it } from 'vitest';
import {
  DesignOutcomeSchema,
  OUTCOMES,
  designPoints,
  designUnitPoints,
  morrisTrajectories,
  parseDesign,
  saltelliLayout,
  ValidationError,
  type DesignModel,
  type ParameterSpec,
} from '@immunotwin/engine';

function parameter(id: string, min: number, max: number, scale: 'linear' | 'log', integer = false): ParameterSpec {
  return {
    id,
    label: id,
    unit: '1',
    default: min,
    min,
    max,
    scale,
    ...(integer ? { integer } : {}),
    description: id,
    source: 'illustrative',
  };
}

const model: DesignModel = {
  id: 'target-cell-limited',
  parameters: [
    parameter('beta', 1e-8, 1e-3, 'log'),
    parameter('c', 0.1, 30, 'linear'),
    parameter('p', 0, 1000, 'linear'),
    parameter('n0', 1, 100, 'linear', true),
  ],
};

const sobolDesign = {
  version: 1,
  name: 'entry-inhibitor sensitivity',
  scenario: { model: 'target-cell-limited', duration: 20 },
  parameters: [
    { id: 'beta', range: [1e-6, 1e-4], scale: 'log' },
    { id: 'c', distribution: { kind: 'log-normal', mu: 1.1, sigma: 0.3, truncate: { lower: 0.1, upper: 20 } } },
    { id: 'p', values: [10, 20, 40] },
  ],
  design: { kind: 'sobol', n: 16 },
  outcomes: [{ observable: 'V', summary: 'peak' }],
};

function issue(json: unknown): { message: string; path: string } {
  try {
    parseDesign(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    return { message: e.message, path: e.issues[0]!.path };
  }
  throw new Error('expected a ValidationError');
}

function pointsIssue(json: unknown): string {
  try {
    designPoints(parseDesign(json), model);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).message;
  }
  throw new Error('expected a ValidationError');
}

const withDesign = (design: object, parameters: object[] = sobolDesign.parameters): object => ({
  ...sobolDesign,
  parameters,
  design,
});

describe('parseDesign', () => {
  it('reads a design from an object or JSON text, as a fresh copy', () => {
    const parsed = parseDesign(sobolDesign);
    expect(parsed).toEqual(sobolDesign);
    expect(parsed).not.toBe(sobolDesign);
    expect(parseDesign(JSON.stringify(sobolDesign))).toEqual(sobolDesign);
  });

  it('names the path, the value and what is allowed', () => {
    expect(issue({ ...sobolDesign, version: 2 }).message).toBe(
      'Invalid design: version: format version 2 is not supported; allowed: 1',
    );
    expect(
      issue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'c', distribution: { kind: 'normal', mean: 1, sd: -1 } }])),
    ).toEqual({
      path: 'parameters[0].distribution.sd',
      message: expect.stringContaining('must be > 0; got -1') as string,
    });
    expect(issue(withDesign({ kind: 'lhs', n: 4 })).message).toBe(
      'Invalid design: design.seed: is required for a lhs design',
    );
    expect(issue(withDesign({ kind: 'grid', n: 4, levels: 3 })).message).toBe(
      'Invalid design: design.n: does not apply to a grid design; its settings: levels',
    );
    expect(issue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'c', range: [1, 2], values: [1] }])).message).toBe(
      'Invalid design: parameters[0]: c gives range and values; give exactly one of distribution, range, values',
    );
    expect(issue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'c', range: [2, 1] }])).message).toBe(
      'Invalid design: parameters[0].range[1]: must be greater than range[0] (2); got 1',
    );
    expect(
      issue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'c', distribution: { kind: 'normal', mean: 1 } }])).message,
    ).toBe('Invalid design: parameters[0].distribution.sd: must be given for a normal distribution; got nothing');
    expect(
      issue(
        withDesign({ kind: 'sobol', n: 4 }, [
          { id: 'c', distribution: { kind: 'uniform', lower: 0, upper: 1, truncate: { lower: 3 } } },
        ]),
      ).path,
    ).toBe('parameters[0].distribution.truncate');
    expect(
      issue(
        withDesign({ kind: 'sobol', n: 4 }, [
          { id: 'c', range: [1, 2] },
          { id: 'c', values: [1] },
        ]),
      ).path,
    ).toBe('parameters[1].id');
    expect(issue({ ...sobolDesign, scenario: { model: 'target-cell-limited', parameters: { p: 3 } } }).message).toBe(
      'Invalid design: scenario.parameters.p: is set by the scenario and varied by the design; leave it out of one of them',
    );
    expect(issue(withDesign({ kind: 'halton', n: 4 })).path).toBe('design.kind');
    expect(issue(withDesign({ kind: 'grid' }, [{ id: 'c', range: [1, 2] }])).message).toBe(
      'Invalid design: parameters[0].levels: is required in a grid design (or design.levels for every parameter)',
    );
    const ranged = [{ id: 'c', range: [1, 2] }];
    expect(issue(withDesign({ kind: 'morris', n: 4, seed: 1, levels: 3 }, ranged)).message).toBe(
      'Invalid design: design.levels: must be even in a morris design; got 3',
    );
    expect(issue(withDesign({ kind: 'morris', n: 4 }, ranged)).message).toBe(
      'Invalid design: design.seed: is required for a morris design',
    );
    expect(issue(withDesign({ kind: 'morris', n: 4, seed: 1 }, [{ id: 'p', values: [10, 20, 40] }])).message).toBe(
      'Invalid design: parameters[0].values: lists 3 values but a morris design of 4 levels uses each listed value as one level; list exactly 4',
    );
    expect(issue(withDesign({ kind: 'sobol', n: 4, secondOrder: true })).message).toBe(
      'Invalid design: design.secondOrder: does not apply to a sobol design; its settings: n, skip',
    );
    expect(issue('{"version": 1,').message).toMatch(/^Invalid design: input: malformed JSON at the end of the text/);
  });
});

describe('designPoints', () => {
  it('maps a grid in lexicographic order, log-spaced on a log scale, listed values as they are', () => {
    const design = parseDesign(
      withDesign({ kind: 'grid', levels: 2 }, [
        { id: 'beta', range: [1e-6, 1e-4], levels: 3 },
        { id: 'p', values: [10, 40] },
        { id: 'c', distribution: { kind: 'uniform', lower: 1, upper: 3 } },
      ]),
    );
    const runs = designPoints(design, model);
    expect(runs).toHaveLength(3 * 2 * 2);
    expect(runs.slice(0, 4)).toEqual([
      { beta: 1e-6, p: 10, c: 1.5 },
      { beta: 1e-6, p: 10, c: 2.5 },
      { beta: 1e-6, p: 40, c: 1.5 },
      { beta: 1e-6, p: 40, c: 2.5 },
    ]);
    expect(runs[4]!.beta).toBeCloseTo(1e-5, 18);
    expect(runs[11]).toEqual({ beta: 1e-4, p: 40, c: 2.5 });
  });

  it('maps Sobol points through each quantile, in point order', () => {
    const runs = designPoints(parseDesign(sobolDesign), model);
    expect(runs).toHaveLength(16);
    // The first point is (0.5, 0.5, 0.5): the log-midpoint of beta, c's median (truncation at 20 moves it a
    // little below exp(1.1)), the middle listed value.
    expect(runs[0]!.beta).toBeCloseTo(1e-5, 18);
    expect(runs[0]!.c).toBeLessThan(Math.exp(1.1));
    expect(runs[0]!.c).toBeGreaterThan(Math.exp(1.1) * 0.999);
    expect(runs[0]!.p).toBe(20);
    for (const run of runs) expect(run.c).toBeLessThanOrEqual(20);
  });

  it('gives Saltelli rows in blocks of d + 2 and rounds integer parameters', () => {
    const design = parseDesign(
      withDesign({ kind: 'saltelli', n: 8 }, [
        { id: 'c', range: [1, 2] },
        { id: 'n0', range: [1, 100] },
      ]),
    );
    const runs = designPoints(design, model);
    const layout = saltelliLayout(8, 2);
    expect(runs).toHaveLength(8 * 4);
    expect(runs[layout.ab(3, 0)]!.c).toBe(runs[layout.b(3)]!.c);
    expect(runs[layout.ab(3, 0)]!.n0).toBe(runs[layout.a(3)]!.n0);
    for (const run of runs) expect(Number.isInteger(run.n0)).toBe(true);
    expect(designUnitPoints(design)).toHaveLength(32);
  });

  it('gives second-order Saltelli rows in blocks of 2d + 2', () => {
    const design = parseDesign(withDesign({ kind: 'saltelli', n: 8, secondOrder: true }, [{ id: 'c', range: [1, 2] }]));
    const runs = designPoints(design, model);
    const layout = saltelliLayout(8, 1, { secondOrder: true });
    expect(runs).toHaveLength(8 * 4);
    // One parameter: BA^(1) is B with its only column from A, so it is A again.
    expect(runs[layout.ba(5, 0)]).toEqual(runs[layout.a(5)]);
    expect(runs[layout.ab(5, 0)]).toEqual(runs[layout.b(5)]);
  });

  it("gives Morris trajectories, each parameter on its design's levels", () => {
    const design = parseDesign(
      withDesign({ kind: 'morris', n: 6, seed: 4, levels: 4 }, [
        { id: 'c', range: [1, 2.5] },
        { id: 'beta', range: [1e-6, 1e-3], scale: 'log' },
        { id: 'p', values: [40, 10, 20, 80] },
        { id: 'n0', distribution: { kind: 'uniform', lower: 10, upper: 90 } },
      ]),
    );
    const runs = designPoints(design, model);
    const unit = designUnitPoints(design)!;
    expect(unit).toEqual(morrisTrajectories(6, 4, 4, 4));
    expect(runs).toHaveLength(6 * 5);
    // Level k of 4: c = 1 + 0.5k (both ends included); beta = 10^(−6 + k); p the k-th listed value; n0 the midpoint
    // of stratum k of four of U(10, 90), 20 + 20k.
    runs.forEach((run, row) => {
      const k = unit[row]!.map((u) => Math.round(u * 3));
      expect(run.c).toBeCloseTo(1 + 0.5 * k[0]!, 14);
      expect(run.beta).toBeCloseTo(10 ** (-6 + k[1]!), 18);
      expect(run.p).toBe([40, 10, 20, 80][k[2]!]);
      expect(run.n0).toBe(20 + 20 * k[3]!);
    });
    const levels = (id: 'c' | 'beta' | 'p' | 'n0') => new Set(runs.map((run) => run[id])).size;
    expect([levels('c'), levels('beta'), levels('p'), levels('n0')]).toEqual([4, 4, 4, 4]);
  });

  it('is determined by the seed of lhs, random and morris designs', () => {
    const parameters = [...sobolDesign.parameters.slice(0, 2), { id: 'p', values: [10, 20, 40, 80] }];
    for (const kind of ['lhs', 'random', 'morris']) {
      const a = designPoints(parseDesign(withDesign({ kind, n: 10, seed: 3 }, parameters)), model);
      const b = designPoints(parseDesign(withDesign({ kind, n: 10, seed: 3 }, parameters)), model);
      const other = designPoints(parseDesign(withDesign({ kind, n: 10, seed: 4 }, parameters)), model);
      expect(a).toEqual(b);
      expect(a).not.toEqual(other);
    }
  });

  it("checks ids and ranges against the model's manifest", () => {
    expect(pointsIssue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'gamma', range: [1, 2] }]))).toBe(
      'Invalid design: parameters[0].id: "gamma" is not a parameter of target-cell-limited; its parameters: beta, c, p, n0',
    );
    expect(pointsIssue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'c', range: [0, 40] }]))).toBe(
      "Invalid design: parameters[0]: c must stay in [0.1, 30] (the model's range) but its range is [0, 40]",
    );
    expect(
      pointsIssue(withDesign({ kind: 'sobol', n: 4 }, [{ id: 'c', distribution: { kind: 'normal', mean: 5, sd: 1 } }])),
    ).toBe(
      "Invalid design: parameters[0]: c must stay in [0.1, 30] (the model's range) but its distribution reaches [-Infinity, Infinity]; truncate it into range",
    );
    const truncated = withDesign({ kind: 'lhs', n: 50, seed: 1 }, [
      { id: 'c', distribution: { kind: 'normal', mean: 5, sd: 10, truncate: { lower: 0.1, upper: 30 } } },
    ]);
    for (const run of designPoints(parseDesign(truncated), model)) {
      expect(run.c).toBeGreaterThanOrEqual(0.1);
      expect(run.c).toBeLessThanOrEqual(30);
    }
    expect(pointsIssue({ ...sobolDesign, scenario: { model: 'other-model' } })).toBe(
      'Invalid design: scenario.model: is "other-model" but the model given is "target-cell-limited"',
    );
  });
});

describe('design outcomes', () => {
  it('are named as the engine names its per-run outcomes (one definition: OUTCOMES)', () => {
    const names = DesignOutcomeSchema.properties.summary.anyOf.map((literal: { const: string }) => literal.const);
    expect(names.sort()).toEqual(Object.keys(OUTCOMES).sort());
  });

  it('need a threshold for clearanceTime, and refuse options where they do not apply', () => {
    const bad = {
      ...JSON.parse(JSON.stringify(sobolDesign)),
      outcomes: [
        { observable: 'V', summary: 'clearanceTime' },
        { observable: 'V', summary: 'peak', threshold: 1 },
      ],
    };
    let issues: readonly { path: string; message: string }[] = [];
    try {
      parseDesign(bad);
    } catch (error) {
      issues = (error as ValidationError).issues;
    }
    expect(issues).toEqual([
      { path: 'outcomes[0].threshold', message: 'is required for a clearanceTime outcome' },
      { path: 'outcomes[1].threshold', message: 'applies to clearanceTime only' },
    ]);
  });
});
