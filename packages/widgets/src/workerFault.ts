/**
 * What a workbench does when its session's worker dies: it hears of it from the session's lifeline, and shows
 * why with a Restart button (a new session, with the workbench's state replayed).
 */
import type { WorkerDiedError, WorkerLifeline } from '@immunotwin/worker';
import { html, type TemplateResult } from 'lit';

/** A session whose worker may die: worker sessions (`SessionClient`) have a lifeline; in-process ones need none. */
export interface IMortalSession {
  /** Where the session's host reports its worker's death. */
  readonly lifeline?: Pick<WorkerLifeline, 'died'>;
}

/** Calls `listener` once, if and when the session's worker dies. */
export function onWorkerDeath(session: IMortalSession, listener: (error: WorkerDiedError) => void): void {
  void session.lifeline?.died.then(listener);
}

/** What the user reads: why the worker died, and what Restart does. */
export function workerFaultText(error: WorkerDiedError): string {
  const advice =
    error.deathCause === 'out-of-memory' ? ' Fewer replicates, a shorter run or a smaller lattice need less.' : '';
  return (
    `The twin's worker is gone. ${error.message}${advice} ` +
    "Restart starts a new one with this workbench's parameters, interventions and pinned runs."
  );
}

/** The notice in place of the workbench's error line: the reason and a Restart button. */
export function workerFaultNotice(error: WorkerDiedError, restart: () => void): TemplateResult {
  return html`<span class="worker-fault">${workerFaultText(error)}</span>
    <button type="button" data-action="restart" @click=${restart}>Restart</button>`;
}
