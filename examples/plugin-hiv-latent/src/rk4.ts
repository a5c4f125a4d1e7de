/** Writes dy/dt at state `y` into `dydt` (no allocation: called four times a step). */
export type Derivatives = (y: Float64Array, dydt: Float64Array) => void;

/**
 * The classical fourth-order Runge–Kutta method with a fixed step, for an autonomous system: advances `y` in
 * place by `h`. Its scratch arrays are allocated once, for systems of `size` equations.
 */
export class RungeKutta4 {
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly stage: Float64Array;

  constructor(
    private readonly size: number,
    private readonly derivatives: Derivatives,
  ) {
    this.k1 = new Float64Array(size);
    this.k2 = new Float64Array(size);
    this.k3 = new Float64Array(size);
    this.k4 = new Float64Array(size);
    this.stage = new Float64Array(size);
  }

  /** y ← y + h/6 (k1 + 2 k2 + 2 k3 + k4). */
  step(y: Float64Array, h: number): void {
    const { size, k1, k2, k3, k4, stage } = this;
    this.derivatives(y, k1);
    for (let i = 0; i < size; i++) stage[i] = y[i] + 0.5 * h * k1[i];
    this.derivatives(stage, k2);
    for (let i = 0; i < size; i++) stage[i] = y[i] + 0.5 * h * k2[i];
    this.derivatives(stage, k3);
    for (let i = 0; i < size; i++) stage[i] = y[i] + h * k3[i];
    this.derivatives(stage, k4);
    for (let i = 0; i < size; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
}
