/**
 * The Cholesky factor L (lower triangular, row-major n × n) of a symmetric positive-definite matrix A = L·Lᵀ
 * (row-major, only its lower triangle is read), or undefined when A is not positive definite to working precision.
 */
export function choleskyFactor(matrix: ArrayLike<number>, n: number): Float64Array | undefined {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
        lower[i * n + i] = Math.sqrt(sum);
      } else lower[i * n + j] = sum / lower[j * n + j];
    }
  }
  return lower;
}

/** Solves L·x = b in place (b becomes x) for a lower-triangular row-major L with a non-zero diagonal. */
export function solveLower(lower: ArrayLike<number>, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * b[k];
    b[i] = sum / lower[i * n + i];
  }
}

/** Solves Lᵀ·x = b in place for a lower-triangular row-major L (the back substitution after `solveLower`). */
export function solveLowerTransposed(lower: ArrayLike<number>, n: number, b: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * b[k];
    b[i] = sum / lower[i * n + i];
  }
}
