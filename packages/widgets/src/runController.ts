import type { BandSpec, RunProgress, Scenario } from '@immunotwin/engine';
import type { IBandResult, ISessionFrame, ISessionResult, ITwinSession } from '@immunotwin/worker';

/** Where the controller's run is. */
export type RunPhase = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** What a {@link RunController} tells its owner. */
export interface IRunListener {
  /** A new run of `scenario` (explicit) starts: clear the live plot. */
  begin(scenario: Scenario): void;
  /** Samples of the current run. */
  frame(frame: ISessionFrame): void;
  /** Progress of the current run or band. */
  progress(progress: RunProgress): void;
  /** The current run finished. */
  end(result: ISessionResult): void;
  /** A band of the scenario starts computing: the plot keeps the last band until the new one is in. */
  bandBegin(band: BandSpec): void;
  /** The band finished: its median and quantile bands. */
  bandEnd(result: IBandResult): void;
  /** A run or a scenario change failed (not called for cancellations). */
  error(error: unknown): void;
  /** The phase changed. */
  phase(phase: RunPhase): void;
}

/** Whether `error` is the rejection of a cancelled run or band (an error named `AbortError`). */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Drives one twin session for a live view: loads scenarios, runs them streaming frames, and handles play,
 * pause, step and speed. Session calls that change the scenario are queued one after the other; a new
 * scenario cancels the run under way first (the session's `cancel()`), and frames of a cancelled run are
 * dropped. Speed is in model time units per wall-clock second (Infinity: as fast as the worker goes): the
 * frame listener waits, which back-pressures the worker. With `band` set, a scenario is not played but its band
 * (replicates or a cohort) is computed in the session, cancelled the same way; pause and step do nothing then.
 */
export class RunController {
  /** Playback speed: model time units per second (Infinity: full speed). */
  speed = Infinity;
  /** What a scenario shows: undefined, one live run; otherwise the band computed (from the next start on). */
  band: BandSpec | undefined = undefined;
  /** The field the live run's tissue pictures draw (undefined: the model's first), from the next start on. */
  tissueField: string | undefined = undefined;

  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private running: Promise<void> | undefined;
  private stepping = false;
  private phaseValue: RunPhase = 'idle';
  private lastTime = 0;
  private wake: (() => void) | undefined;
  private waiters: (() => void)[] = [];

  /**
   * @param session the session to drive (in a worker or in process)
   * @param listener receives frames, progress, results and errors
   */
  constructor(
    readonly session: ITwinSession,
    private readonly listener: IRunListener,
  ) {}

  /** The current phase. */
  get phase(): RunPhase {
    return this.phaseValue;
  }

  /**
   * Makes `scenario` the session's scenario (cancelling any run) and, if `run` is true, runs it. Resolves to
   * the explicit scenario once it is accepted; rejects with the session's ValidationError if not (the
   * session keeps its previous scenario).
   */
  load(scenario: Scenario, run = true): Promise<Scenario> {
    return this.enqueue(async () => {
      await this.stop();
      const explicit = await this.session.create(scenario);
      if (run) this.begin(explicit);
      else this.setPhase('idle');
      return explicit;
    });
  }

  /**
   * Runs a scenario to the end in the session without streaming (for pinned runs), reporting its progress to
   * `onProgress`; the live run is cancelled. `cancel()` stops it: it then rejects with an AbortError.
   */
  compute(scenario: Scenario, onProgress?: (progress: RunProgress) => void): Promise<ISessionResult> {
    return this.enqueue(async () => {
      await this.stop();
      await this.session.create(scenario);
      await this.session.run({ onProgress }); // chunks of the engine's default budget
      return this.session.result();
    });
  }

  /**
   * Stops what is computing now (the live run, a band, or a `compute`), without waiting for the calls queued
   * before it: frames of the stopped run are dropped, a `compute` under way rejects with an AbortError, and the
   * phase becomes idle. The scenario stays loaded, so `play()` runs it again.
   */
  async cancel(): Promise<void> {
    this.generation++;
    this.wake?.();
    this.stepping = false;
    await this.session.cancel();
    this.setPhase('idle');
  }

  /** Plays: resumes a paused run, or starts the current scenario (or its band) again. */
  play(): Promise<void> {
    return this.enqueue(async () => {
      this.stepping = false;
      if (this.phaseValue === 'paused') {
        this.setPhase('running');
        await this.session.resume();
      } else if (this.phaseValue !== 'running') this.begin(await this.session.scenario());
    });
  }

  /** Cancels what is under way and starts the current scenario again: its live run, or its band when `band` is set. */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.stop();
      this.begin(await this.session.scenario());
    });
  }

  /** Pauses the run at its next chunk (not a band). */
  pause(): Promise<void> {
    return this.enqueue(async () => {
      if (this.phaseValue !== 'running' || this.band) return;
      await this.session.pause();
      this.setPhase('paused');
    });
  }

  /** Advances by one frame: from a pause, from the end or from idle (a new run that stops after its first frame); not a band. */
  step(): Promise<void> {
    return this.enqueue(async () => {
      if (this.band) return;
      this.stepping = true;
      if (this.phaseValue === 'paused') {
        this.setPhase('running'); // until the step's frame is in
        await this.session.resume();
      } else if (this.phaseValue !== 'running') this.start(await this.session.scenario(), true);
      else {
        await this.session.pause();
        this.setPhase('paused');
      }
    });
  }

  /** Cancels the run and clears it (the scenario stays). */
  reset(): Promise<void> {
    return this.enqueue(async () => {
      await this.stop();
      this.listener.begin(await this.session.scenario());
      this.setPhase('idle');
    });
  }

  /**
   * Resolves when every queued call has been handled and the run under way, if any, has ended or is
   * paused (after a step, once the step's frame is in).
   */
  async idle(): Promise<void> {
    for (;;) {
      const queue = this.queue;
      await queue.catch(() => undefined);
      if (queue !== this.queue) continue;
      if (!this.running || this.phaseValue === 'paused') return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private setPhase(phase: RunPhase): void {
    if (phase === this.phaseValue) return;
    this.phaseValue = phase;
    this.listener.phase(phase);
    this.notify();
  }

  /** Cancels the run under way and waits for it to wind down. */
  private async stop(): Promise<void> {
    this.generation++;
    this.wake?.();
    const running = this.running;
    if (running) {
      await this.session.cancel();
      await running;
    }
    this.stepping = false;
  }

  /** Starts the scenario's live run, or its band when `band` is set, without awaiting it. */
  private begin(scenario: Scenario): void {
    if (this.band) this.startBand(this.band);
    else this.start(scenario, false);
  }

  /** Starts computing a band of the session's scenario without awaiting it. */
  private startBand(band: BandSpec): void {
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation;
    this.listener.bandBegin(band);
    this.setPhase('running');
    const run = this.session
      .band(band, {
        onProgress: (progress) => {
          if (current()) this.listener.progress(progress);
        },
      })
      .then((result) => {
        if (!current()) return;
        this.setPhase('done');
        this.listener.bandEnd(result);
      });
    this.track(run, current);
  }

  /**
   * Follows a started run or band: an error (not a cancel) of the current generation is reported; when it
   * settles it is no longer the one running.
   */
  private track(started: Promise<void>, current: () => boolean): void {
    const run = started
      .catch((error: unknown) => {
        if (!current() || isAbort(error)) return;
        this.setPhase('error');
        this.listener.error(error);
      })
      .finally(() => {
        if (this.running === run) this.running = undefined;
        this.notify();
      });
    this.running = run;
  }

  /** Starts a run without awaiting it. */
  private start(scenario: Scenario, stepping: boolean): void {
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation;
    this.stepping = stepping;
    this.lastTime = 0;
    this.listener.begin(scenario);
    this.setPhase('running'); // a step pauses once its first frame is in
    const paced = Number.isFinite(this.speed) && this.speed > 0;
    const run = this.session
      .run({
        // One sample per chunk when paced or stepping, so a frame is a small step of model time.
        chunkMilliseconds: paced || stepping ? 0 : undefined,
        // Pictures of the model's space with the frames (none for a model without one): the tissue view. A saved
        // field the model lacks (edited by hand, another version) draws its first field, with a note, not a failure.
        tissue: this.tissueField === undefined ? {} : { field: this.tissueField, unknownField: 'first' },
        onFrame: async (frame) => {
          if (!current()) return;
          this.listener.frame(frame);
          const end = frame.time.length > 0 ? frame.time[frame.time.length - 1] : this.lastTime;
          const span = Math.max(0, end - (frame.start === 0 ? 0 : this.lastTime));
          this.lastTime = end;
          if (this.stepping) {
            this.stepping = false;
            this.setPhase('paused');
            void this.session.pause(); // not awaited: the run awaits this listener
          } else if (Number.isFinite(this.speed) && this.speed > 0 && span > 0) {
            await this.sleep((1000 * span) / this.speed);
          }
        },
        onProgress: (progress) => {
          if (current()) this.listener.progress(progress);
        },
      })
      .then(async () => {
        if (!current()) return;
        const result = await this.session.result();
        if (!current()) return;
        this.setPhase('done');
        this.listener.end(result);
      });
    this.track(run, current);
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, milliseconds);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
