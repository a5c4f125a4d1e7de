import { createRng } from '../rng/index.js';
import type { TissueView } from '../space/tissueView.js';
import type { ResultMetadata } from '../schema/index.js';
import { ENGINE_VERSION } from '../version.js';
import { CoupledSimulation } from './coupledSimulation.js';
import { OdeSimulation } from './odeSimulation.js';
import { ScenarioRunError } from './scenarioRunError.js';
import type { ResolvedScenario } from './resolveScenario.js';
import { buildSchedule, sampleTimes, type Breakpoint } from './schedule.js';
import type { Simulation } from './simulation.js';
import { SteppedSimulation } from './steppedSimulation.js';
import { StochasticSimulation } from './stochasticSimulation.js';

/** Samples recorded since some point: what a live view appends. Arrays are fresh copies (transferable). */
export interface RunFrame {
  /** Index of the first sample in this frame. */
  readonly start: number;
  /** Their times. */
  readonly time: Float64Array;
  /** Observable id → values. */
  readonly observables: Record<string, Float64Array>;
}

/** Everything needed to continue a replicate exactly where it was (structured-cloneable). */
export interface RunSnapshot {
  /** Model id, for a clear error when restored against another scenario. */
  readonly model: string;
  /** Which replicate. */
  readonly replicate: number;
  /** Samples recorded so far and breakpoints applied so far. */
  readonly nextSample: number;
  readonly nextBreakpoint: number;
  /** The recorded columns (copies). */
  readonly columns: Float64Array[];
  /** The simulation's own state. */
  readonly simulation: unknown;
}

/** One simulated trajectory: sample times and one column per observable, with how it was made. */
export interface RunResult {
  /** Sample times. */
  readonly time: Float64Array;
  /** Observable id → values at the sample times. */
  readonly observables: Readonly<Record<string, Float64Array>>;
  /** Model, engine, method, seed, replicate, parameters, initial state and units. */
  readonly metadata: ResultMetadata;
  /** Work done: ODE steps, reaction events or model steps. */
  readonly work: number;
}

/** Refuses sample times that are not increasing or not within [0, duration]. */
function checkSampleTimes(times: Float64Array, duration: number): void {
  if (times.length === 0) throw new RangeError('times: at least one sample time is needed');
  times.forEach((t, i) => {
    if (!(t >= 0 && t <= duration)) {
      throw new RangeError(`times[${i}]: ${t} is outside the run; allowed: 0 to ${duration}`);
    }
    if (i > 0 && !(t > times[i - 1])) {
      throw new RangeError(
        `times[${i}]: ${t} is not after times[${i - 1}] (${times[i - 1]}); allowed: increasing times`,
      );
    }
  });
}

function createSimulation(scenario: ResolvedScenario, replicate: number, signal?: AbortSignal): Simulation {
  const rng = createRng(scenario.seed, replicate);
  switch (scenario.method) {
    case 'ode':
      return new OdeSimulation(scenario);
    case 'ssa':
    case 'tau-leaping':
      return new StochasticSimulation(scenario, rng, signal);
    case 'agent':
      return scenario.coupling ? new CoupledSimulation(scenario, replicate) : new SteppedSimulation(scenario, rng);
  }
}

/**
 * One replicate, advanced a sample at a time so that callers can run it in chunks with `runInChunks`
 * (yielding to the event loop, reporting progress, honouring cancellation) or all at once. Its random stream is derived from
 * (seed, replicate) alone, so the result is the same whichever order or worker runs it.
 */
export class ReplicateRun {
  private readonly simulation: Simulation;
  private readonly times: Float64Array;
  private readonly schedule: Breakpoint[];
  private readonly columns: Float64Array[];
  private readonly row: Float64Array;
  private nextSample = 0;
  private nextBreakpoint = 0;

  /**
   * @param times the times to record (default every `outputInterval`): increasing, in [0, duration]; the run
   *   samples exactly at them (a fit's observation times)
   */
  constructor(
    private readonly scenario: ResolvedScenario,
    private readonly replicate: number,
    private readonly signal?: AbortSignal,
    times?: Float64Array,
  ) {
    if (times) checkSampleTimes(times, scenario.duration);
    this.simulation = createSimulation(scenario, replicate, signal);
    this.times = times ?? sampleTimes(scenario.duration, scenario.outputInterval);
    this.schedule = buildSchedule(scenario.interventions, scenario.duration);
    const nObs = scenario.plugin.manifest.observables.length;
    this.columns = Array.from({ length: nObs }, () => new Float64Array(this.times.length));
    this.row = new Float64Array(nObs);
  }

  /** Whether every sample has been recorded. */
  get done(): boolean {
    return this.nextSample >= this.times.length;
  }

  /** Fraction of the simulated time recorded so far, in [0, 1] (1 only once the last sample is in). */
  get progress(): number {
    return this.nextSample === 0 ? 0 : this.times[this.nextSample - 1] / this.scenario.duration;
  }

  /** Number of samples recorded so far. */
  get samplesRecorded(): number {
    return this.nextSample;
  }

  /** Copies of the samples recorded from index `from` on (for streaming to a view). */
  frame(from: number): RunFrame {
    const start = Math.min(Math.max(0, Math.floor(from)), this.nextSample);
    const { observables } = this.scenario.plugin.manifest;
    return {
      start,
      time: this.times.slice(start, this.nextSample),
      observables: Object.fromEntries(observables.map((o, j) => [o.id, this.columns[j].slice(start, this.nextSample)])),
    };
  }

  /**
   * A copy of the complete run state; `ReplicateRun.restore` continues bit-identically from it. Every
   * array in it is a fresh copy owned by the caller, so its buffers may be transferred to another worker.
   */
  snapshot(): RunSnapshot {
    return {
      model: this.scenario.plugin.manifest.id,
      replicate: this.replicate,
      nextSample: this.nextSample,
      nextBreakpoint: this.nextBreakpoint,
      columns: this.columns.map((c) => c.slice()),
      simulation: this.simulation.snapshot(),
    };
  }

  /**
   * Continues a replicate from a snapshot taken of a run of the same resolved scenario (same model,
   * parameters, interventions, duration and sampling); the rest of the run is what the original would
   * have produced.
   */
  static restore(scenario: ResolvedScenario, snapshot: RunSnapshot, signal?: AbortSignal): ReplicateRun {
    const run = new ReplicateRun(scenario, snapshot.replicate, signal);
    if (
      snapshot.model !== scenario.plugin.manifest.id ||
      snapshot.columns.length !== run.columns.length ||
      snapshot.columns.some((c) => c.length !== run.times.length)
    ) {
      throw new RangeError(
        `ReplicateRun.restore: the snapshot is of model "${snapshot.model}" with ${snapshot.columns[0]?.length ?? 0} samples; ` +
          `the scenario is of "${scenario.plugin.manifest.id}" with ${run.times.length}`,
      );
    }
    run.nextSample = snapshot.nextSample;
    run.nextBreakpoint = snapshot.nextBreakpoint;
    run.columns.forEach((c, j) => c.set(snapshot.columns[j]));
    run.simulation.restore(snapshot.simulation);
    return run;
  }

  /**
   * Records the next sample, applying every breakpoint at or before it first. A failure of the model or its
   * solver is thrown as a {@link ScenarioRunError} naming the scenario's values; a cancellation passes through.
   */
  step(): void {
    try {
      this.advanceOneSample();
    } catch (error) {
      if (this.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw error;
      if (error instanceof ScenarioRunError) throw error;
      throw new ScenarioRunError(this.scenario, this.replicate, this.times[this.nextSample], error);
    }
  }

  private advanceOneSample(): void {
    const t = this.times[this.nextSample];
    while (this.nextBreakpoint < this.schedule.length && this.schedule[this.nextBreakpoint].time <= t) {
      const point = this.schedule[this.nextBreakpoint++];
      this.simulation.advanceTo(point.time);
      this.simulation.apply(point.intervention, point.phase);
    }
    const horizon =
      this.nextBreakpoint < this.schedule.length ? this.schedule[this.nextBreakpoint].time : this.scenario.duration;
    this.simulation.sample(t, horizon, this.row);
    for (let j = 0; j < this.columns.length; j++) this.columns[j][this.nextSample] = this.row[j];
    this.nextSample++;
  }

  /**
   * A picture of the model's space at the last recorded sample (cell states, fields, agents), or undefined
   * for a model without space. The arrays are copies the caller owns. `fields`: the fields needed (default
   * all; a model may then copy only those).
   */
  view(fields?: readonly string[]): TissueView | undefined {
    return this.simulation.view?.(fields);
  }

  /** The time of the last recorded sample (undefined before the first). */
  get time(): number | undefined {
    return this.nextSample === 0 ? undefined : this.times[this.nextSample - 1];
  }

  /** Runs to the end synchronously. */
  runToEnd(): RunResult {
    while (!this.done) this.step();
    return this.result();
  }

  /** The finished result; throws if samples are still missing. */
  result(): RunResult {
    if (!this.done) throw new Error('the run has not finished');
    const { manifest } = this.scenario.plugin;
    const units: Record<string, string> = { time: manifest.timeUnit };
    for (const o of manifest.observables) units[o.id] = o.unit;
    return {
      time: this.times,
      observables: Object.fromEntries(manifest.observables.map((o, j) => [o.id, this.columns[j]])),
      metadata: {
        model: { id: manifest.id, version: manifest.version },
        engineVersion: ENGINE_VERSION,
        method: this.scenario.method,
        seed: this.scenario.seed,
        replicate: this.replicate,
        parameters: { ...this.scenario.parameters },
        initial: this.simulation.initialState(),
        units,
        timeUnit: manifest.timeUnit,
      },
      work: this.simulation.work(),
    };
  }
}
