/**
 * Small dense linear algebra for the analyses (matrices of a few dozen columns): row-major
 * Float64Arrays with explicit sizes.
 */

/**
 * Residuals of the least-squares fit of `y` on the columns of `design` (n rows × p columns, row-major;
 * include a column of ones for an intercept), by modified Gram–Schmidt QR: y minus its projection onto the
 * column space. Throws a RangeError when the columns are (numerically) dependent.
 */
export function leastSquaresResiduals(design: Float64Array, n: number, p: number, y: ArrayLike<number>): Float64Array {
  const q = Float64Array.from(design);
  const residual = Float64Array.from(y);
  for (let j = 0; j < p; j++) {
    let originalNorm = 0;
    for (let i = 0; i < n; i++) originalNorm += design[i * p + j] ** 2;
    // Orthogonalise column j against the earlier (already normalised) columns.
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i * p + k] * q[i * p + j];
      for (let i = 0; i < n; i++) q[i * p + j] -= dot * q[i * p + k];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * p + j] ** 2;
    if (!(norm > 1e-24 * originalNorm) || norm === 0) {
      throw new RangeError(
        `design column ${j} must be linearly independent of the others; it is not (collinear or constant)`,
      );
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i * p + j] /= norm;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += q[i * p + j] * residual[i];
    for (let i = 0; i < n; i++) residual[i] -= dot * q[i * p + j];
  }
  return residual;
}
