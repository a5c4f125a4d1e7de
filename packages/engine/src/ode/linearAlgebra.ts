/**
 * LU factorisation with partial (row) pivoting of a small dense n × n matrix stored row-major, for
 * repeated solves with the same matrix. Storage is allocated once; `factor` and `solve` allocate nothing.
 */
export class DenseLu {
  /** Combined factors: strict lower part holds L (unit diagonal implied), upper part holds U. */
  private readonly lu: Float64Array;
  /** Row index swapped into position k at elimination step k. */
  private readonly pivots: Int32Array;

  /** Allocates storage for n × n matrices. */
  constructor(readonly n: number) {
    this.lu = new Float64Array(n * n);
    this.pivots = new Int32Array(n);
  }

  /**
   * Factors `matrix` (row-major, length n², left untouched). Returns false when a pivot is zero or not
   * finite, i.e. the matrix is singular to working precision or contains NaN/Infinity.
   */
  factor(matrix: Float64Array): boolean {
    const n = this.n;
    const lu = this.lu;
    lu.set(matrix);
    for (let k = 0; k < n; k++) {
      let pivotRow = k;
      let pivotSize = Math.abs(lu[k * n + k]);
      for (let r = k + 1; r < n; r++) {
        const size = Math.abs(lu[r * n + k]);
        if (size > pivotSize) {
          pivotSize = size;
          pivotRow = r;
        }
      }
      if (!(pivotSize > 0) || !Number.isFinite(pivotSize)) return false;
      this.pivots[k] = pivotRow;
      if (pivotRow !== k) {
        for (let c = 0; c < n; c++) {
          const tmp = lu[k * n + c];
          lu[k * n + c] = lu[pivotRow * n + c];
          lu[pivotRow * n + c] = tmp;
        }
      }
      const pivot = lu[k * n + k];
      for (let r = k + 1; r < n; r++) {
        const m = lu[r * n + k] / pivot;
        lu[r * n + k] = m;
        if (m !== 0) for (let c = k + 1; c < n; c++) lu[r * n + c] -= m * lu[k * n + c];
      }
    }
    return true;
  }

  /** Solves A x = b in place (b is overwritten with x) using the last successful `factor`. */
  solve(b: Float64Array): void {
    const n = this.n;
    const lu = this.lu;
    for (let k = 0; k < n; k++) {
      const p = this.pivots[k];
      if (p !== k) {
        const tmp = b[k];
        b[k] = b[p];
        b[p] = tmp;
      }
    }
    for (let r = 1; r < n; r++) {
      let sum = b[r];
      for (let c = 0; c < r; c++) sum -= lu[r * n + c] * b[c];
      b[r] = sum;
    }
    for (let r = n - 1; r >= 0; r--) {
      let sum = b[r];
      for (let c = r + 1; c < n; c++) sum -= lu[r * n + c] * b[c];
      b[r] = sum / lu[r * n + r];
    }
  }
}
