import { describe, expect, it } from 'vitest';
import { DiffusionDecaySolver, fieldTotal } from '../src/index.js';

/** Second central moment along x and y of a field on a width-wide lattice. */
function moments(u: ArrayLike<number>, width: number): { mass: number; varX: number; varY: number } {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < u.length; i++) {
    mass += u[i];
    mx += u[i] * (i % width);
    my += u[i] * Math.floor(i / width);
  }
  mx /= mass;
  my /= mass;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < u.length; i++) {
    vx += u[i] * ((i % width) - mx) ** 2;
    vy += u[i] * (Math.floor(i / width) - my) ** 2;
  }
  return { mass, varX: vx / mass, varY: vy / mass };
}

function pointSource(width: number, height: number, array: 'f32' | 'f64' = 'f64'): Float32Array | Float64Array {
  const u = array === 'f32' ? new Float32Array(width * height) : new Float64Array(width * height);
  u[(height >> 1) * width + (width >> 1)] = 1000;
  return u;
}

describe('DiffusionDecaySolver', () => {
  for (const scheme of ['implicit', 'explicit'] as const) {
    it(`${scheme}: conserves the total exactly with closed edges, even after the field reaches the edges`, () => {
      const solver = new DiffusionDecaySolver(33, 21, { diffusion: 2.5, decay: 0, scheme });
      const u = pointSource(33, 21);
      for (let n = 0; n < 200; n++) solver.step(u, 0.37);
      // 200 steps of round-off on a total of 1000 in double precision.
      expect(Math.abs(fieldTotal(u) - 1000)).toBeLessThan(1e-9);
      // After long times the field is flat.
      const mean = 1000 / u.length;
      expect(Math.max(...u) - mean).toBeLessThan(0.01 * mean);
      expect(Math.min(...u) - mean).toBeGreaterThan(-0.01 * mean);
    });

    it(`${scheme}: decays the total exactly as e^(−k·t)`, () => {
      const solver = new DiffusionDecaySolver(16, 16, { diffusion: 1, decay: 3, scheme });
      const u = pointSource(16, 16);
      for (let n = 0; n < 50; n++) solver.step(u, 0.02);
      expect(fieldTotal(u) / 1000).toBeCloseTo(Math.exp(-3), 12);
    });

    it(`${scheme}: a point source spreads with variance 2·D·t along each axis (the Gaussian law)`, () => {
      // Far from the edges the discrete Laplacian raises the second moment by exactly 2·D per unit time per
      // axis, for forward and backward Euler alike (Σx²·Δu = 2·mass), so the check is tight.
      const D = 1.5;
      const solver = new DiffusionDecaySolver(101, 101, { diffusion: D, decay: 0.1, scheme });
      const u = pointSource(101, 101);
      const t = 20;
      for (let n = 0; n < 40; n++) solver.step(u, t / 40);
      const m = moments(u, 101);
      expect(m.varX).toBeCloseTo(2 * D * t, 4); // the implicit kernel's far tail touches the edges at 1e-8
      expect(m.varY).toBeCloseTo(2 * D * t, 4);
      // And the profile is close to the Gaussian of that variance (the discrete kernel differs slightly at the centre).
      const gauss = (1000 * Math.exp(-0.1 * t)) / (4 * Math.PI * D * t);
      expect(u[50 * 101 + 50] / gauss).toBeGreaterThan(0.97);
      expect(u[50 * 101 + 50] / gauss).toBeLessThan(1.03);
    });
  }

  it('implicit: stays stable and non-negative at diffusion numbers far above the explicit limit', () => {
    const solver = new DiffusionDecaySolver(40, 40, { diffusion: 1e4, decay: 0 });
    const u = pointSource(40, 40, 'f32');
    solver.step(u, 1);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1000);
    expect(Math.abs(fieldTotal(u) - 1000)).toBeLessThan(1e-2); // single precision
  });

  it('explicit: sub-steps keep large steps stable and non-negative', () => {
    const solver = new DiffusionDecaySolver(40, 40, { diffusion: 50, decay: 0, scheme: 'explicit' });
    const u = pointSource(40, 40);
    solver.step(u, 1);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(fieldTotal(u) - 1000)).toBeLessThan(1e-9);
  });

  it('implicit and explicit agree when the step is small', () => {
    const a = new DiffusionDecaySolver(31, 31, { diffusion: 0.8, decay: 0.5 });
    const b = new DiffusionDecaySolver(31, 31, { diffusion: 0.8, decay: 0.5, scheme: 'explicit' });
    const u = pointSource(31, 31);
    const v = pointSource(31, 31);
    for (let n = 0; n < 400; n++) {
      a.step(u, 0.01);
      b.step(v, 0.01);
    }
    let err = 0;
    for (let i = 0; i < u.length; i++) err = Math.max(err, Math.abs(u[i] - v[i]));
    expect(err / Math.max(...v)).toBeLessThan(0.01); // both first order in time: error ~ D·dt
  });

  it('handles one-row and one-site lattices', () => {
    const line = new DiffusionDecaySolver(10, 1, { diffusion: 1, decay: 0 });
    const u = new Float64Array(10);
    u[0] = 1;
    line.step(u, 5);
    expect(fieldTotal(u)).toBeCloseTo(1, 12);
    const dot = new DiffusionDecaySolver(1, 1, { diffusion: 1, decay: 1 });
    const v = new Float64Array([2]);
    dot.step(v, 1);
    expect(v[0]).toBeCloseTo(2 * Math.exp(-1), 12);
  });

  it('decay alone rounds a Float32 value to float32 before flushing subnormals, as the implicit step does', () => {
    // 2^-126 (the smallest normal float32) × (1 − 2^-24) is 2^-126 − 2^-150, half-way between the largest
    // subnormal and 2^-126; float32 rounding (ties to even) gives 2^-126, a normal value that must stay.
    const solver = new DiffusionDecaySolver(2, 1, { diffusion: 0, decay: 2 ** -24 });
    const u = Float32Array.of(2 ** -126, 2 ** -127);
    solver.step(u, 1);
    expect(u[0]).toBe(2 ** -126);
    expect(u[1]).toBe(0);
  });

  it('rejects bad settings and mismatched fields, naming the value', () => {
    expect(() => new DiffusionDecaySolver(4, 4, { diffusion: -1, decay: 0 })).toThrow(/diffusion must be/);
    expect(() => new DiffusionDecaySolver(4, 4, { diffusion: 1, decay: NaN })).toThrow(/decay must be/);
    const solver = new DiffusionDecaySolver(4, 4, { diffusion: 1, decay: 0 });
    expect(() => solver.step(new Float32Array(15), 1)).toThrow(/field has 15 sites; expected 16/);
  });
});
