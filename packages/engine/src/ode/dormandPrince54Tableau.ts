/**
 * Coefficients of the Dormand–Prince 5(4) pair (Dormand & Prince 1980; Hairer, Nørsett & Wanner,
 * "Solving ODEs I", Table II.5.2) and of its continuous 4th-order extension (HNW I, Section II.6).
 * Seven stages; the last stage is evaluated at the new solution, so it doubles as the first stage of the
 * next step (FSAL).
 */
export const DORMAND_PRINCE_54 = {
  /** Stage times c_i (fractions of the step). */
  c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
  /** Strictly lower-triangular stage matrix a_ij, row i lists a_i1 … a_i,i-1. */
  a: [
    [],
    [1 / 5],
    [3 / 40, 9 / 40],
    [44 / 45, -56 / 15, 32 / 9],
    [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
    [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
    [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
  ],
  /** 5th-order weights b_i (equal to the last row of `a`, hence FSAL). */
  b: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0],
  /** Error weights e_i = b_i − b̂_i, where b̂ are the embedded 4th-order weights. */
  e: [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40],
  /**
   * Coefficients d_i of the 4th-order dense output. With Δ = y1 − y0 the interpolant on θ ∈ [0, 1] is
   * y0 + θ(Δ + (1−θ)(r3 + θ(r4 + (1−θ) r5))), r3 = h k1 − Δ, r4 = Δ − h k7 − r3, r5 = h Σ d_i k_i.
   */
  d: [
    -12715105075 / 11282082432,
    0,
    87487479700 / 32700410799,
    -10690763975 / 1880347072,
    701980252875 / 199316789632,
    -1453857185 / 822651844,
    69997945 / 29380423,
  ],
} as const;
