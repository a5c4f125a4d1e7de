import { checkpoint, ChunkBudget } from '../run/runInChunks.js';
import { ScenarioRunError } from '../run/scenarioRunError.js';
import type { FitEvaluation, FitProblem } from './fitProblem.js';
import { ParameterScaling } from './parameterScaling.js';

/** How a fit's evaluations are driven: cancellation, yielding to the event loop, and a count for progress. */
export interface EvaluationControl {
  /** Checked before every evaluation: the fit rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * A wall-clock budget shared by the fit's evaluations: once spent the fit yields to the event loop before the
   * next evaluation, so a cancel (or a page) gets its turn. Default: a fresh `ChunkBudget` (16 ms).
   */
  readonly budget?: ChunkBudget;
  /** Called after every evaluation with the number made so far by this objective. */
  readonly onEvaluation?: (evaluations: number) => void;
}

/** One evaluation on the optimiser's scale: the point u, −log L and the residuals when the problem has them. */
export interface ScaledEvaluation extends FitEvaluation {
  /** The point, on the optimiser's scale. */
  readonly u: Float64Array;
}

/**
 * A fit problem seen by an optimiser: evaluated at points u of the scaled box, one evaluation at a time, with the
 * cancellation and yielding of {@link EvaluationControl} between evaluations. Counts its evaluations.
 */
export class FitObjective {
  /** The map between θ and u. */
  readonly scaling: ParameterScaling;
  private readonly budget: ChunkBudget;
  private count = 0;
  private failureCount = 0;
  private lastFailureMessage: string | undefined;

  /** @param problem the likelihood; @param control cancellation, yielding and the evaluation hook */
  constructor(
    readonly problem: FitProblem,
    private readonly control: EvaluationControl = {},
  ) {
    this.scaling = new ParameterScaling(problem.parameters);
    this.budget = control.budget ?? new ChunkBudget();
  }

  /** Evaluations made so far. */
  get evaluations(): number {
    return this.count;
  }

  /** Evaluations at which the model's run failed (a `ScenarioRunError`), counted as −log L = +∞. */
  get failures(): number {
    return this.failureCount;
  }

  /** The message of the last failed run, if any. */
  get lastFailure(): string | undefined {
    return this.lastFailureMessage;
  }

  /**
   * Evaluates the problem at u (which must lie in the box); rejects when cancelled. A point where the model's run
   * fails (a `ScenarioRunError`: the solver gave up at extreme parameter values) or −log L is not finite counts as
   * infinitely unlikely, with no residuals, so the optimisers step away from it; any other error rejects.
   */
  async evaluate(u: Float64Array): Promise<ScaledEvaluation> {
    await checkpoint(this.budget, this.control.signal);
    let evaluation: FitEvaluation;
    try {
      evaluation = this.problem.evaluate(this.scaling.toTheta(u));
    } catch (error) {
      if (!(error instanceof ScenarioRunError)) throw error;
      this.failureCount++;
      this.lastFailureMessage = error.message;
      evaluation = { negLogLikelihood: Infinity };
    }
    this.count++;
    this.control.onEvaluation?.(this.count);
    const { negLogLikelihood, residuals } = evaluation;
    if (!Number.isFinite(negLogLikelihood)) return { u: Float64Array.from(u), negLogLikelihood: Infinity };
    return { u: Float64Array.from(u), negLogLikelihood, residuals };
  }
}
