/**
 * Coefficients of RODAS4 (Hairer & Wanner, "Solving ODEs II", Section IV.7), a 6-stage, L-stable,
 * stiffly accurate Rosenbrock method of order 4 with an embedded order-3 solution and a 3rd-order dense
 * output. They are given for the transformed formulation, with stage increments u_i solving
 *
 *   (I/(γh) − J) u_i = f(t + c_i h, y + Σ_j a_ij u_j) + Σ_j (c_ij / h) u_j + h d_i ∂f/∂t,
 *
 * after which y1 = y + Σ_j a_6j u_j + u_6 and the embedded solution omits u_6 (so u_6 is the error).
 */
export const RODAS4 = {
  /** Diagonal coefficient γ. */
  gamma: 0.25,
  /** Stage times c_i (fractions of the step). */
  c: [0, 0.386, 0.21, 0.63, 1, 1],
  /** Coefficients d_i of the ∂f/∂t term (γ_i = Σ_j γ_ij of the untransformed method). */
  d: [0.25, -0.1043, 0.1035, -0.03620000000000023, 0, 0],
  /** Stage-argument coefficients a_ij (row i lists a_i1 … a_i,i-1). */
  a: [
    [],
    [1.544],
    [0.9466785280815826, 0.2557011698983284],
    [3.314825187068521, 2.896124015972201, 0.9986419139977817],
    [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895],
    [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895, 1],
  ],
  /** Coupling coefficients c_ij of earlier increments (row i lists c_i1 … c_i,i-1). */
  couplings: [
    [],
    [-5.6688],
    [-2.430093356833875, -0.2063599157091915],
    [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
    [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616],
    [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
  ],
  /**
   * Dense-output coefficients: with q2 = Σ dense2_j u_j and q3 = Σ dense3_j u_j the interpolant is
   * y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(q2 + θ q3)).
   */
  dense2: [10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662],
  dense3: [-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872],
} as const;
