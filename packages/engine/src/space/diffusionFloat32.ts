/**
 * Thomas-algorithm factors of the matrix I − r·L (1 + 2r on the diagonal, −r off it, 1 + r at the closed
 * ends; 1 for a single site), computed in float64: `m[i]` is 1/pivot, `g[i]` = r/pivot the back-substitution
 * weight.
 */
export function thomasFactors(n: number, r: number, m: Float64Array, g: Float64Array): void {
  let prevG = 0;
  for (let i = 0; i < n; i++) {
    const diag = n === 1 ? 1 : i === 0 || i === n - 1 ? 1 + r : 1 + 2 * r;
    const pivot = diag - r * prevG;
    m[i] = 1 / pivot;
    g[i] = r / pivot;
    prevG = g[i];
  }
}

/** The float32 factors of one implicit step: D·dt and the Thomas factors, each rounded once to float32. */
export interface Float32Factors {
  /** D·dt rounded to float32. */
  readonly r: number;
  readonly mx: Float32Array;
  readonly gx: Float32Array;
  readonly my: Float32Array;
  readonly gy: Float32Array;
}

const fround = Math.fround;

/** The smallest normal float32, 2^−126. */
export const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;

/** 2^−100: the least D·dt × floor for which the x sweep's subnormal values are flushed. */
const X_FLUSH_MIN = 7.888609052210118e-31; // 2^−100, exactly

/** 2^−27, exactly: the x floor's margin below D·dt × floor (a quarter of an ulp is more than 2^−26 of a value). */
const X_FLOOR_MARGIN = 7.450580596923828e-9;

/**
 * The x floor of a float32 step with a model's floor `floor` (a float32 value; 2^−126 without one), D·dt `r`
 * and decay factor `decayFactor` (1 without decay): the largest power of two X at most `floor` and at most
 * `r`·`floor`·2^−27, where the decay factor and every my are at most 1 (`myAtMostOne`). Where that X is below
 * 2^−126 the x floor is 2^−126 (the subnormals, some hundred cycles each to read) if `r`·`floor` ≥ 2^−100, else 0
 * (none: so without a model's floor, 2^−126 itself, none unless D·dt ≥ 2^26, and then the subnormals only, as the
 * y sweep flushes them). Both implementations flush the x sweep's forward recurrence to 0 where it
 * falls below X, and the WebAssembly kernel also the values the backward pass stores, which changes no stored
 * bit: a value u below X read by the y elimination meets a row above that is 0 (the y floor flushed it), and
 * then (u·f)·my is below X ≤ floor and is flushed as 0 is; or a row above of at least `floor`, and then u·f is
 * less than a quarter of an ulp of r times that row (≥ r·floor·(1 − 2^−24)), so the sum is the product's, as
 * with 0. The forward flush does change values, by about X/(1 − g) at most (g < 1, the back substitution's
 * weight, which is also the tail's ratio) and a rounding: amounts the model's floor already declares nothing,
 * left out before they are summed. It ends the x sweep's tails where they fall below X instead of where they
 * settle on a subnormal (~1300 sites past a source for D·dt = 222 site², ~500 with X near 10⁻¹⁵).
 */
export function xFloor(r: number, floor: number, decayFactor: number, myAtMostOne: boolean): number {
  if (!(decayFactor <= 1 && myAtMostOne)) return 0;
  const bound = Math.min(floor, r * floor * X_FLOOR_MARGIN);
  if (!(bound >= FLOAT32_MIN_NORMAL)) return r * floor >= X_FLUSH_MIN ? FLOAT32_MIN_NORMAL : 0;
  // The largest power of two at most `bound`, by doubling (exact) from 2^−126.
  let power = FLOAT32_MIN_NORMAL;
  while (power * 2 <= bound) power *= 2;
  return power;
}

/** Whether every my of a factors object is at most 1 (one of {@link xFloor}'s conditions), found once per object. */
const myAtMostOne = new WeakMap<Float32Factors, boolean>();

/**
 * The x floor ({@link xFloor}) of a step with `factors`, decay factor `f` (null: none) and `floor` (null: none), as
 * both implementations take it.
 */
export function xFloorOf(factors: Float32Factors, f: number | null, floor: number | null): number {
  let atMostOne = myAtMostOne.get(factors);
  if (atMostOne === undefined) {
    atMostOne = factors.my.every((m) => m <= 1);
    myAtMostOne.set(factors, atMostOne);
  }
  return xFloor(factors.r, Math.fround(floor ?? FLOAT32_MIN_NORMAL), f ?? 1, atMostOne);
}

/**
 * `x` flushed to zero if it is below the smallest normal float32 in magnitude (subnormals and −0 become +0;
 * NaN stays NaN): every value the float32 step computes goes through it, in both implementations, because
 * arithmetic on subnormals is some hundred times slower on common hardware.
 */
export function flushSubnormal(x: number): number {
  return Math.abs(x) < FLOAT32_MIN_NORMAL ? 0 : x;
}

/**
 * One implicit locally-one-dimensional step of a Float32 `w × h` field in place, in float32 arithmetic (every
 * +, − and × rounded to float32 through `Math.fround`, which is exact for a single operation on float32
 * operands), with the decay by `f` (a float32 value, or null for none). Every value the y sweep stores (or, for
 * a single row, the final value) is flushed to zero if subnormal ({@link flushSubnormal}); the x sweep's values
 * are not (its output is read, and flushed, by the y sweep; the kernel flushes its subnormals and skips its
 * repeating subnormal tails only where a model's floor makes that change no stored bit), but its forward
 * recurrence is flushed to 0 below the x floor ({@link xFloor}: 0, none, without a model's floor). The operations
 * and their order are those of the WebAssembly kernel (diffusionKernel.wat), which gives the same bits:
 * per row (if w > 1), with p = n = 0 first, `p = flush((u + r·p)·mx[i])` forwards and `n = p[i] + gx[i]·n`
 * backwards;
 * per column (if h > 1), `u = (u·f)·my[0]` on row 0, `u = (u·f + r·above)·my[k]` below it (f = 1 without
 * decay), then from row h − 2 up `u = u + gy[k]·below`; a single row (h = 1) is multiplied by f (or 1) last.
 * With a `floor` (≥ {@link FLOAT32_MIN_NORMAL}; a model's stated assumption that values below it are nothing),
 * the y sweep flushes below the floor instead of below 2^−126 (as the kernel does with the same floor).
 */
export function implicitStepFloat32(
  u: Float32Array,
  w: number,
  h: number,
  factors: Float32Factors,
  f: number | null,
  floor: number | null = null,
): void {
  const { r, mx, gx, my, gy } = factors;
  const fy = floor ?? FLOAT32_MIN_NORMAL;
  const ftz = (x: number): number => (Math.abs(x) < fy ? 0 : x);
  const xf = xFloorOf(factors, f, floor);
  if (w > 1) {
    for (let row = 0; row < h; row++) {
      const o = row * w;
      let p = 0;
      for (let i = 0; i < w; i++) {
        p = fround(fround(u[o + i] + fround(r * p)) * mx[i]);
        if (Math.abs(p) < xf) p = 0;
        u[o + i] = p;
      }
      let n = 0;
      for (let i = w - 1; i >= 0; i--) {
        n = fround(u[o + i] + fround(gx[i] * n));
        u[o + i] = n;
      }
    }
  }
  if (h > 1) {
    // The decay factor multiplies each value as the y elimination reads it (× 1, exact, without decay).
    const d = f ?? 1;
    const m0 = my[0];
    for (let i = 0; i < w; i++) u[i] = ftz(fround(fround(u[i] * d) * m0));
    for (let row = 1; row < h; row++) {
      const o = row * w;
      const p = o - w;
      const m = my[row];
      for (let i = 0; i < w; i++) u[o + i] = ftz(fround(fround(fround(u[o + i] * d) + fround(r * u[p + i])) * m));
    }
    for (let row = h - 2; row >= 0; row--) {
      const o = row * w;
      const n = o + w;
      const g = gy[row];
      for (let i = 0; i < w; i++) u[o + i] = ftz(fround(u[o + i] + fround(g * u[n + i])));
    }
  } else {
    // A single row: multiplied by the decay factor (1 without decay) and flushed.
    const d = f ?? 1;
    for (let i = 0; i < u.length; i++) u[i] = ftz(fround(u[i] * d));
  }
}
