import type { Scenario } from '@immunotwin/engine';

/** How {@link ScenarioChanges} waits, queues and applies. */
export interface IScenarioChangesHost {
  /** Milliseconds a debounced change waits for the next one. */
  delay(): number;
  /** Whether a change can be applied now (a session and an accepted state exist); if not, it stays pending. */
  ready(): boolean;
  /** Runs `task` after everything the host has queued before it (the host's one serial queue). */
  enqueue(task: () => Promise<void>): void;
  /** Applies a scenario (loads it into the session, restarting the run); its errors are the host's to show. */
  apply(scenario: Scenario): Promise<void>;
}

/**
 * The scenario changes a workbench's controls make: each one debounced when asked, and applied one at a time
 * through the host's queue. A change that arrives while another is queued replaces it (the newest wins), so a
 * slider dragged fast costs one restart per step the worker can take, not one per input event. Changes build on
 * the latest scenario asked for ({@link base}), so two quick edits of different parameters both count.
 */
export class ScenarioChanges {
  /** The newest scenario asked for and not yet handed to the host. */
  private pending: Scenario | undefined;
  /** Whether an application of `pending` is queued. */
  private queued = false;
  /** The latest scenario asked for (pending or being applied). */
  private requested: Scenario | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Makes changes applied through `host`. */
  constructor(private readonly host: IScenarioChangesHost) {}

  /** Whether a debounced change is waiting for its delay. */
  get waiting(): boolean {
    return this.timer !== undefined;
  }

  /** The scenario the next change builds on: the latest asked for, else `accepted`. */
  base(accepted: Scenario): Scenario {
    return this.requested ?? accepted;
  }

  /** Asks for `scenario`: after the host's delay when `debounced` (a newer change restarts the wait), else at once. */
  change(scenario: Scenario, debounced: boolean): void {
    this.pending = scenario;
    this.requested = scenario;
    this.cancelWait();
    const delay = this.host.delay();
    if (debounced && delay > 0) this.timer = setTimeout(() => this.queue(), delay);
    else this.queue();
  }

  /** Forgets every change not yet applied (a new state replaces them). */
  clear(): void {
    this.cancelWait();
    this.pending = undefined;
    this.requested = undefined;
  }

  private cancelWait(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Queues the newest pending scenario, unless one is already queued (it will take the newest). */
  private queue(): void {
    this.timer = undefined;
    if (this.queued || !this.host.ready()) return;
    this.queued = true;
    this.host.enqueue(async () => {
      this.queued = false;
      const scenario = this.pending;
      this.pending = undefined;
      if (!scenario) return;
      try {
        await this.host.apply(scenario);
      } finally {
        if (this.requested === scenario) this.requested = undefined;
      }
    });
  }
}
